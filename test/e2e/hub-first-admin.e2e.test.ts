import { mkdirSync, rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WRONG_SIGNINS_PER_ADDRESS } from '#province/web/locks';
import { rawRequest } from '../fault/support';
import { expectNoAxeViolations, launchBrowser, screenshot } from '../support/browser';
import { relayFrom, startHub, type RunningHub } from '../support/hub';

/** Another machine on the province's network (any 127.x but 127.0.0.1). */
const ELSEWHERE = '127.0.0.2';
let hub: RunningHub;
let browser: Browser;
let relay: Awaited<ReturnType<typeof relayFrom>>;

beforeAll(async () => {
  mkdirSync('test-results/screens', { recursive: true });
  hub = await startHub({ admin: false });
  relay = await relayFrom(hub.url, ELSEWHERE);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await relay?.close();
  await hub?.stop();
  if (hub) rmSync(hub.dir, { recursive: true, force: true });
});

async function open(url: string, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  return page;
}

describe('the first province admin, made in the browser', () => {
  it('is offered on the hub’s own machine without a code, and from elsewhere only with the console’s code', async () => {
    await expect.poll(() => hub.output()).toMatch(/one-time code \d{4}-\d{4}/);
    const code = /one-time code (\d{4}-\d{4})/.exec(hub.output())![1]!;

    const here = await open(hub.url, 1366, 768);
    await here.getByRole('heading', { level: 1, name: 'Tạo tài khoản quản trị tỉnh đầu tiên' }).waitFor();
    expect(await here.getByLabel('Mã dùng một lần').count()).toBe(0);
    await expectNoAxeViolations(here, 'hub first admin, this machine');
    await screenshot(here, 'hub-first-admin-here-1366');
    await here.context().close();

    for (const [width, height] of [
      [1920, 1080],
      [1366, 768],
    ] as const) {
      const page = await open(relay.url, width, height);
      await page.getByRole('heading', { level: 1, name: 'Tạo tài khoản quản trị tỉnh đầu tiên' }).waitFor();
      await page.getByLabel('Mã dùng một lần').waitFor();
      await expectNoAxeViolations(page, `hub first admin from elsewhere ${width}`);
      await screenshot(page, `hub-first-admin-code-${width}`);
      await page.context().close();
    }

    const page = await open(relay.url, 1366, 768);
    await page.getByLabel('Mã dùng một lần').fill(code === '1111-1111' ? '2222-2222' : '1111-1111');
    await page.getByLabel('Tên đăng nhập').fill('admin.tinh');
    await page.getByLabel('Mật khẩu (bắt buộc)', { exact: true }).fill(hub.password);
    await page.getByLabel('Nhập lại mật khẩu').fill(hub.password);
    await page.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }).click();
    await expect.poll(() => page.locator('.field-error').textContent()).toContain('Mã không đúng hoặc đã hết hiệu lực');
    await expect.poll(() => page.locator('.notice-error').textContent()).toContain('Thông tin nhập chưa đúng');
    await expectNoAxeViolations(page, 'hub first admin, wrong code');
    await screenshot(page, 'hub-first-admin-wrong-code-1366');
    await page.getByLabel('Mã dùng một lần').fill(code);
    await page.getByRole('button', { name: 'Tạo tài khoản và đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan 135 xã, phường' }).waitFor();
    await expect.poll(() => page.locator('.who').textContent()).toContain('admin.tinh (Quản trị tỉnh)');
    await page.context().close();

    // Now there is an admin: the page offers sign-in only, and the route answers as if it never was.
    const after = await open(hub.url, 1366, 768);
    await after.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await after.context().close();
    const again = await rawRequest(hub.url, {
      path: '/api/hub.createFirstAdmin',
      body: JSON.stringify({ name: 'ke.khac', password: 'một mật khẩu đủ dài' }),
    });
    expect(again.status).toBe(404);
  });

  it('shows the admin an address locked after guesses across accounts, with its time, and lifts it', async () => {
    for (let i = 0; i < MAX_WRONG_SIGNINS_PER_ADDRESS; i++)
      await rawRequest(hub.url, {
        path: '/api/hub.signIn',
        from: ELSEWHERE,
        body: JSON.stringify({ name: i % 2 ? 'admin.tinh' : `ai.do.${i}`, password: 'đoán mật khẩu' }),
      });
    // The same browser from that address: the hub says when to try again.
    const stranger = await open(relay.url, 1366, 768);
    await stranger.getByLabel('Tên đăng nhập').fill('admin.tinh');
    await stranger.getByLabel('Mật khẩu').fill(hub.password);
    await stranger.getByRole('button', { name: 'Đăng nhập' }).click();
    // The hub's clock is fixed at 10:00 on 20/11/2026 in Gia Lai: the lock ends five minutes later.
    await expect
      .poll(() => stranger.getByRole('alert').textContent())
      .toBe(
        'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này, nên tạm thời không nhận đăng nhập từ đây. Hãy thử lại sau 5 phút, từ 10:05 ngày 20/11/2026.',
      );
    await screenshot(stranger, 'hub-address-locked-1366');

    const page = await open(hub.url, 1920, 1080);
    await page.getByLabel('Tên đăng nhập').fill('admin.tinh');
    await page.getByLabel('Mật khẩu').fill(hub.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Khóa đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Khóa đăng nhập' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: ELSEWHERE });
    await expect.poll(() => row.textContent()).toContain('20/11/2026 10:05');
    await expectNoAxeViolations(page, 'hub locks');
    await screenshot(page, 'hub-locks-1920');
    await page.getByRole('button', { name: `Mở khóa ${ELSEWHERE}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe(`Đã mở khóa ${ELSEWHERE}.`);
    await expect.poll(() => row.count()).toBe(0);

    await stranger.getByRole('button', { name: 'Đăng nhập' }).click();
    await stranger.getByRole('heading', { level: 1, name: 'Tổng quan 135 xã, phường' }).waitFor();
    await stranger.context().close();
    await page.context().close();
  });
});
