import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { DEMO_PINS } from '../../electron/core/demo-pins';

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
  it('a leader generates next month, swaps two members, publishes and prints it', async () => {
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

    // Swap the first member of the first working day with the first of the second.
    const [d1, d2] = working as { day: string; shifts: { members: { fullName: string; memberId: number }[] }[] }[];
    const a = d1!.shifts[0]!.members[0]!;
    const b = d2!.shifts[0]!.members[0]!;
    const dateOf = (day: string) => day.split('-').reverse().join('/');
    await page.getByRole('button', { name: 'Đổi ca giữa hai thành viên' }).click();
    await page.getByRole('button', { name: `Chọn ${a.fullName} ngày ${dateOf(d1!.day)} để đổi` }).click();
    await eventually(() => page.getByText(`Đã chọn ${a.fullName} ngày ${dateOf(d1!.day)}. Chọn vị trí thứ hai.`).count()).toBe(1);
    await expectNoAxeViolations(page, 'roster, swapping');
    await page.getByRole('button', { name: `Chọn ${b.fullName} ngày ${dateOf(d2!.day)} để đổi` }).click();
    await eventually(() => page.getByText('Đã đổi ca.').count()).toBe(1);
    const after = await call('roster.month', { month }, leader.token);
    const firstOf = (day: string) => after.days.find((d: { day: string }) => d.day === day).shifts[0].members.map((m: { memberId: number }) => m.memberId);
    expect(firstOf(d1!.day)).toContain(b.memberId);
    expect(firstOf(d2!.day)).toContain(a.memberId);
    await page.getByRole('button', { name: 'Thôi đổi ca' }).click();

    await page.getByRole('button', { name: 'Công bố lịch' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xác nhận' }).click();
    await eventually(() => page.getByText('Trạng thái: Đã công bố').count()).toBe(1);
    await screenshot(page, 'team-roster-next-published');

    await page.getByRole('button', { name: 'In lịch tháng' }).click();
    await eventually(() => page.locator('.admin-doc').count()).toBe(1);
    await expectNoAxeViolations(page, 'roster print');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => document.fonts.ready);
    const pdfPath = `${OUT}/lich-truc.pdf`;
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    const [y, m] = month.split('-');
    // pdftotext splits some words where the font's glyphs are positioned apart ("Hạ nh");
    // letters and diacritics must all be there, so compare without white space.
    const flat = (s: string) => s.replace(/\s+/g, '');
    for (const expected of [
      'UBND XÃ CHƯ PĂH', 'TỔ CÔNG NGHỆ SỐ', 'CỘNG ĐỒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc',
      'LỊCH TRỰC ĐIỂM HỖ TRỢ SỐ', `Tháng ${Number(m)} năm ${y}`, 'NGƯỜI LẬP', 'TỔ TRƯỞNG', 'Rơ Mah Hồng Nhung', a.fullName, b.fullName,
    ]) expect(flat(text), expected).toContain(flat(expected));
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
    await other.getByLabel('Mã PIN').fill('9999');
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
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Thành viên Tổ công nghệ số cộng đồng');
    await eventually(() => page.getByText('17 thành viên đang hoạt động', { exact: true }).count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'team');
    await screenshot(page, 'team-members');
    await page.getByRole('button', { name: 'Thêm thành viên' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByRole('dialog').getByText('Vui lòng nhập thông tin này.').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'member form');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Họ và tên').fill('Rơ Lan Hương');
    await dialog.getByLabel('Tiếng Jrai').check();
    await dialog.getByLabel('Mã PIN ban đầu (4–8 chữ số)').fill('5678');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByText('Đã lưu thông tin thành viên.').count()).toBe(1);
    await eventually(() => page.getByText('18 thành viên đang hoạt động', { exact: true }).count()).toBe(1);
    const added = (await server.call('access.signInOptions')).body.result.find((m: { fullName: string }) => m.fullName === 'Rơ Lan Hương');
    expect((await server.call('access.signIn', { memberId: added.id, pin: '5678' })).status).toBe(200);

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
