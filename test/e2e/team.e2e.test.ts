import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { DEMO_PINS } from '#core/demo-pins';

const OUT = 'test-results/team';
/** The shared 2-core machine can be slow to load a page: wait up to 15 s for what the user would see. */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const { server, api: call, pageAs } = setUpE2E({ demo: true, folders: [OUT] });
const signIn = (name: string, pin: string) => server.signIn(name, pin);

function nextMonth(): string {
  const now = new Date(Date.now() + 7 * 3_600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

describe('team and duty roster, through the real server and browser', () => {
  it('a leader generates next month, edits it on the grid by keyboard, publishes, confirms a change the member then sees, and prints it', async () => {
    const leader = await signIn('Rơ Mah Hồng Nhung', DEMO_PINS.leader);
    const page = await pageAs(leader.token);
    await page.goto(`${server.url}/#/staff/roster`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Lịch trực tại điểm hỗ trợ số');
    // The demo month is published; its table is there.
    await eventually(() => page.getByText('Trạng thái: Đã công bố').count()).toBe(1);
    await expectNoAxeViolations(page, 'roster, current month');
    await screenshot(page, 'team-roster-current');

    const month = nextMonth();
    await page.getByRole('button', { name: 'Tháng sau' }).click();
    await eventually(() => page.getByText('Trạng thái: Chưa lập').count()).toBe(1);
    await page.getByRole('button', { name: 'Tự động xếp lịch' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await eventually(() => page.getByText(/Đã xếp \d+ lượt trực\./).count()).toBe(1);
    await eventually(() => page.getByText('Trạng thái: Bản nháp').count()).toBe(1);
    const before = await call('roster.month', { month }, leader.token);
    const working = before.days.filter((d: { working: boolean }) => d.working);
    expect(working.every((d: { shifts: { state: string }[] }) => d.shifts.every((s) => s.state === 'ok'))).toBe(true);
    const counts = before.tally.map((t: { shifts: number }) => t.shifts);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);

    // Move a member from the first working day to the second on the grid, by keyboard only.
    const [d1, d2] = working as { day: string; shifts: { members: { fullName: string; memberId: number }[] }[] }[];
    const onDay = (d: typeof d1) => d!.shifts.flatMap((s) => s.members.map((m) => m.memberId));
    const a = d1!.shifts[0]!.members.find((m) => !onDay(d2).includes(m.memberId))!;
    const dateOf = (day: string) => day.split('-').reverse().join('/');
    const cell = (name: string, day: string) =>
      page.getByRole('button', { name: new RegExp(`^${name}, [^,]* ${dateOf(day)}:`) });
    const mark = (name: string, day: string) => cell(name, day).locator('[aria-hidden="true"]').textContent();
    await expect(mark(a.fullName, d1!.day)).resolves.toBe('✓');
    await cell(a.fullName, d1!.day).focus();
    await page.keyboard.press('Space');
    await eventually(() => mark(a.fullName, d1!.day)).toBe('');
    const steps =
      before.days.findIndex((d: { day: string }) => d.day === d2!.day) -
      before.days.findIndex((d: { day: string }) => d.day === d1!.day);
    for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await eventually(() => mark(a.fullName, d2!.day)).toBe('✓');
    await expectNoAxeViolations(page, 'roster grid, draft');
    const moved = await call('roster.month', { month }, leader.token);
    const idsOn = (day: string) =>
      moved.days
        .find((d: { day: string }) => d.day === day)
        .shifts[0].members.map((m: { memberId: number }) => m.memberId);
    expect(idsOn(d1!.day)).not.toContain(a.memberId);
    expect(idsOn(d2!.day)).toContain(a.memberId);

    await page.getByRole('button', { name: 'Công bố lịch' }).click();
    const publishText = await page.getByRole('dialog').first().textContent();
    expect(publishText).toContain('gói số liệu gửi tỉnh lần tới');
    expect(publishText).not.toContain('được gửi lên tỉnh');
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await eventually(() => page.getByText('Trạng thái: Đã công bố').count()).toBe(1);

    // After publishing, a click is only a proposal until the leader confirms it; then the member is told.
    const team = await call('team.list', {}, leader.token);
    const member = team.find(
      (m: { accessRole: string; id: number; active: boolean }) =>
        m.accessRole === 'duty_member' && m.active && !idsOn(d1!.day).includes(m.id),
    );
    await cell(member.fullName, d1!.day).click();
    await eventually(() => page.getByText('1 thay đổi chưa áp dụng.').count()).toBe(1);
    expect(
      (await call('roster.month', { month }, leader.token)).days
        .find((d: { day: string }) => d.day === d1!.day)
        .shifts[0].members.map((m: { memberId: number }) => m.memberId),
    ).not.toContain(member.id);
    await page.getByRole('button', { name: 'Xem lại và xác nhận…' }).click();
    const review = page.getByRole('dialog', { name: 'Sửa lịch đã công bố' });
    await eventually(() => review.textContent()).toContain(
      `${member.fullName}: thêm ${dateOf(d1!.day).slice(0, 5)} (Cả ngày)`,
    );
    expect(await review.textContent()).toContain('không có tên');
    await expectNoAxeViolations(page, 'roster grid, confirming a published change');
    await screenshot(page, 'team-roster-confirm');
    await review.getByRole('button', { name: 'Xác nhận thay đổi' }).click();
    await eventually(() => page.getByText('Đã sửa 1 ô; 1 thành viên sẽ thấy thông báo.').count()).toBe(1);
    await screenshot(page, 'team-roster-next-published');
    await page.setViewportSize({ width: 1366, height: 768 });
    await screenshot(page, 'team-roster-grid-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'team-roster-grid-1920');

    const told = await pageAs((await signIn(member.fullName, DEMO_PINS.member)).token);
    await told.goto(`${server.url}/#/staff`);
    await eventually(() => told.getByText('Lịch trực của bạn đã thay đổi').count()).toBe(1);
    expect(await told.locator('main').textContent()).toContain(`thêm ${dateOf(d1!.day).slice(0, 5)} (Cả ngày)`);
    await expectNoAxeViolations(told, 'member home with a roster notice');
    await screenshot(told, 'team-member-notice');
    await told.getByRole('button', { name: 'Đã xem' }).click();
    await eventually(() => told.getByText('Lịch trực của bạn đã thay đổi').count()).toBe(0);
    await told.context().close();

    await page.getByRole('button', { name: 'In lịch tháng' }).click();
    await eventually(() => page.locator('.admin-doc').count()).toBe(1);
    await expectNoAxeViolations(page, 'roster print');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    const pdfPath = `${OUT}/lich-truc.pdf`;
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    const [y, m] = month.split('-');
    // One merged font face: words come out whole, names and headings searchable as typed.
    for (const expected of [
      'UBND XÃ CHƯ PĂH',
      'TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'LỊCH TRỰC ĐIỂM HỖ TRỢ SỐ',
      `Tháng ${Number(m)} năm ${y}`,
      'NGƯỜI LẬP',
      'TỔ TRƯỞNG',
      'Rơ Mah Hồng Nhung',
      a.fullName,
      member.fullName,
      'Trang 1/1',
    ])
      expect(text, expected).toContain(expected);
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(text).not.toContain('Tháng sau');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfPath, `${OUT}/lich-truc`]);
    await page.context().close();
  });

  it('a member starts their shift with one touch, a colleague at the same PC with their PIN, and the roster shows both', async () => {
    const member = await signIn('Kpă Y Thuận', DEMO_PINS.member);
    const page = await pageAs(member.token);
    await page.goto(`${server.url}/#/staff/duty`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Điểm danh trực');
    await expectNoAxeViolations(page, 'duty sign-in');
    // Signed in already: no name and no PIN asked again.
    await page.getByRole('region', { name: 'Ca trực của tôi' }).getByRole('button', { name: 'Vào ca' }).click();
    await eventually(() => page.getByText(/Kpă Y Thuận đã vào ca lúc \d\d:\d\d\./).count()).toBe(1);
    await eventually(() => page.getByText(/Bạn đang trực từ \d\d:\d\d\./).count()).toBe(1);
    // A colleague arriving at this PC gives their own PIN.
    const other = page.getByRole('region', { name: 'Điểm danh cho thành viên khác' });
    await other.getByLabel('Thành viên').selectOption({ label: 'Rơ Châm Blin' });
    await other.getByLabel('Mã PIN').fill('999999');
    await other.getByRole('button', { name: 'Vào ca' }).click();
    await eventually(() => page.getByText(/Mã PIN không đúng/).count()).toBe(1);
    await other.getByLabel('Mã PIN').fill(DEMO_PINS.member);
    await other.getByRole('button', { name: 'Vào ca' }).click();
    await eventually(() => page.getByText(/Rơ Châm Blin đã vào ca lúc \d\d:\d\d\./).count()).toBe(1);
    await screenshot(page, 'team-duty');
    const today = await call('roster.today', {}, member.token);
    const present = today.present.map((p: { fullName: string }) => p.fullName);
    expect(present).toEqual(expect.arrayContaining(['Kpă Y Thuận', 'Rơ Châm Blin']));
    await page.context().close();
  });

  it('the team and plan screens read right and pass axe', async () => {
    const leader = await signIn('Rơ Mah Hồng Nhung', DEMO_PINS.leader);
    const page = await pageAs(leader.token);
    await page.goto(`${server.url}/#/staff/team`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Thành viên Tổ công nghệ số cộng đồng',
    );
    await eventually(() => page.getByText('17 thành viên đang hoạt động', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'team');
    await screenshot(page, 'team-members');
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByRole('dialog').getByText('Vui lòng nhập thông tin này.').count()).toBeGreaterThan(
      0,
    );
    await expectNoAxeViolations(page, 'member form');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Họ và tên').fill('Rơ Lan Hương');
    await dialog.getByLabel('Tiếng Jrai').check();
    await dialog.getByLabel('Mã PIN ban đầu (6–8 chữ số)').fill('385926');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByText('Đã lưu thông tin thành viên.').count()).toBe(1);
    await eventually(() => page.getByText('18 thành viên đang hoạt động', { exact: true }).count()).toBe(1);
    const added = (await server.call('access.signInOptions')).body.result.members.find(
      (m: { fullName: string }) => m.fullName === 'Rơ Lan Hương',
    );
    expect((await server.call('access.signIn', { memberId: added.id, pin: '385926' })).status).toBe(200);

    await page.goto(`${server.url}/#/staff/plan`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kế hoạch hoạt động tháng');
    await eventually(() => page.getByText('Ít nhất 3 buổi hỗ trợ mỗi tháng').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'plan');
    await screenshot(page, 'team-plan');
    await page.getByRole('button', { name: 'Thêm hoạt động' }).click();
    await page.getByRole('dialog').getByLabel('Loại hoạt động').selectOption('scam_awareness');
    await page.getByRole('dialog').getByLabel('Địa điểm').fill('Hội trường thôn Plei Ring');
    await page.getByRole('dialog').getByLabel('Đối tượng').fill('Hội Nông dân');
    await expectNoAxeViolations(page, 'activity form');
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByText('Đã lưu hoạt động.').count()).toBe(1);
    await eventually(() => page.getByRole('cell', { name: /Hội trường thôn Plei Ring/ }).count()).toBe(1);
    await page.context().close();
  });
});
