import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectFits,
  expectNoAxeViolations,
  expectTouchTargets,
  launchBrowser,
  SCREEN_SIZES,
  screenshot,
} from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { openingMorning } from '../support/server';
import { DEMO_PINS } from '#core/demo-pins';

// The point's clock at a working morning: the kiosk is open whatever hour the tests run at.
const e2e = setUpE2E({ demo: true, clock: openingMorning() });
const { server, signIn, pageAs } = e2e;
let memberToken: string;
let adminToken: string;

const KIOSK_TARGETS = '.citizen button, .citizen input';
/** Short enough for a quick test, long enough for axe, screenshots and the PDF on a busy machine. */
const TICKET_IDLE = 12;
/** Typed on the kiosk's own keys (NFC, as the composition module produces it). */
const NAME = 'Nguyễn Thị Hoa'.normalize('NFC');

const api = (method: string, input: unknown = {}, token: string | null = memberToken) => e2e.api(method, input, token);

const START = 'Bạn cần hỗ trợ việc gì?';
const SETTINGS = {
  normalsPerPriority: 2,
  maxWaitMinutes: 30,
  recallsBeforeNoShow: 2,
  ticketIdleSeconds: TICKET_IDLE,
  choiceIdleSeconds: 60,
  receiptPrinter: false,
};

async function kioskPage(viewport: { width: number; height: number } = { width: 1366, height: 768 }): Promise<Page> {
  const page = await pageAs(null, '/kiosk', { viewport });
  await page.getByRole('heading', { name: 'Bạn cần hỗ trợ việc gì?' }).waitFor();
  return page;
}

beforeAll(async () => {
  adminToken = await signIn('Quản trị điểm', DEMO_PINS.admin);
  memberToken = await signIn('Trần Minh Quân', DEMO_PINS.member);
  await api('queue.updateSettings', SETTINGS, adminToken);
});

describe('the desk and the home at the start of the day', () => {
  it("alerts to tickets past the maximum wait; a member's home says how many wait and shows no admin warning", async () => {
    // The demo's citizens have waited 4 to 25 minutes: with a 5-minute maximum three are overdue.
    await api('queue.updateSettings', { ...SETTINGS, maxWaitMinutes: 5 }, adminToken);
    const home = await pageAs(memberToken, '/staff');
    await home.getByText('4 người đang chờ.').waitFor();
    await home.getByText('3 người đã chờ quá 5 phút.').waitFor();
    // The commune code and the province key are the admin's and the officials' to fix, not a member's.
    expect(await home.getByText(/Chưa nhập mã đơn vị hành chính/).count()).toBe(0);
    expect(await home.getByText(/Chưa có khóa công khai của tỉnh/).count()).toBe(0);
    await expectNoAxeViolations(home, 'member home');
    await screenshot(home, 'queue-member-home');
    await home.goto(`${server.url}/#/staff/desk`);
    await home.getByText(/^Đã chờ quá 5 phút: /).waitFor();
    expect(await home.locator('tr.is-overdue').count()).toBe(3);
    await expectNoAxeViolations(home, 'desk with overdue tickets');
    await screenshot(home, 'queue-desk-overdue');
    await home.close();
    await api('queue.updateSettings', SETTINGS, adminToken);
  });
});

describe('check-in at the kiosk', () => {
  beforeAll(async () => {
    // Desk 3 serves the demo's waiting citizens first, so the test's own tickets are the only ones left.
    await api('queue.openDesk', { desk: 3 });
    for (let t = await api('queue.callNext'); t; t = await api('queue.callNext')) {
      await api('queue.finish', { ticketId: t.id, outcome: 'guided_only' });
    }
  });

  it('takes a number in two touches, shows it large, counts down and returns to the start', async () => {
    const page = await kioskPage();
    await expectNoAxeViolations(page, 'kiosk start');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await screenshot(page, 'queue-kiosk-start');

    await page.getByRole('button', { name: /Điện thoại thông minh và ứng dụng/ }).click();
    await page.getByRole('heading', { name: 'Điện thoại thông minh và ứng dụng' }).waitFor();
    await expectNoAxeViolations(page, 'kiosk confirm');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await page.getByRole('button', { name: 'Lấy số' }).click();

    const number = page.locator('#ticket-number');
    await expect.poll(() => number.textContent()).toMatch(/^E\d{3}$/);
    const taken = (await number.textContent())!;
    // The demo's waiting citizens were all served before: nobody is ahead of this one.
    await expect.poll(() => page.locator('.kiosk-ticket-ahead').textContent()).toBe('Không có ai trước bạn');
    await expect.poll(() => page.getByText(/Trở về màn hình đầu sau \d+ giây/).count()).toBe(1);
    // No receipt printer here: the screen says to remember or photograph the number.
    expect(await page.getByText('Hãy nhớ hoặc chụp ảnh số này.').count()).toBe(1);
    await expectNoAxeViolations(page, 'kiosk ticket');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await screenshot(page, 'queue-kiosk-ticket');

    // The ticket as printed on an 80 mm receipt.
    await page.evaluate(() => document.body.classList.add('printing-receipt'));
    await page.emulateMedia({ media: 'print' });
    writeFileSync(
      'test-results/screens/queue-receipt.pdf',
      await page.pdf({ preferCSSPageSize: true, printBackground: true }),
    );
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-receipt'));
    // pdftotext puts a space after some stacked diacritics (ể → "ể "); the letters themselves must be right.
    const text = execFileSync('pdftotext', ['test-results/screens/queue-receipt.pdf', '-'])
      .toString()
      .normalize('NFC')
      .replace(/\s+/g, '');
    expect(text).toContain(taken);
    expect(text).toContain('Điệnthoạithôngminhvàứngdụng');
    expect(text).toContain('Xingiữphiếunày');
    const info = execFileSync('pdfinfo', ['test-results/screens/queue-receipt.pdf']).toString();
    expect(info).toMatch(/Pages:\s+1\b/);
    expect(info).toMatch(/Page size:\s+22[67]\.\d+ x 340\.\d+ pts/);

    // Nobody touches the screen: it goes back to the start by itself, with nothing of this citizen left.
    await page.getByRole('heading', { name: 'Bạn cần hỗ trợ việc gì?' }).waitFor({ timeout: (TICKET_IDLE + 3) * 1000 });
    expect(await page.locator('#ticket-number').count()).toBe(0);
    await page.close();
  });

  it('with priority and consent: procedure, priority tick, name and phone by on-screen keys', async () => {
    const page = await kioskPage();
    await page.getByRole('button', { name: /Nộp hồ sơ dịch vụ công trực tuyến/ }).click();
    await page.getByRole('heading', { name: 'Việc cụ thể là gì?' }).waitFor();
    await expectNoAxeViolations(page, 'kiosk procedure');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await page.getByRole('button', { name: 'Đăng ký khai sinh' }).click();
    await page.getByRole('button', { name: 'Người cao tuổi' }).click();
    expect(await page.getByRole('button', { name: 'Người cao tuổi' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: /Để lại tên và số điện thoại/ }).click();
    await page.getByText(/Nếu bạn đồng ý, điểm hỗ trợ ghi tên/).waitFor();
    await expectFits(page, 'kiosk consent');
    await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
    // The name by the on-screen keys only: plain letters, then the vowel key and the tone.
    const keyboard = page.getByRole('group', { name: 'Bàn phím gõ tên' });
    const tap = (name: string) => keyboard.getByRole('button', { name, exact: true }).click();
    const letters = async (word: string) => {
      for (const l of word) await tap(`Chữ ${l}`);
    };
    await letters('NGUYEN');
    await tap('Chữ Ê');
    await tap('Dấu ngã');
    await tap('Dấu cách');
    await letters('THI');
    await tap('Dấu nặng');
    await tap('Dấu cách');
    await letters('HOAX');
    await tap('Xóa chữ cuối');
    const nameInput = page.getByRole('textbox', { name: 'Họ và tên' });
    expect(await nameInput.inputValue()).toBe(NAME);
    // Staff testing with a real keyboard can still type into the field; the keys then carry on.
    await nameInput.press('End');
    await page.keyboard.type(' b');
    expect(await nameInput.inputValue()).toBe(`${NAME} B`);
    await tap('Xóa chữ cuối');
    await tap('Xóa chữ cuối');
    expect(await nameInput.inputValue()).toBe(NAME);
    await expectNoAxeViolations(page, 'kiosk name');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await expectFits(page, 'kiosk name');
    await screenshot(page, 'queue-kiosk-name');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // A phone's keypad: 1 2 3 / 4 5 6 / 7 8 9 / clear 0 delete.
    const keypad = page.locator('.kiosk-keypad');
    const centre = async (name: string) => {
      const box = (await keypad.getByRole('button', { name, exact: true }).boundingBox())!;
      return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
    };
    const grid = await Promise.all(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'Xóa hết', '0', 'Xóa số cuối'].map(centre),
    );
    const columns = [...new Set(grid.map((p) => p.x))];
    const rows = [...new Set(grid.map((p) => p.y))];
    expect([columns.length, rows.length]).toEqual([3, 4]);
    expect(grid.map((p) => [columns.indexOf(p.x), rows.indexOf(p.y)])).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [0, 1],
      [1, 1],
      [2, 1],
      [0, 2],
      [1, 2],
      [2, 2],
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    for (const digit of '09051234567') await keypad.getByRole('button', { name: digit, exact: true }).click();
    await keypad.getByRole('button', { name: 'Xóa số cuối' }).click();
    expect(await page.getByRole('textbox', { name: 'Số điện thoại' }).inputValue()).toBe('0905123456');
    await expectNoAxeViolations(page, 'kiosk phone');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await expectFits(page, 'kiosk phone');
    await screenshot(page, 'queue-kiosk-phone');
    await page.getByRole('button', { name: 'Lấy số' }).click();
    await expect.poll(() => page.locator('#ticket-number').textContent()).toMatch(/^A\d{3}$/);
    expect(await page.locator('.kiosk-ticket-priority').textContent()).toBe('Ưu tiên');
    await screenshot(page, 'queue-kiosk-ticket-priority');
    // The screen shows the number, never the name just typed.
    expect(await page.getByText(NAME).count()).toBe(0);
    await page.getByRole('button', { name: 'Xong' }).click();
    await page.getByRole('heading', { name: 'Bạn cần hỗ trợ việc gì?' }).waitFor();
    await page.close();

    const desk = await api('queue.desk');
    // Stored exactly as composed: NFC, title case, no trailing space.
    const mine = desk.waiting.find((w: { name: string | null }) => w.name === NAME);
    expect(mine).toMatchObject({ phone: '0905123456', priority: ['elderly'], procedure: 'birth', consent: true });
    const plain = desk.waiting.find((w: { helpKind: string }) => w.helpKind === 'smartphone');
    expect(plain).toMatchObject({ name: null, phone: null, consent: false });
  });

  it('switches to English and back, and forgets the language when left idle', async () => {
    const page = await kioskPage();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'What do you need help with?' }).waitFor();
    await screenshot(page, 'queue-kiosk-english');
    await page.getByRole('button', { name: /Scams and online safety/ }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'What do you need help with?' }).waitFor();
    // Nobody touches it: a big question with one big answer; "I am still using it" keeps the screen.
    // (The kiosk picks up the shorter idle time live, through queue.changed.)
    await api('queue.updateSettings', { ...SETTINGS, choiceIdleSeconds: 12 }, adminToken);
    const question = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await question.waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(page, 'kiosk idle question');
    await expectTouchTargets(page, '.kiosk-idle button', 96);
    await screenshot(page, 'queue-kiosk-idle');
    await question.getByRole('button', { name: 'I am still using it' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { name: 'What do you need help with?' }).count()).toBe(1);
    // Then left alone: back to the Vietnamese start for the next person.
    await page.getByRole('heading', { name: START }).waitFor({ timeout: 20_000 });
    await page.close();
    await api('queue.updateSettings', SETTINGS, adminToken);
  });
});

describe('every citizen screen fits the three screen shapes', () => {
  it('start, procedure, choices, consent, name, phone and ticket at 1920×1080, 1080×1920 and 1366×768', async () => {
    for (const size of SCREEN_SIZES) {
      const page = await kioskPage(size);
      const tag = `${size.width}x${size.height}`;
      const check = async (screen: string) => {
        await expectFits(page, `kiosk ${screen}`);
        await expectTouchTargets(page, KIOSK_TARGETS);
        await expectNoAxeViolations(page, `kiosk ${screen} ${tag}`);
        await screenshot(page, `queue-fit-${tag}-${screen}`);
      };
      await check('start');
      await page.getByRole('button', { name: /Nộp hồ sơ dịch vụ công trực tuyến/ }).click();
      await page.getByRole('heading', { name: 'Việc cụ thể là gì?' }).waitFor();
      // Every procedure tile has its picture.
      expect(await page.locator('.kiosk-grid-procedures .kiosk-tile svg').count()).toBe(
        await page.locator('.kiosk-grid-procedures .kiosk-tile').count(),
      );
      await check('procedure');
      await page.getByRole('button', { name: 'Đăng ký kết hôn' }).click();
      await check('confirm');
      await page.getByRole('button', { name: /Để lại tên và số điện thoại/ }).click();
      await check('consent');
      await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
      await check('name');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await check('phone');
      await page.getByRole('button', { name: 'Lấy số' }).click();
      await expect.poll(() => page.locator('#ticket-number').textContent()).toMatch(/^A\d{3}$/);
      await check('ticket');
      await page.close();
    }
  });

  it('outside opening hours says when the point opens, issues no number, and a member still issues one at the desk', async () => {
    const point = await api('settings.get', {}, adminToken);
    // The point's clock says 09:xx: with hours 13:00–17:00 the kiosk is closed until 13:00 today.
    await api('settings.update', { ...point, openTime: '13:00', closeTime: '17:00' }, adminToken);
    try {
      for (const size of SCREEN_SIZES) {
        const page = await e2e.browser.newPage({ viewport: size, locale: 'vi-VN' });
        await page.goto(`${server.url}/#/kiosk`);
        await page.getByRole('heading', { name: 'Điểm hỗ trợ số đang nghỉ' }).waitFor();
        await page.getByText(/^Mở cửa lại lúc 13:00, Thứ (Hai|Ba|Tư|Năm|Sáu) \d\d\/\d\d\/20\d\d\.$/).waitFor();
        await page.getByText('Giờ làm việc: 13:00 đến 17:00, thứ Hai đến thứ Sáu.').waitFor();
        expect(await page.getByRole('button', { name: 'Lấy số' }).count()).toBe(0);
        await expectFits(page, 'kiosk closed');
        await expectNoAxeViolations(page, `kiosk closed ${size.width}x${size.height}`);
        await screenshot(page, `queue-kiosk-closed-${size.width}x${size.height}`);
        await page.close();
      }
      const refused = await server.call('queue.checkIn', { helpKind: 'vneid' });
      expect(refused).toMatchObject({
        status: 409,
        body: { error: { code: 'conflict', params: { reason: 'closed' } } },
      });
      const desk = await pageAs(memberToken, '/staff/desk');
      await desk.getByRole('button', { name: 'Tiếp người không có số' }).click();
      await desk.getByLabel('Loại hỗ trợ').selectOption('vneid');
      await expectNoAxeViolations(desk, 'walk-in dialog');
      await desk.locator('dialog').getByRole('button', { name: 'Cấp số để chờ' }).click();
      await desk.getByText(/^Đã cấp số B\d{3}\. Hãy đọc số cho người dân\.$/).waitFor();
      const issued = (await api('queue.desk')).waiting.find((w: { helpKind: string }) => w.helpKind === 'vneid');
      expect(issued).toMatchObject({ status: 'waiting', walkIn: false });
      await desk.close();
    } finally {
      await api('settings.update', point, adminToken);
    }
  });
});

describe('desk and board', () => {
  it('calls to the board, recalls, marks no-show, transfers and finishes, which records the logbook entry', async () => {
    const board = await pageAs(null, '/board', { viewport: { width: 1600, height: 900 } });
    await board.getByRole('button', { name: 'Bật âm thanh' }).click();
    await board.getByText(/Âm thanh đã bật/).waitFor();
    const desk = await pageAs(memberToken, '/staff/desk');
    await desk.getByRole('heading', { name: 'Bạn đang ở bàn 3' }).waitFor();
    await expectNoAxeViolations(desk, 'desk');
    await screenshot(desk, 'queue-desk-idle');

    // Call next: the priority citizen (the first priority of the day was already served by the
    // demo, but two normals have been called since), shown on the board within a second.
    await desk.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    const current = desk.locator('.desk-ticket-number');
    await expect.poll(() => current.textContent()).toMatch(/^A\d{3}$/);
    const first = (await current.textContent())!;
    await expect.poll(() => board.locator('.board-now-number').textContent(), { timeout: 1500 }).toBe(first);
    expect(await board.locator('.board-now-desk').textContent()).toBe('Bàn 3');
    expect(await board.getByText(NAME).count()).toBe(0);
    await expectNoAxeViolations(board, 'board');
    await screenshot(board, 'queue-board');

    // No-show only after two recalls.
    expect(await desk.getByRole('button', { name: 'Vắng mặt' }).isDisabled()).toBe(true);
    await desk.getByRole('button', { name: 'Gọi lại' }).click();
    await desk.getByText('Đã gọi lại 1 lần', { exact: false }).waitFor();
    await desk.getByRole('button', { name: 'Gọi lại' }).click();
    await desk.getByText('Đã gọi lại 2 lần', { exact: false }).waitFor();
    await expectNoAxeViolations(desk, 'desk with a called ticket');
    await screenshot(desk, 'queue-desk-called');
    await desk.getByRole('button', { name: 'Vắng mặt' }).click();
    await desk.getByText('Chưa gọi ai. Bấm “Gọi số tiếp theo”.').waitFor();
    // The number called but not come is listed on the board, for its holder to ask at a desk.
    await expect.poll(() => board.locator('.board-missed li').allTextContents()).toContain(first);

    // Transfer the next one to another kind of help: back in the list, same number.
    await desk.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await expect.poll(() => current.textContent()).toMatch(/^E\d{3}$/);
    const second = (await current.textContent())!;
    await desk.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await desk.getByLabel('Sang loại hỗ trợ').selectOption('signature');
    await expectNoAxeViolations(desk, 'transfer dialog');
    await desk.locator('dialog').getByRole('button', { name: 'Chuyển' }).click();
    await desk
      .getByRole('row', { name: new RegExp(second) })
      .getByText('Chữ ký số công cộng')
      .waitFor();

    // Call that ticket by its number, the citizen arrives, finish with an outcome → logbook.
    await desk.getByRole('button', { name: `Gọi số ${second}` }).click();
    await expect.poll(() => board.locator('.board-now-number').textContent(), { timeout: 1500 }).toBe(second);
    await expect.poll(() => board.locator('.board-recent-number').first().textContent()).toBe(first);
    await desk.getByRole('button', { name: 'Người dân đã đến' }).click();
    await desk.getByText('Đang hỗ trợ').waitFor();
    await desk.getByRole('button', { name: 'Kết thúc' }).click();
    await expectNoAxeViolations(desk, 'finish dialog');
    await desk.locator('dialog').getByRole('radio', { name: 'Đã nộp hồ sơ với sự hỗ trợ' }).check();
    await desk.locator('dialog').getByRole('button', { name: 'Kết thúc và ghi sổ' }).click();
    // Finishing is recording: the desk stays, says which entry was written, and offers to complete it.
    const refine = desk.getByRole('link', { name: /^Bổ sung chi tiết mục số \d+$/ });
    await refine.waitFor();
    const entryId = Number(/entry\/(\d+)\/refine/.exec((await refine.getAttribute('href'))!)![1]);
    const entry = await api('logbook.get', { id: entryId });
    expect(entry.current).toMatchObject({ outcome: 'filed_with_help', helpKinds: ['signature'] });
    expect(await api('queue.ticket', { ticketId: entry.current.ticketId })).toMatchObject({
      number: second,
      status: 'finished',
      outcome: 'filed_with_help',
      helpKind: 'signature',
    });
    await board.close();
    await desk.close();
  });

  it('the board fits every screen shape, tells the time in 24 hours and shows the waiting chips large', async () => {
    for (const size of SCREEN_SIZES) {
      const board = await e2e.browser.newPage({ viewport: size, locale: 'en-US', timezoneId: 'America/New_York' });
      await board.goto(`${server.url}/#/board`);
      await board.locator('.board-now-number').waitFor();
      // Vietnam's time whatever the TV's own time zone and locale say: HH:MM, 24 hours, dd/mm/yyyy.
      const clock = (await board.locator('.board-clock-time').textContent())!;
      expect(clock).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      const vn = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(11, 16);
      expect([vn, new Date(Date.now() + 7 * 3_600_000 - 60_000).toISOString().slice(11, 16)]).toContain(clock);
      expect(await board.locator('.board-clock-day').textContent()).toMatch(/\d\d\/\d\d\/20\d\d$/);
      const chips = await board
        .locator('.board-waiting strong')
        .evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
      expect(chips.length).toBeGreaterThan(0);
      for (const px of chips) expect(px).toBeGreaterThanOrEqual(34);
      await expectFits(board, 'board');
      await expectNoAxeViolations(board, `board ${size.width}x${size.height}`);
      await screenshot(board, `queue-board-${size.width}x${size.height}`);
      await board.close();
    }
  });

  it('remembers the sound per device: on after one touch, on by itself after a reload where sound is allowed', async () => {
    // Chromium told that sound needs no touch, as the Electron board window is.
    const allowed = await launchBrowser(['--autoplay-policy=no-user-gesture-required']);
    try {
      const board = await allowed.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
      await board.goto(`${server.url}/#/board`);
      // Never turned on in this browser: it asks once.
      await board.getByRole('button', { name: 'Bật âm thanh' }).click();
      await board.getByText(/Âm thanh đã bật/).waitFor();
      await board.reload();
      await board.getByText(/Âm thanh đã bật/).waitFor();
      expect(await board.getByRole('button', { name: 'Bật âm thanh' }).count()).toBe(0);
    } finally {
      await allowed.close();
    }
    // Headless Chromium never refuses sound, so a desktop browser's rule is stood in for: no
    // sound until a real touch (a pointer event; Playwright's own page evaluations count as user
    // activation, so navigator.userActivation cannot be the signal). As source text: the
    // bundler's helpers do not exist in the page.
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await context.addInitScript(`
      let touched = false;
      addEventListener('pointerdown', () => { touched = true; }, { capture: true });
      const Real = window.AudioContext;
      window.AudioContext = class extends Real {
        get state() { return touched ? super.state : 'suspended'; }
        resume() { return touched ? super.resume() : new Promise(() => undefined); }
      };
      localStorage.setItem('dhs.board.sound', 'on');
    `);
    const board = await context.newPage();
    await board.goto(`${server.url}/#/board`);
    // Remembered: no button, only a request for one touch anywhere.
    await board.getByText('Chạm vào màn hình một lần để bật lại âm thanh.').waitFor();
    expect(await board.getByRole('button', { name: 'Bật âm thanh' }).count()).toBe(0);
    await board.mouse.click(400, 400);
    await board.getByText(/Âm thanh đã bật/).waitFor();
    await context.close();
  });

  it('opens the guide from the ticket being served and records the stuck step on that visit', async () => {
    const checkIn = await server.call('queue.checkIn', { helpKind: 'dvc', procedure: 'birth' });
    const ticket = checkIn.body.result as { id: number; number: string };
    const desk = await pageAs(memberToken, '/staff/desk');
    await desk.getByRole('button', { name: `Gọi số ${ticket.number}` }).click();
    await desk.getByRole('button', { name: 'Người dân đã đến' }).click();
    await desk.getByText('Đang hỗ trợ').waitFor();
    await desk.getByRole('button', { name: `Mở hướng dẫn cho số ${ticket.number}` }).click();
    // One guide for birth registration: it opens at once, bound to this ticket by its id.
    await expect
      .poll(() => desk.evaluate(() => location.hash))
      .toBe(`#/staff/guides/birth-registration?ticket=${ticket.id}`);
    await desk.getByText(`Ghi cho số ${ticket.number}`, { exact: false }).waitFor();
    await desk.getByRole('button', { name: 'Người dân bị vướng ở bước này' }).nth(2).click();
    await desk.getByText(/^Đã lưu tiến độ lúc \d\d:\d\d(:\d\d)?\.$/).waitFor();
    await expectNoAxeViolations(desk, 'guided mode for a ticket');
    const saved = await api('guides.session.get', { ticketId: ticket.id, guideId: 'birth-registration' });
    expect(saved).toMatchObject({ ticketId: ticket.id, stuckStep: 'fill-form' });
    // The guides list offers the tickets at this desk by their number, never a typed one.
    await desk.goto(`${server.url}/#/staff/guides`);
    await desk.getByRole('button', { name: `Ghi cho số ${ticket.number}` }).click();
    await expect.poll(() => desk.evaluate(() => location.hash)).toBe(`#/staff/guides?ticket=${ticket.id}`);
    await expectNoAxeViolations(desk, 'guides list bound to a ticket');
    await desk.close();
    await api('queue.finish', { ticketId: ticket.id, outcome: 'guided_only' });
  });

  it('shows the figures and the settings to those allowed', async () => {
    const page = await pageAs(adminToken, '/staff/queue-figures');
    await page.getByRole('heading', { name: 'Theo loại hỗ trợ' }).waitFor();
    await expectNoAxeViolations(page, 'figures');
    await screenshot(page, 'queue-figures');
    await page.goto(`${server.url}/#/staff/queue-settings`);
    // Wait for the saved values to load, or they would overwrite what is typed.
    await expect.poll(() => page.getByLabel('Thời gian chờ tối đa (phút)').inputValue()).toBe('30');
    await page.getByLabel('Thời gian chờ tối đa (phút)').fill('2');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Giá trị nằm ngoài khoảng cho phép.').waitFor();
    await expectNoAxeViolations(page, 'queue settings');
    await screenshot(page, 'queue-settings');
    expect((await api('queue.settings')).maxWaitMinutes).toBe(30);
    await page.close();
  });
});
