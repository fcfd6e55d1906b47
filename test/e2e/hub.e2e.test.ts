import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, screenshot } from '../support/browser';
import { startHub, type RunningHub } from '../support/hub';

let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  mkdirSync('test-results/screens', { recursive: true });
  hub = await startHub();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await hub?.stop();
  if (hub) rmSync(hub.dir, { recursive: true, force: true });
});

async function signedIn(width: number, height: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'en-US',
    timezoneId: 'America/New_York',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${hub.url}/`);
  await page.getByLabel('Tên đăng nhập').fill('admin.tinh');
  await page.getByLabel('Mật khẩu').fill(hub.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Tổng quan 135 xã, phường' }).waitFor();
  return page;
}

describe('the province hub in a browser', () => {
  it('signs in, refuses a wrong password in Vietnamese, and keeps the session out of reach of scripts', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(`${hub.url}/`);
    await expectNoAxeViolations(page, 'hub sign-in');
    await screenshot(page, 'hub-sign-in-1366');
    await page.getByLabel('Tên đăng nhập').fill('admin.tinh');
    await page.getByLabel('Mật khẩu').fill('không phải mật khẩu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.getByLabel('Mật khẩu').fill(hub.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan 135 xã, phường' }).waitFor();
    expect(await page.evaluate(() => document.cookie)).toBe('');
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'dhs_hub', httpOnly: true, sameSite: 'Strict' });
    await context.close();
  }, 60_000);

  it('shows the 135 units at a glance at 1920×1080 and 1366×768: honest rates, silence, who has not reported, targets not measurable', async () => {
    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      const page = await signedIn(width, height);
      const rate = page.locator('.hub-kpis .card').first();
      // 5 points × 14 working days + Chư Păh's 9 of 14 = 79 of 84 point-days, whatever the browser's time zone.
      await expect.poll(() => rate.textContent()).toContain('94%');
      await expect.poll(() => rate.textContent()).toContain('79 trên 84 ngày-điểm');
      await expect
        .poll(() =>
          page
            .getByRole('region', { name: /Bảng số liệu 135/ })
            .locator('tbody tr')
            .count(),
        )
        .toBe(135);
      await expect
        .poll(() => page.locator('.hub-alert').filter({ hasText: 'Xã Chư Păh' }).textContent())
        .toBe('Xã Chư Păh: không gửi số liệu 5 ngày làm việc');
      await expect
        .poll(() => page.locator('.hub-alert').filter({ hasText: 'Xã Ia Pa' }).textContent())
        .toContain('chưa gửi lô nào');
      await page.getByText('Các xã, phường chưa gửi số liệu của ngày làm việc 19/11/2026:').waitFor();
      const notMeasurable = page.locator('.hub-targets tr').filter({ hasText: 'VNeID' });
      await expect.poll(() => notMeasurable.textContent()).toContain('Không đo được từ số liệu này');
      const row = page.locator('.hub-units tbody tr').filter({ hasText: 'Xã Chư Păh' });
      await expect.poll(() => row.locator('td').nth(6).textContent()).toBe('0');
      await expect
        .poll(() =>
          page.locator('.hub-units tbody tr').filter({ hasText: 'Xã Ia Pa' }).locator('td').nth(6).textContent(),
        )
        .toBe('Không có số liệu');
      // Nothing wider than the screen: the wide table scrolls inside its own region, not the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectNoAxeViolations(page, `hub overview ${width}x${height}`);
      await page.screenshot({ path: `test-results/screens/hub-overview-${width}.png` });
      await screenshot(page, `hub-overview-${width}-full`);
      await page.context().close();
    }
  }, 120_000);

  it('works from the keyboard: the skip link, the menu, the ranking with its rule, one commune in depth, the 30 pilot communes', async () => {
    const page = await signedIn(1366, 768);
    await page.keyboard.press('Tab');
    expect(
      await page
        .getByRole('link', { name: 'Bỏ qua, đến nội dung chính' })
        .evaluate((e) => e === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.getByRole('link', { name: 'Xếp hạng' }).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Xếp hạng mức độ hoàn thành nhiệm vụ' }).waitFor();
    await page.getByText(/^Quy tắc xếp hạng:/).waitFor();
    await expect.poll(() => page.locator('.hub-ranking tbody tr').last().textContent()).toContain('Không có số liệu');
    await expectNoAxeViolations(page, 'hub ranking');
    await screenshot(page, 'hub-ranking-1366');
    await page.getByRole('link', { name: '30 xã hạt nhân' }).click();
    await expect.poll(() => page.locator('.hub-units tbody tr').count()).toBe(30);
    await page.getByText('Phụ lục ghi “Xã Đăk Đoa”; danh sách đơn vị ghi “Xã Đak Đoa”', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'hub pilot');
    await screenshot(page, 'hub-pilot-1366');
    await page.getByRole('link', { name: 'Xã Ia Grai' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Xã Ia Grai' }).waitFor();
    await expect
      .poll(() => page.locator('table').first().locator('tbody tr').nth(10).textContent())
      .toContain('Tháng 11/2026');
    await page.getByText('Khó khăn, vướng mắc thường gặp').waitFor();
    await expectNoAxeViolations(page, 'hub unit');
    await screenshot(page, 'hub-unit-1366');
    await page.context().close();
  }, 90_000);

  it('takes a batch file from the browser, and shows the quarantine with its reasons', async () => {
    const page = await signedIn(1366, 768);
    await page.getByRole('link', { name: 'Nhận tệp' }).click();
    await page.getByLabel('Chọn tệp (.batch.json)').setInputFiles(hub.uploadFile);
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await expect
      .poll(() => page.locator('.hub-outcomes tbody tr').allTextContents())
      .toEqual(['GL52_ia-pa_000001.batch.jsonĐã nhận']);
    const stranger = JSON.parse(readFileSync(hub.uploadFile, 'utf8'));
    stranger.batch.point.communeName = 'Xã Không Có';
    writeFileSync(`${hub.dir}/la.batch.json`, JSON.stringify(stranger));
    await page.getByLabel('Chọn tệp (.batch.json)').setInputFiles(`${hub.dir}/la.batch.json`);
    await page.getByRole('button', { name: 'Tải lên và kiểm tra' }).click();
    await expect
      .poll(() => page.locator('.hub-outcomes tbody tr').allTextContents())
      .toEqual([expect.stringContaining('Từ chối')]);
    const kept = page.locator('table.data').last().locator('tbody tr');
    await expect.poll(() => kept.allTextContents()).toEqual([expect.stringMatching(/Khóa chưa đăng ký.*Xã Kông Chro/)]);
    await page.getByRole('button', { name: 'Nhận các tệp của khóa này' }).waitFor();
    await expectNoAxeViolations(page, 'hub files');
    await screenshot(page, 'hub-files-1366');
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await expect
      .poll(() =>
        page.locator('.hub-units tbody tr').filter({ hasText: 'Xã Ia Pa' }).locator('td').nth(6).textContent(),
      )
      .toBe('4');
    await page.context().close();
  }, 60_000);

  it('prints the monthly report on A4 whose text a search finds, and exports an XLSX a spreadsheet opens', async () => {
    const page = await signedIn(1366, 768);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel (XLSX)' }).click(),
    ]);
    const xlsx = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx!);
    const sheet = book.worksheets[0]!;
    const ia = sheet.getRows(3, sheet.rowCount - 2)!.find((r) => r.getCell(1).value === 'Xã Ia Grai')!;
    expect(ia.getCell(5).value).toEqual(new Date(Date.UTC(2026, 10, 19)));
    expect(ia.getCell(7).value).toBe(14);
    expect(ia.getCell(12).value).toBe(1);
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByLabel('Cơ quan chủ quản').fill('Tỉnh đoàn Gia Lai');
    await page.getByLabel('Cơ quan lập báo cáo').fill('Ban Thường vụ');
    await expectNoAxeViolations(page, 'hub report');
    await screenshot(page, 'hub-report-1366');
    await page.emulateMedia({ media: 'print' });
    const pdf = 'test-results/screens/hub-report.pdf';
    writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    const squeezed = text.replace(/\s+/g, '');
    for (const words of [
      'Xã Chư Păh',
      'Xã Ia Grai',
      'BÁO CÁO',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH ĐOÀN GIA LAI',
    ])
      expect(squeezed).toContain(words.replace(/\s+/g, ''));
    expect(text).toContain('Gia Lai, ngày');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf, 'test-results/screens/hub-report']);
    await page.context().close();
  }, 90_000);
});
