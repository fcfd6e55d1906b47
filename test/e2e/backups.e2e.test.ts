import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { removeDir, tempDataDir } from '../support/server';
import { DEMO_PINS } from '#core/demo-pins';

const { server, pageAs, restart } = setUpE2E({ demo: true });
let page: Page;
let adminToken: string;
/** PIN checks and backups are slow on purpose or by nature; a loaded machine needs patience. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

beforeAll(async () => {
  page = await pageAs(null);
});

async function signInAdmin(): Promise<void> {
  await page.goto(`${server.url}/#/staff`);
  await page.getByRole('button', { name: /Quản trị điểm/ }).click();
  await page.getByLabel('Mã PIN').fill(DEMO_PINS.admin);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Xin chào');
}

describe('backups screen (admin)', () => {
  it('backs up into the backup folder and lists the file', async () => {
    await signInAdmin();
    await page.goto(`${server.url}/#/staff/backups`);
    await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sao lưu và khôi phục dữ liệu');
    await poll(() => page.getByText('Chưa có bản sao lưu nào.').count()).toBe(1);
    await expectNoAxeViolations(page, 'backups, empty');
    await page.getByRole('button', { name: 'Sao lưu vào thư mục sao lưu' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Đã sao lưu' }).count()).toBe(1);
    await poll(() => page.locator('table.data tbody tr').count()).toBe(1);
    await poll(() => page.locator('table.data tbody tr td').nth(1).textContent()).toBe('Thủ công');
    await expectNoAxeViolations(page, 'backups, one file');
    await screenshot(page, 'backups-list');
  });

  it('checks the retention setting and saves it', async () => {
    const field = page.getByLabel('Số ngày giữ lại (1–365)');
    await field.fill('0');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await poll(() => page.getByText('Nhập số ngày từ 1 đến 365.').count()).toBe(1);
    await field.fill('30');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await poll(() => page.getByText('Đã lưu thời gian giữ bản sao lưu.').count()).toBe(1);
    adminToken = await page.evaluate(() => sessionStorage.getItem('dhs.session') ?? '');
    expect((await server.call('backups.status', {}, adminToken)).body.result.keepDays).toBe(30);
  });

  it('seals a copy for a USB stick with the passphrase set on screen, and says what losing it costs', async () => {
    const usb = tempDataDir('dhs-usb-');
    try {
      await page.getByLabel('Đường dẫn thư mục (ví dụ E:\\SaoLuu)').fill(usb);
      await page.getByRole('button', { name: 'Sao lưu ra thư mục khác hoặc USB' }).click();
      await poll(() => page.getByText(/Chưa đặt cụm mật khẩu sao lưu/).count()).toBeGreaterThan(0);
      await poll(() => page.getByText(/Nếu quên cụm mật khẩu, không ai mở được/).count()).toBe(1);
      await page.getByLabel('Cụm mật khẩu mới (ít nhất 12 ký tự)').fill('sông Ba mùa nước nổi 2026');
      await page.getByRole('button', { name: 'Lưu cụm mật khẩu' }).click();
      await poll(() => page.getByText('Đã đặt cụm mật khẩu.').count()).toBe(1);
      await page.getByRole('button', { name: 'Sao lưu ra thư mục khác hoặc USB' }).click();
      await poll(() => readdirSync(usb).filter((n) => n.endsWith('.dhsbackup')).length).toBe(1);
      expect(
        readFileSync(join(usb, readdirSync(usb)[0]!))
          .subarray(0, 10)
          .toString('latin1'),
      ).toBe('DHSBACKUP1');
      await expectNoAxeViolations(page, 'backups, passphrase set');
      await screenshot(page, 'backups-passphrase');
    } finally {
      removeDir(usb);
    }
  });

  it('refuses a file that is not a backup, with the reason, and changes nothing', async () => {
    await page.locator('#backup-file').setInputFiles({
      name: 'anh-chup.sqlite3',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('this is a photo, not a database'.repeat(40)),
    });
    await poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Kiểm tra và khôi phục' }).click();
    await poll(() => page.getByRole('alert').first().textContent()).toContain(
      'Tệp không phải là bản sao lưu cơ sở dữ liệu.',
    );
    await expectNoAxeViolations(page, 'backups, refused file');
    await screenshot(page, 'backups-refused');
    expect((await server.call('backups.status', {}, adminToken)).body.result.pendingRestore).toBeNull();
  });

  it('restores a stored backup at the next start, keeping later changes aside', async () => {
    const settings = (await server.call('settings.get', {}, adminToken)).body.result;
    expect(
      (await server.call('settings.update', { ...settings, pointName: 'Tên đổi sau khi sao lưu' }, adminToken)).status,
    ).toBe(200);
    await page
      .getByRole('button', { name: /^Khôi phục bản này/ })
      .first()
      .click();
    await poll(() => page.getByRole('dialog').textContent()).toContain('Khôi phục từ');
    await page.getByRole('button', { name: 'Kiểm tra và khôi phục' }).click();
    await poll(() => page.getByText(/Hãy khởi động lại ứng dụng để hoàn tất khôi phục/).count()).toBe(1);
    await poll(() => page.getByText(/Đang chờ khởi động lại để khôi phục/).count()).toBe(1);
    await screenshot(page, 'backups-pending');

    await restart();
    const status = (await server.call('setup.status')).body.result;
    expect(status.pointName).toBe(settings.pointName);
    await signInAdmin();
    await page.goto(`${server.url}/#/staff/backups`);
    await poll(() => page.getByText(/^Đã khôi phục từ/).count()).toBe(1);
    await expectNoAxeViolations(page, 'backups, restored');
    await screenshot(page, 'backups-restored');
  });
});
