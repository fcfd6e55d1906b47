import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { vnDay } from '#shared/time/vietnam';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { DEMO_PINS } from '#core/demo-pins';

const OUT = 'test-results/logbook';
const {
  server,
  signIn,
  api: call,
  pageAs,
} = setUpE2E({ demo: true, context: { viewport: { width: 1366, height: 900 } }, folders: [OUT] });

describe('visitor logbook', () => {
  it('finish a ticket, complete its entry, correct it, close the day, print the book', async () => {
    const today = vnDay(new Date());
    const memberToken = await signIn("Siu H'Lan", DEMO_PINS.member);
    const officialToken = await signIn('Ksor Văn Thành', DEMO_PINS.official);

    // A citizen is given a number, leaving a name and phone with consent; the member serves them.
    // (Issued by the member: the kiosk gives numbers only in opening hours, and tests run at any hour.)
    const checkIn = await server.call(
      'queue.checkIn',
      {
        helpKind: 'dvc',
        procedure: 'birth',
        priority: ['elderly'],
        language: 'vi',
        consent: true,
        name: 'Nguyễn Thị Mai',
        phone: '0905123456',
      },
      memberToken,
    );
    expect(checkIn.status).toBe(200);
    await call('queue.openDesk', { desk: 2, takeOver: true }, memberToken);
    // Called out of order: the demo queue has others waiting with priority.
    const called = await call('queue.callTicket', { ticketId: checkIn.body.result.id }, memberToken);
    await call('queue.start', { ticketId: called.id }, memberToken);

    // Finish it at the desk screen: the entry is in the book at once, from what the ticket knows.
    const page = await pageAs(memberToken);
    await page.goto(`${server.url}/#/staff/desk`);
    await page.getByRole('button', { name: 'Kết thúc', exact: true }).click();
    await page.getByRole('dialog').getByRole('radio', { name: 'Đã nộp hồ sơ với sự hỗ trợ' }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc và ghi sổ' }).click();
    const refine = page.getByRole('link', { name: /^Bổ sung chi tiết mục số \d+$/ });
    await refine.waitFor();
    const entryId = Number(/entry\/(\d+)\/refine/.exec((await refine.getAttribute('href'))!)![1]);
    const recorded = await call('logbook.day', { day: today }, memberToken);
    expect(recorded.rows.find((r: { id: number }) => r.id === entryId)).toMatchObject({
      outcome: 'filed_with_help',
      fullName: 'Nguyễn Thị Mai',
      phone: '0905123456',
    });

    // Complete it afterwards: the form opens on the entry, prefilled from the ticket.
    await refine.click();
    await page.waitForURL(new RegExp(`#/staff/logbook/entry/${entryId}/refine\\?from=desk$`));
    await page.getByText(`Mục này đã được ghi khi kết thúc số ${called.number}`).waitFor();
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Mai');
    expect(await page.getByRole('checkbox', { name: 'Nộp hồ sơ dịch vụ công trực tuyến' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Đã nộp hồ sơ với sự hỗ trợ' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Thủ tục', { exact: true }).inputValue()).toBe('birth');

    // Complete what the ticket cannot know, with the keyboard where a volunteer would.
    await page.getByLabel('Mã hồ sơ').fill('G22.99-261125-0042');
    await page.getByLabel('Năm sinh').fill('1952');
    await page.getByLabel('Giới tính').selectOption('female');
    await page.getByLabel('Thôn, làng').fill('Thôn Plei Ring');
    await page.getByRole('checkbox', { name: 'Không nhận được mã OTP' }).check();
    // Ethnicity needs its own consent: without it the field stays closed.
    expect(await page.getByLabel('Dân tộc', { exact: true }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /đồng ý riêng để ghi dân tộc/ }).check();
    await page.getByLabel('Dân tộc', { exact: true }).selectOption('jrai');
    await expectNoAxeViolations(page, 'logbook entry form');
    await screenshot(page, 'logbook-entry-form');
    await page.getByRole('button', { name: 'Lưu bổ sung' }).click();
    // Saving a refinement says so on screen, with the way back to the desk.
    await page.getByText(`Đã lưu bổ sung vào mục sổ số ${entryId} (bản 2).`).waitFor();
    await page.getByRole('link', { name: 'Về bàn tiếp dân' }).waitFor();

    const saved = await call('logbook.get', { id: entryId }, memberToken);
    expect(saved.currentVersion).toBe(2);
    expect(saved.history.map((h: { kind: string }) => h.kind)).toEqual(['create', 'refinement']);
    expect(saved.current).toMatchObject({
      outcome: 'filed_with_help',
      applicationCode: 'G22.99-261125-0042',
      birthYear: 1952,
      ageBand: '60_plus',
      ethnicity: 'jrai',
      desk: 2,
      ticketId: called.id,
    });

    // Correct it: a new version with a reason; the detail page shows both versions and what changed.
    await page.goto(`${server.url}/#/staff/logbook/entry/${entryId}/correct`);
    await page.getByLabel('Thời gian (phút)').fill('35');
    await page.getByLabel('Lý do sửa').fill('Ghi thiếu thời gian chờ duyệt hồ sơ');
    await page.getByRole('button', { name: 'Lưu bản sửa' }).click();
    await page.waitForURL(new RegExp(`#/staff/logbook/entry/${entryId}\\?saved=3&kind=correction$`));
    await page.getByText(`Đã lưu bản sửa của mục sổ số ${entryId} (bản 3).`).waitFor();
    const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });
    await history.getByText('Ghi thiếu thời gian chờ duyệt hồ sơ').waitFor();
    expect(await history.getByRole('row').count()).toBe(4);
    expect(await history.textContent()).toMatch(/Thời gian \(phút\):\s*\d+ → 35/);
    await expectNoAxeViolations(page, 'logbook entry detail');
    await screenshot(page, 'logbook-entry-detail');

    // The list finds it by the filters and stays accessible.
    await page.goto(`${server.url}/#/staff/logbook`);
    await page.getByLabel('Kết quả').selectOption('filed_with_help');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await page
      .getByRole('link', { name: new RegExp(`\\d{2}/\\d{2}/\\d{4} ${saved.current.time}`) })
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'logbook list');
    await screenshot(page, 'logbook-list');
    await page.goto(`${server.url}/#/staff/logbook/people`);
    await page.getByLabel('Họ tên hoặc số điện thoại').fill('0905123456');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: new RegExp(saved.current.time) }).waitFor();
    await expectNoAxeViolations(page, 'logbook people');
    await screenshot(page, 'logbook-people');
    // Erasing asks for a reason first; cancelling changes nothing (the entry is still found).
    await page
      .getByRole('checkbox', { name: /^Chọn mục/ })
      .first()
      .check();
    await page.getByRole('button', { name: 'Xóa thông tin cá nhân của các mục đã chọn' }).click();
    const eraseDialog = page.getByRole('dialog');
    const eraseButton = eraseDialog.getByRole('button', { name: 'Xóa thông tin cá nhân', exact: true });
    expect(await eraseButton.isDisabled()).toBe(true);
    await eraseDialog.getByLabel('Lý do (ví dụ: người dân yêu cầu ngày …)').fill('Người dân yêu cầu');
    expect(await eraseButton.isEnabled()).toBe(true);
    await expectNoAxeViolations(page, 'logbook erase dialog');
    await eraseDialog.getByRole('button', { name: 'Hủy' }).click();
    await eraseDialog.waitFor({ state: 'hidden' });
    await page.getByRole('link', { name: new RegExp(saved.current.time) }).waitFor();

    // The official checks the day and closes it.
    const official = await pageAs(officialToken);
    await official.goto(`${server.url}/#/staff/logbook/day/${today}`);
    await official.getByText('Chưa chốt sổ.').waitFor();
    await expectNoAxeViolations(official, 'day book');
    await official.getByRole('button', { name: 'Chốt sổ' }).click();
    // The demo's queue still has people waiting and one being helped: listed, carried knowingly.
    const closeDialog = official.getByRole('dialog');
    await closeDialog.getByText(/Phiếu chưa kết thúc \(\d+\)/).waitFor();
    expect(await closeDialog.getByRole('button', { name: 'Chốt sổ' }).isDisabled()).toBe(true);
    await expectNoAxeViolations(official, 'close day dialog');
    await closeDialog.getByRole('checkbox', { name: /Tôi chốt sổ và ghi nhận/ }).check();
    await closeDialog.getByRole('button', { name: 'Chốt sổ' }).click();
    await official.getByText('Đã chốt sổ lúc').waitFor();
    const book = await call('logbook.day', { day: today }, officialToken);
    expect(book.closed.byName).toBe('Ksor Văn Thành');

    // A correction after closing is a late amendment.
    const late = await call(
      'logbook.correct',
      {
        id: entryId,
        expectedVersion: 3,
        reason: 'Bổ sung thôn sau khi chốt',
        entry: {
          ...saved.current,
          minutes: 35,
          village: 'Làng Bông',
          phone: saved.current.phone,
          consent: { contact: true, ethnicity: true, disability: false },
        },
      },
      memberToken,
    );
    expect(late.late).toBe(true);

    // Print as the browser does in server mode, with the page's own CSS.
    await official.reload();
    await official.getByText('Đã chốt sổ lúc').waitFor();
    await screenshot(official, 'logbook-day-book');
    await official.emulateMedia({ media: 'print' });
    const pdfPath = `${OUT}/so-ngay.pdf`;
    await official.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    // Landscape A4 for this document only (841.9 × 595.3 points).
    expect(info).toMatch(/Page size:\s+84[12](\.\d+)? x 59[45](\.\d+)?/);
    // A day of one visit: one sheet, its totals and signatures on it (no page of header alone).
    if (book.rows.length === 1) expect(info).toMatch(/Pages:\s+1\n/);
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    // Raw order keeps each table cell's words together even where the layout wraps them.
    const raw = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    // The fonts are one face per style, so words come out whole; a line break inside a cell reads as a space.
    const flat = (s: string) => s.replace(/\s+/g, ' ');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND XÃ CHƯ PĂH',
      'TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG',
      'SỔ THEO DÕI ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ VÀ NỘI DUNG HỖ TRỢ',
      'Nguyễn Thị Mai',
      '0905123456',
      'Jrai',
      'Làng Bông',
      'G22.99-261125-0042',
      'Không nhận được mã OTP',
      'Bổ sung muộn',
      `Tổng số lượt hỗ trợ: ${book.totals.entries}`,
      `Tổng thời gian: ${book.totals.minutes} phút`,
      'NGƯỜI LẬP SỔ',
      'TỔ TRƯỞNG',
      'TM. ỦY BAN NHÂN DÂN XÃ',
      'Rơ Mah Hồng Nhung',
      // Who closed the book, and what was still open then, are on the signed sheet.
      'người chốt sổ: Ksor Văn Thành',
      'phiếu chưa kết thúc',
    ])
      expect(flat(raw), expected).toContain(flat(expected));
    // The "with help" total in the outcome table is the number of such entries that day.
    const withHelp = book.rows.filter((r: { outcome: string }) => r.outcome === 'filed_with_help').length;
    expect(
      text
        .split('\n')
        .map((line) => flat(line).trim())
        .some((line) => line.endsWith(`Đã nộp hồ sơ với sự hỗ trợ ${withHelp}`)),
      text,
    ).toBe(true);
    // Demo entries without consent print no name: the only names are consented ones.
    const named = book.rows
      .filter((r: { fullName: string | null }) => r.fullName)
      .map((r: { fullName: string }) => r.fullName);
    for (const name of named) expect(flat(raw)).toContain(flat(name));
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdfPath, `${OUT}/so-ngay`]);
  });
});
