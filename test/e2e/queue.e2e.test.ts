import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, expectTouchTargets, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { DEMO_PINS } from '../../electron/core/demo-pins';

const e2e = setUpE2E({ demo: true });
const { server, signIn, pageAs } = e2e;
let memberToken: string;
let adminToken: string;

const KIOSK_TARGETS = '.citizen button, .citizen input';
/** Short enough for a quick test, long enough for axe, screenshots and the PDF on a busy machine. */
const TICKET_IDLE = 12;
/** Typed on the kiosk's own keys (NFC, as the composition module produces it). */
const NAME = 'Nguyễn Thị Hoa'.normalize('NFC');

const api = (method: string, input: unknown = {}, token: string | null = memberToken) => e2e.api(method, input, token);

async function kioskPage(): Promise<Page> {
  const page = await pageAs(null, '/kiosk', { viewport: { width: 1280, height: 1000 } });
  await page.getByRole('heading', { name: 'Bạn cần hỗ trợ việc gì?' }).waitFor();
  return page;
}

beforeAll(async () => {
  adminToken = await signIn('Quản trị điểm', DEMO_PINS.admin);
  memberToken = await signIn('Trần Minh Quân', DEMO_PINS.member);
  await api('queue.updateSettings', {
    normalsPerPriority: 2, maxWaitMinutes: 30, recallsBeforeNoShow: 2, ticketIdleSeconds: TICKET_IDLE, choiceIdleSeconds: 60, receiptPrinter: false,
  }, adminToken);
  // Desk 3 serves the demo's waiting citizens first, so the test's own tickets are the only ones left.
  await api('queue.openDesk', { desk: 3 });
  for (let t = await api('queue.callNext'); t; t = await api('queue.callNext')) {
    await api('queue.finish', { ticketId: t.id, outcome: 'guided_only' });
  }
});

describe('check-in at the kiosk', () => {
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
    // The demo's waiting citizens were all served in beforeAll: nobody is ahead of this one.
    await expect.poll(() => page.locator('.kiosk-ticket-ahead').textContent()).toBe('Không có ai trước bạn');
    await expect.poll(() => page.getByText(/Trở về màn hình đầu sau \d+ giây/).count()).toBe(1);
    await expectNoAxeViolations(page, 'kiosk ticket');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await screenshot(page, 'queue-kiosk-ticket');

    // The ticket as printed on an 80 mm receipt.
    await page.evaluate(() => document.body.classList.add('printing-receipt'));
    await page.emulateMedia({ media: 'print' });
    writeFileSync('test-results/screens/queue-receipt.pdf', await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => document.body.classList.remove('printing-receipt'));
    // pdftotext puts a space after some stacked diacritics (ể → "ể "); the letters themselves must be right.
    const text = execFileSync('pdftotext', ['test-results/screens/queue-receipt.pdf', '-']).toString().normalize('NFC').replace(/\s+/g, '');
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
    await page.getByRole('button', { name: 'Tôi đồng ý' }).click();
    // The name by the on-screen keys only: plain letters, then the vowel key and the tone.
    const keyboard = page.getByRole('group', { name: 'Bàn phím gõ tên' });
    const tap = (name: string) => keyboard.getByRole('button', { name, exact: true }).click();
    const letters = async (word: string) => { for (const l of word) await tap(`Chữ ${l}`); };
    await letters('NGUYEN');
    await tap('Chữ Ê');
    await tap('Dấu ngã');
    await tap('Dấu cách');
    await letters('THI');
    await tap('Dấu nặng');
    await tap('Dấu cách');
    await letters('HOAX');
    await tap('Xóa chữ cuối');
    const nameInput = page.getByLabel('Họ và tên');
    expect(await nameInput.inputValue()).toBe(NAME);
    // Staff testing with a real keyboard can still type into the field; the keys then carry on.
    await nameInput.press('End');
    await page.keyboard.type(' b');
    expect(await nameInput.inputValue()).toBe(`${NAME} B`);
    await tap('Xóa chữ cuối');
    await tap('Xóa chữ cuối');
    expect(await nameInput.inputValue()).toBe(NAME);
    for (const digit of '0905123456') await page.locator('.kiosk-keypad').getByRole('button', { name: digit, exact: true }).click();
    await expectNoAxeViolations(page, 'kiosk consent');
    await expectTouchTargets(page, KIOSK_TARGETS);
    await screenshot(page, 'queue-kiosk-consent');
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
    // Nobody touches it: a visible warning, then back to the Vietnamese start for the next person.
    // (The kiosk picks up the shorter idle time live, through queue.changed.)
    await api('queue.updateSettings', { ...(await api('queue.settings')), choiceIdleSeconds: 6 }, adminToken);
    await page.getByText(/going back to the start in \d+ seconds/).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: 'Bạn cần hỗ trợ việc gì?' }).waitFor({ timeout: 15_000 });
    await page.close();
    await api('queue.updateSettings', { ...(await api('queue.settings')), choiceIdleSeconds: 60 }, adminToken);
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

    // Transfer the next one to another kind of help: back in the list, same number.
    await desk.getByRole('button', { name: 'Gọi số tiếp theo' }).click();
    await expect.poll(() => current.textContent()).toMatch(/^E\d{3}$/);
    const second = (await current.textContent())!;
    await desk.getByRole('button', { name: 'Chuyển', exact: true }).click();
    await desk.getByLabel('Sang loại hỗ trợ').selectOption('signature');
    await expectNoAxeViolations(desk, 'transfer dialog');
    await desk.locator('dialog').getByRole('button', { name: 'Chuyển' }).click();
    await desk.getByRole('row', { name: new RegExp(second) }).getByText('Chữ ký số công cộng').waitFor();

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
    expect(await api('queue.ticket', { ticketId: entry.current.ticketId })).toMatchObject({ number: second, status: 'finished', outcome: 'filed_with_help', helpKind: 'signature' });
    await board.close();
    await desk.close();
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
