import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { DEMO_PINS } from '../../electron/core/demo-pins';

const OUT = 'test-results/uploads';
const { server, signIn, pageAs } = setUpE2E({ demo: true, context: { viewport: { width: 1366, height: 900 }, acceptDownloads: true }, folders: [OUT] });
let work: string;
const CLI = `${process.env.DHS_OUT ?? 'dist'}/province/cli.js`;

function province(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'dhs-uploads-e2e-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('uploads to the province', () => {
  it('warns until the province key is set, then an official exports the batches and reads the status', async () => {
    expect(province('keygen', '--out', work).status).toBe(0);
    const adminToken = await signIn('Quản trị điểm', DEMO_PINS.admin);
    const settings = (await server.call('settings.get', {}, adminToken)).body.result;
    expect((await server.call('settings.update', { ...settings, communeCode: '23410' }, adminToken)).status).toBe(200);

    // The admin sees the warning on the home screen, then imports the key on the uploads screen.
    const admin = await pageAs(adminToken);
    await admin.goto(`${server.url}/#/staff`);
    await admin.getByText('Chưa có khóa công khai của tỉnh').first().waitFor();
    await screenshot(admin, 'uploads-home-warning');
    await admin.goto(`${server.url}/#/staff/uploads`);
    await admin.getByRole('heading', { name: 'Khóa và địa chỉ của tỉnh' }).waitFor();
    await expectNoAxeViolations(admin, 'uploads without a province key');
    await screenshot(admin, 'uploads-no-key');
    await admin.getByLabel('Khóa công khai của tỉnh').fill('không phải khóa');
    await admin.getByRole('button', { name: 'Lưu khóa của tỉnh' }).click();
    await admin.getByText('Đây không phải tệp khóa công khai của tỉnh Gia Lai').first().waitFor();
    await admin.getByLabel('Khóa công khai của tỉnh').fill(readFileSync(join(work, 'province-public.txt'), 'utf8'));
    await admin.getByRole('button', { name: 'Lưu khóa của tỉnh' }).click();
    await admin.getByText('Đã lưu khóa của tỉnh').waitFor();
    // The warning goes once the screen hears the change (live event), without a reload.
    await admin.getByText('Chưa có khóa công khai của tỉnh').first().waitFor({ state: 'detached' });
    await admin.context().close();

    // The official makes a batch now and downloads everything not yet confirmed.
    const official = await pageAs(await signIn('Ksor Văn Thành', DEMO_PINS.official));
    await official.goto(`${server.url}/#/staff/uploads`);
    await official.getByRole('button', { name: 'Đóng gói số liệu ngay' }).click();
    await official.getByText(/Đã đóng gói \d+ gói số liệu|Không có số liệu mới/).waitFor();
    const [download] = await Promise.all([
      official.waitForEvent('download'),
      official.getByRole('button', { name: 'Tải về các gói chưa được xác nhận' }).click(),
    ]);
    const saved = join(work, download.suggestedFilename());
    await download.saveAs(saved);
    // The closing batches of the days the demo's official closed, and the one just made: a zip when several.
    expect(download.suggestedFilename()).toMatch(/^GL52_23410_[0-9a-f]{8}_\d{6}(-\d{6}\.zip|\.batch\.json)$/);
    const batchDir = join(work, 'usb');
    mkdirSync(batchDir);
    if (saved.endsWith('.zip')) execFileSync('python3', ['-m', 'zipfile', '-e', saved, batchDir]);
    else execFileSync('cp', [saved, batchDir]);
    const files = readdirSync(batchDir).filter((f) => f.endsWith('.batch.json')).map((f) => join(batchDir, f));
    expect(files.length).toBeGreaterThan(0);
    await official.getByRole('cell', { name: 'Đã lưu ra tệp, chờ xác nhận' }).first().waitFor();
    await expectNoAxeViolations(official, 'uploads status');
    await screenshot(official, 'uploads-status');

    // The province checks the files, ingests them and reports: the commune appears with its figures.
    const verify = province('verify', ...files);
    expect(verify.status, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/^OK .*commune 23410/m);
    const db = join(work, 'p.sqlite3');
    const secret = join(work, 'province-secret.json');
    const ingest = province('ingest', ...files, '--db', db, '--key', secret, '--receipts', batchDir);
    expect(ingest.stdout).toMatch(/ACCEPTED/);
    expect(ingest.stdout).not.toMatch(/REFUSED/);
    const again = province('ingest', ...files, '--db', db, '--key', secret);
    expect(again.stdout).not.toMatch(/ACCEPTED|REFUSED/);
    expect(again.stdout).toMatch(/DUPLICATE/);
    const report = province('report', '--db', db);
    expect(report.stdout).toContain('23410 | Xã Chư Păh');

    // The receipts, brought back on the stick, mark the batches confirmed.
    const receipts = readdirSync(batchDir).filter((f) => f.endsWith('.receipt.json')).map((f) => join(batchDir, f));
    expect(receipts).toHaveLength(files.length);
    await official.locator('input[type=file]').setInputFiles(receipts);
    await official.getByText(`Đã ghi nhận ${files.length} giấy xác nhận`).waitFor();
    await official.getByRole('cell', { name: 'Tỉnh đã xác nhận' }).first().waitFor();
    await official.getByRole('cell', { name: 'Đã lưu ra tệp, chờ xác nhận' }).first().waitFor({ state: 'detached' });
    await screenshot(official, 'uploads-acknowledged');
    await official.context().close();
  });

  it('shows the report with charts and tables, prints it on A4 and exports it as XLSX', async () => {
    const page = await pageAs(await signIn('Rơ Mah Hồng Nhung', DEMO_PINS.leader));
    await page.goto(`${server.url}/#/staff/reports`);
    await page.getByRole('heading', { name: 'BÁO CÁO', exact: true }).waitFor();
    await page.getByText('Kết quả hoạt động của Tổ công nghệ số cộng đồng', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'VI. Hoạt động so với mức tối thiểu' }).waitFor();
    await expectNoAxeViolations(page, 'report');
    await screenshot(page, 'report-screen');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải về Excel (XLSX)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^bao-cao-\d{4}-\d{2}-xa-chu-pah\.xlsx$/);
    const book = join(work, 'report.xlsx');
    await xlsx.saveAs(book);
    expect(readFileSync(book).subarray(0, 2).toString()).toBe('PK');

    await page.emulateMedia({ media: 'print' });
    const pdfPath = `${OUT}/bao-cao.pdf`;
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    // One merged font face: the words extract as written (test/e2e/print.e2e.test.ts checks the layout).
    const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'BÁO CÁO', 'Kết quả hoạt động của Tổ công nghệ số cộng đồng', 'Tổng số lượt hỗ trợ', 'Khó khăn, vướng mắc thường gặp']) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('Tải về Excel');
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, `${OUT}/bao-cao`]);
    await page.context().close();
  });
});
