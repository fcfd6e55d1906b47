import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { DEMO_PINS } from '#core/demo-pins';

const OUT = 'test-results/uploads';
/** A name and phone that must never appear in clear in the province's files. */
const UNIQUE = { name: "Siu H'Blưm Thử Nghiệm", phone: '0987654321' };
const { server, signIn, pageAs } = setUpE2E({
  demo: true,
  context: { viewport: { width: 1366, height: 900 }, acceptDownloads: true },
  folders: [OUT],
});
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
    writeFileSync(join(work, 'passphrase.txt'), 'cụm mật khẩu của tỉnh Gia Lai\n');
    const keygen = province('keygen', '--out', work, '--passphrase-file', join(work, 'passphrase.txt'));
    expect(keygen.status, keygen.stderr).toBe(0);
    expect(readFileSync(join(work, 'province-seal.pem'), 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(readFileSync(join(work, 'province-public.txt'), 'utf8')).toMatch(/^DHS-PROVINCE-KEY\/2\n/);
    const adminToken = await signIn('Quản trị điểm', DEMO_PINS.admin);

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

    // The admin reads the point's fingerprint to the province, which enrols the point for its commune.
    const status = (await server.call('uploads.status', {}, adminToken)).body.result;
    const db = join(work, 'p.sqlite3');
    const secret = join(work, 'province-secret.json');
    const enrol = province(
      'enrol',
      '--db',
      db,
      '--unit',
      'Xa Chu Pah',
      '--fingerprint',
      status.pointFingerprint.replace(/-/g, ' ').toLowerCase(),
      '--by',
      'Sở KH&CN',
    );
    expect(enrol.stdout, enrol.stderr).toContain(
      `Enrolled the point of Xã Chư Păh with key ${status.pointFingerprint}`,
    );

    // A visitor who gave a name and phone, with consent: it must reach the province sealed only.
    const leader = await server.signIn('Rơ Mah Hồng Nhung', DEMO_PINS.leader);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const created = await server.call(
      'logbook.create',
      {
        entry: {
          day: today,
          time: '09:00',
          channel: 'support_point',
          memberIds: [leader.id],
          helpKinds: ['vneid'],
          outcome: 'guided_only',
          minutes: 10,
          fullName: UNIQUE.name,
          phone: UNIQUE.phone,
          consent: { contact: true, ethnicity: false, disability: false },
        },
      },
      leader.token,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const entryId = created.body.result.id as number;

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
    expect(download.suggestedFilename()).toMatch(/^GL52_[0-9a-f]{8}_\d{6}(-\d{6}\.zip|\.batch\.json)$/);
    const batchDir = join(work, 'usb');
    mkdirSync(batchDir);
    if (saved.endsWith('.zip')) execFileSync('python3', ['-m', 'zipfile', '-e', saved, batchDir]);
    else execFileSync('cp', [saved, batchDir]);
    const files = readdirSync(batchDir)
      .filter((f) => f.endsWith('.batch.json'))
      .map((f) => join(batchDir, f));
    expect(files.length).toBeGreaterThan(0);
    await official.getByRole('cell', { name: 'Đã lưu ra tệp, chờ xác nhận' }).first().waitFor();
    await expectNoAxeViolations(official, 'uploads status');
    await screenshot(official, 'uploads-status');

    // The province checks the files, ingests them and reports: the commune appears with its figures.
    const verify = province('verify', ...files);
    expect(verify.status, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/^OK .*dhs-batch\/2 Xã Chư Păh key /m);
    const ingest = province('ingest', ...files, '--db', db, '--key', secret, '--receipts', batchDir);
    expect(ingest.stdout).toMatch(/ACCEPTED/);
    expect(ingest.stdout).not.toMatch(/REFUSED/);
    const again = province('ingest', ...files, '--db', db, '--key', secret);
    expect(again.stdout).not.toMatch(/ACCEPTED|REFUSED/);
    expect(again.stdout).toMatch(/DUPLICATE/);
    const report = province('report', '--db', db);
    expect(report.stdout).toContain('chưa có mã | Xã Chư Păh');
    expect(report.stdout).toMatch(/Xã, phường chưa gửi số liệu nào \(134\/135\)/);

    // The name is nowhere in clear at the province; its sealed part is, and opens with the key and passphrase.
    const storeBytes = () =>
      [db, `${db}-wal`]
        .filter((f) => existsSync(f))
        .map((f) => readFileSync(f).toString('latin1'))
        .join('');
    expect(storeBytes()).not.toContain(UNIQUE.name);
    expect(storeBytes()).not.toContain(UNIQUE.phone);
    const open = (...extra: string[]) =>
      province(
        'open',
        '--db',
        db,
        '--unit',
        'Xã Chư Păh',
        '--ref',
        `logbook_entry:${entryId}`,
        '--seal-key',
        join(work, 'province-seal.pem'),
        '--passphrase-file',
        join(work, 'passphrase.txt'),
        '--by',
        'Cán bộ Sở KH&CN',
        '--reason',
        'Yêu cầu của công dân',
        ...extra,
      );
    const opened = open();
    expect(opened.status, opened.stderr).toBe(0);
    const sealedParts = JSON.parse(opened.stdout) as { personal: { fullName: string; phone: string } }[];
    expect(sealedParts.map((p) => p.personal.phone)).toEqual([UNIQUE.phone]);
    writeFileSync(join(work, 'wrong.txt'), 'không đúng\n');
    const wrong = province(
      'open',
      '--db',
      db,
      '--unit',
      'Xã Chư Păh',
      '--ref',
      `logbook_entry:${entryId}`,
      '--seal-key',
      join(work, 'province-seal.pem'),
      '--passphrase-file',
      join(work, 'wrong.txt'),
      '--by',
      'x',
      '--reason',
      'thử',
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('wrong passphrase');

    // The receipts, brought back on the stick, mark the batches confirmed.
    const receipts = readdirSync(batchDir)
      .filter((f) => f.endsWith('.receipt.json'))
      .map((f) => join(batchDir, f));
    expect(receipts).toHaveLength(files.length);
    await official.locator('input[type=file]').setInputFiles(receipts);
    await official.getByText(`Đã ghi nhận ${files.length} giấy xác nhận`).waitFor();
    await official.getByRole('cell', { name: 'Tỉnh đã xác nhận' }).first().waitFor();
    await official.getByRole('cell', { name: 'Đã lưu ra tệp, chờ xác nhận' }).first().waitFor({ state: 'detached' });
    await screenshot(official, 'uploads-acknowledged');
    await official.context().close();

    // The citizen asks to be erased: the next batch says so, and the sealed data leaves the province's files.
    const ciphertext = JSON.parse(
      readFileSync(files.find((f) => readFileSync(f, 'utf8').includes(`"ref":"logbook_entry:${entryId}"`))!, 'utf8'),
    ).batch.records.find((r: { ref: string }) => r.ref === `logbook_entry:${entryId}`).personal.ct as string;
    expect(storeBytes()).toContain(ciphertext);
    const officialToken = await signIn('Ksor Văn Thành', DEMO_PINS.official);
    expect(
      (await server.call('logbook.erase', { ids: [entryId], reason: 'Người dân yêu cầu xóa' }, officialToken)).status,
    ).toBe(200);
    expect((await server.call('uploads.cutNow', {}, officialToken)).status).toBe(200);
    const later = join(work, 'later');
    mkdirSync(later);
    const exported = (await server.call('uploads.download', { seq: null }, officialToken)).body.result;
    writeFileSync(join(later, exported.fileName), Buffer.from(exported.base64, 'base64'));
    if (exported.fileName.endsWith('.zip'))
      execFileSync('python3', ['-m', 'zipfile', '-e', join(later, exported.fileName), later]);
    const erasing = readdirSync(later)
      .filter((f) => f.endsWith('.batch.json'))
      .map((f) => join(later, f));
    const taken = province('ingest', ...erasing, '--db', db, '--key', secret);
    expect(taken.stdout).toMatch(/ACCEPTED/);
    expect(taken.stdout).not.toMatch(/REFUSED/);
    expect(storeBytes()).not.toContain(ciphertext);
    expect(JSON.parse(open().stdout)).toEqual([]);
  });

  it('shows the report with charts and tables, prints it on A4 and exports it as XLSX', async () => {
    const page = await pageAs(await signIn('Rơ Mah Hồng Nhung', DEMO_PINS.leader));
    await page.goto(`${server.url}/#/staff/reports`);
    await page.getByRole('heading', { name: 'BÁO CÁO', exact: true }).waitFor();
    await page.getByText('Kết quả hoạt động của Tổ công nghệ số cộng đồng', { exact: false }).first().waitFor();
    await page.getByRole('heading', { name: 'VI. Hoạt động so với mức tối thiểu' }).waitFor();
    await expectNoAxeViolations(page, 'report');
    await screenshot(page, 'report-screen');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải về Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^bao-cao-\d{4}-\d{2}-xa-chu-pah\.xlsx$/);
    const book = join(work, 'report.xlsx');
    await xlsx.saveAs(book);
    expect(readFileSync(book).subarray(0, 2).toString()).toBe('PK');

    await page.emulateMedia({ media: 'print' });
    const pdfPath = `${OUT}/bao-cao.pdf`;
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true, printBackground: true });
    // One merged font face: the words extract as written (test/e2e/print.e2e.test.ts checks the layout).
    const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'BÁO CÁO',
      'Kết quả hoạt động của Tổ công nghệ số cộng đồng',
      'Tổng số lượt hỗ trợ',
      'Khó khăn, vướng mắc thường gặp',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('Tải về Excel');
    expect(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdfPath, `${OUT}/bao-cao`]);
    await page.context().close();
  });
});
