import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp } from '#core/app';
import { DEMO_PINS } from '#core/demo-pins';
import { SCHEDULED_JOBS } from '#core/jobs';
import { startScheduler } from '#core/scheduler';
import { hashPin } from '#core/settings/pin';
import { TEST_SETUP, testClock } from '#core/testing';
import { generateProvinceKeys } from '#province/keys';
import { workingDaysBetween } from '#shared/reports/calendar';
import { formatDate } from '#shared/format/vietnamese';
import { addDays, vnDay, vnDayStart } from '#shared/time/vietnam';
import { expectNoAxeViolations, signedInPage } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { removeDir, startServer, tempDataDir, type RunningServer } from '../support/server';

/**
 * The chain from a finished ticket to the day's close, as the people at the point meet it: a
 * duty member with ten people waiting finishing quickly, an official closing with tickets still
 * waiting, and a PC switched off overnight and started the next morning.
 */
const OUT = 'test-results/chain';
const e2e = setUpE2E({ demo: true, context: { viewport: { width: 1366, height: 768 } }, folders: [OUT] });
const server = e2e.server;

/** Screenshots at the two staff sizes (desk PCs and the commune office's larger screen). */
async function shoot(page: Page, name: string) {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${OUT}/${name}-${width}x${height}.png` });
  }
}

async function ok(server: RunningServer, method: string, input: unknown, token: string | null) {
  const res = await server.call(method, input, token);
  expect(res.status, `${method}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
  return res.body.result;
}

describe('finishing is recording, closing tells the truth', () => {
  it('a duty member finishes ten waiting citizens quickly; every visit is in the day book without "Lưu vào sổ"', async () => {
    const today = vnDay(new Date());
    const member = await server.signIn('Kpă Y Thuận', DEMO_PINS.member);
    await ok(server, 'queue.openDesk', { desk: 3, takeOver: true }, member.token);
    // Numbers issued by the member (the kiosk gives them only in opening hours; tests run at any hour).
    for (let i = 0; i < 10; i++)
      await ok(
        server,
        'queue.checkIn',
        { helpKind: (['vneid', 'smartphone', 'payment', 'scam'] as const)[i % 4] },
        member.token,
      );
    const before = (await ok(server, 'logbook.day', { day: today }, member.token)).rows.length;

    const page = await e2e.pageAs(member.token, '/staff/desk');
    await page.getByRole('heading', { name: 'Bạn đang ở bàn 3' }).waitFor();
    const finished: string[] = [];
    for (let i = 0; i < 10; i++) {
      await page.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
      const number = page.locator('.desk-ticket-number');
      await expect.poll(() => number.count()).toBe(1);
      const current = (await number.textContent())!;
      await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Kết thúc số ${current}` });
      await dialog.waitFor();
      if (i === 0) {
        // Enter on the dialog as it opens records nothing: no outcome is chosen for the member.
        expect(await dialog.getByRole('radio', { checked: true }).count()).toBe(0);
        expect(await dialog.getByRole('button', { name: 'Kết thúc và ghi sổ' }).isDisabled()).toBe(true);
        await page.keyboard.press('Enter');
        await expectNoAxeViolations(page, 'finish dialog');
        await shoot(page, 'finish-dialog');
        expect(await dialog.isVisible()).toBe(true);
        const ticket = (await ok(server, 'queue.desk', {}, member.token)).current[0];
        expect(ticket).toMatchObject({ number: current, status: 'called' });
        // The keyboard still works: arrows choose, Enter finishes.
        await page.keyboard.press('ArrowDown');
        expect(await dialog.getByRole('radio', { name: 'Đã nộp hồ sơ với sự hỗ trợ' }).isChecked()).toBe(true);
        await page.keyboard.press('Enter');
      } else {
        await dialog
          .getByRole('radio', { name: i % 2 ? 'Đã hướng dẫn, người dân sẽ tự hoàn thành' : 'Chưa thực hiện được' })
          .check();
        await dialog.getByRole('button', { name: 'Kết thúc và ghi sổ' }).click();
      }
      await page.getByText(`Đã kết thúc số ${current} và ghi vào sổ`).waitFor();
      finished.push(current);
    }
    await expectNoAxeViolations(page, 'desk after finishing');
    await shoot(page, 'desk-finished');

    // The day book has every one of them; nobody pressed "Lưu vào sổ".
    const book = await ok(server, 'logbook.day', { day: today }, member.token);
    expect(book.rows.length).toBe(before + 10);
    const tickets = await Promise.all(
      book.rows
        .slice(-10)
        .map(async (r: { id: number }) => (await ok(server, 'logbook.get', { id: r.id }, member.token)).ticketNumber),
    );
    expect(tickets.sort()).toEqual([...finished].sort());
    const first = book.rows.find(
      (r: { outcome: string; memberNames: string[] }) =>
        r.outcome === 'filed_with_help' && r.memberNames.includes('Kpă Y Thuận'),
    );
    expect(first).toBeTruthy();
    await page.goto(`${server.url}/#/staff/logbook/day/${today}`);
    await page.getByRole('cell', { name: 'Kpă Y Thuận' }).first().waitFor();

    // When there is a moment, the last one is completed from the desk's link: saving says so.
    await page.goto(`${server.url}/#/staff/desk`);
    await page.getByRole('link', { name: /^Bổ sung chi tiết mục số \d+$/ }).click();
    await page.getByText(`Mục này đã được ghi khi kết thúc số ${finished.at(-1)}`).waitFor();
    await expectNoAxeViolations(page, 'refine form');
    await shoot(page, 'refine-form');
    await page.getByLabel('Thôn, làng').fill('Làng Bông');
    await page.getByRole('button', { name: 'Lưu bổ sung' }).click();
    await page.getByText(/^Đã lưu bổ sung vào mục sổ số \d+ \(bản 2\)\./).waitFor();
    await shoot(page, 'refine-saved');
    await page.getByRole('link', { name: 'Về bàn tiếp dân' }).click();
    await page.getByRole('heading', { name: 'Bạn đang ở bàn 3' }).waitFor();
    await page.context().close();
  });

  it('an official closes at the end of the day with two tickets still waiting: listed, one resolved, one carried, batch packed', async () => {
    const today = vnDay(new Date());
    const admin = await server.signIn('Quản trị điểm', DEMO_PINS.admin);
    const settings = await ok(server, 'settings.get', {}, admin.token);
    await ok(server, 'settings.update', { ...settings, communeCode: '23410' }, admin.token);
    await ok(server, 'uploads.setProvince', { keyText: generateProvinceKeys().publicText }, admin.token);
    // Issued at the desk: after closing time the kiosk gives no number.
    const left = await ok(server, 'queue.checkIn', { helpKind: 'vneid' }, admin.token);
    const stays = await ok(server, 'queue.checkIn', { helpKind: 'payment' }, admin.token);

    const official = await server.signIn('Ksor Văn Thành', DEMO_PINS.official);
    const page = await e2e.pageAs(official.token, `/staff/logbook/day/${today}`);
    await page.getByText('Chưa chốt sổ.').waitFor();
    await page.getByRole('button', { name: 'Chốt sổ' }).click();
    const dialog = page.getByRole('dialog', { name: `Chốt sổ ngày ${formatDate(today)}` });
    await dialog.getByText(left.number, { exact: true }).waitFor();
    await dialog.getByText(stays.number, { exact: true }).waitFor();
    const close = dialog.getByRole('button', { name: 'Chốt sổ' });
    expect(await close.isDisabled()).toBe(true);
    await expectNoAxeViolations(page, 'close day dialog');
    await shoot(page, 'close-dialog');

    // One citizen went home: ended from here. The other is still served after the close: carried.
    await dialog.getByRole('button', { name: `Không phục vụ hôm nay ${left.number}` }).click();
    await dialog.getByText('Đã kết thúc 1 phiếu đang chờ (không phục vụ).').waitFor();
    await expect.poll(() => dialog.getByText(left.number, { exact: true }).count()).toBe(0);
    await dialog.getByRole('checkbox', { name: /Tôi chốt sổ và ghi nhận/ }).check();
    await close.click();
    await page.getByText(/Đã chốt sổ ngày .*Gói số liệu số \d+ của ngày đã được đóng gói để gửi tỉnh\./).waitFor();
    await page.getByText(/Đã chốt sổ lúc .* bởi Ksor Văn Thành\. Khi chốt sổ còn \d+ phiếu chưa kết thúc/).waitFor();
    await shoot(page, 'day-book-closed');

    const book = await ok(server, 'logbook.day', { day: today }, official.token);
    expect(book.closed).toMatchObject({ automatic: false, byName: 'Ksor Văn Thành' });
    expect(book.closed.carried.tickets.map((t: { id: number }) => t.id)).toContain(stays.id);
    expect(book.closed.carried.tickets.map((t: { id: number }) => t.id)).not.toContain(left.id);
    expect((await ok(server, 'queue.ticket', { ticketId: left.id }, official.token)).status).toBe('no_show');
    const status = await ok(server, 'uploads.status', {}, official.token);
    expect(status.batches[0]).toMatchObject({ kind: 'closing', closesDays: [today] });
    await page.context().close();
  });
});

describe('a PC switched off overnight', () => {
  it('is started the next morning at 07:30: the day nobody closed is closed by the app, marked so, and the official sees it', async () => {
    // The latest working day whose next working morning has come (weekends and holidays skipped).
    const now = new Date();
    const days = workingDaysBetween(addDays(vnDay(now), -20), vnDay(now), false, []);
    const morning = (day: string) => new Date(vnDayStart(day).getTime() + 7.5 * 3_600_000);
    const i = days.findLastIndex((_, k) => k + 1 < days.length && morning(days[k + 1]!) <= now);
    const day = days[i]!;
    const next = days[i + 1]!;

    // That day at the point, on an injected clock: set up at 08:00, two citizens still waiting at 16:50.
    const dataDir = tempDataDir('dhs-chain-overnight-');
    const clock = testClock(new Date(vnDayStart(day).getTime() + 8 * 3_600_000).toISOString());
    let app = await openApp({ dataDir, now: clock.now, log: () => undefined });
    await app.invoke('setup.complete', TEST_SETUP);
    const at = clock.now().toISOString();
    await app.db
      .insertInto('member')
      .values({
        full_name: 'Ksor Văn Thành',
        access_role: 'commune_official',
        position: null,
        origin: null,
        sub_group: null,
        village: null,
        skills: '[]',
        languages: '["vi"]',
        phone: null,
        pin_hash: await hashPin(DEMO_PINS.official),
        active: 1,
        locked_until: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    clock.set(new Date(vnDayStart(day).getTime() + 16.8 * 3_600_000).toISOString());
    await app.invoke('queue.checkIn', { helpKind: 'vneid' }, { device: 'kiosk' });
    await app.invoke('queue.checkIn', { helpKind: 'dvc' }, { device: 'kiosk' });
    await app.close();

    // Switched on at 07:30 the next working morning: the jobs run once, as at every start.
    clock.set(morning(next).toISOString());
    app = await openApp({ dataDir, now: clock.now, log: () => undefined });
    const jobs = startScheduler(app, SCHEDULED_JOBS, { firstDelayMs: 1e9, everyMs: 1e9 });
    await jobs.runNow();
    jobs.stop();
    await app.close();

    // The same data folder, served again: what the people at the point see that morning.
    const again = await startServer({ dataDir });
    try {
      const official = await again.signIn('Ksor Văn Thành', DEMO_PINS.official);
      const page = await signedInPage(e2e.browser, official.token, { viewport: { width: 1366, height: 768 } });
      await page.goto(`${again.url}/#/staff`);
      const notice = page.getByText(
        `Ngày ${formatDate(day)}: không có cán bộ chốt sổ, ứng dụng đã tự chốt sổ lúc ${formatDate(next)} 07:30.`,
      );
      await notice.waitFor();
      await page.getByText('Khi chốt sổ còn 2 phiếu chưa kết thúc.').waitFor();
      await expectNoAxeViolations(page, 'home with an automatic close');
      await shoot(page, 'home-auto-close');

      // The day book says it, on screen and on the printed sheet.
      await page.getByRole('link', { name: `Xem sổ ngày ${formatDate(day)}` }).click();
      await page
        .getByText(`Không có cán bộ chốt sổ ngày này: ứng dụng đã tự chốt sổ lúc ${formatDate(next)} 07:30`)
        .waitFor();
      await shoot(page, 'day-book-auto-closed');
      await page.emulateMedia({ media: 'print' });
      const pdf = `${OUT}/so-ngay-tu-chot.pdf`;
      await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
      const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' })
        .normalize('NFC')
        .replace(/\s+/g, '');
      expect(text).toContain(
        `Sổ do ứng dụng tự động chốt lúc 07:30 ngày ${formatDate(next)} vì không có cán bộ chốt sổ.`.replace(
          /\s+/g,
          '',
        ),
      );
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, `${OUT}/so-ngay-tu-chot`]);
      await page.emulateMedia({ media: 'screen' });

      // Seen: the notice goes, for everyone.
      await page.goto(`${again.url}/#/staff`);
      await page.getByRole('button', { name: 'Đã xem' }).click();
      await notice.waitFor({ state: 'detached' });
      const book = await ok(again, 'logbook.day', { day }, official.token);
      expect(book.closed).toMatchObject({ automatic: true, byName: null });
      expect(book.closed.seenAt).not.toBeNull();
      await page.context().close();
    } finally {
      await again.stop();
      removeDir(dataDir);
    }
  });
});
