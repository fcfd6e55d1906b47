import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFile } from '../../electron/core/guides/pack-file';
import { generateSigningKeys } from '../../electron/core/guides/signing';
import { testSource } from '../../electron/core/guides/test-packs';
import { expectNoAxeViolations, expectTouchTargets, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { DEMO_PINS } from '../../electron/core/demo-pins';

const { server, signIn, pageAs } = setUpE2E({ demo: true, folders: ['.tmp/guides-e2e'] });
let memberToken: string;
let adminToken: string;
const keys = generateSigningKeys();
/** Screens update after a round trip to the server; the shared 2-core machine can be slow. */
const eventually = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  adminToken = await signIn('Quản trị điểm', DEMO_PINS.admin);
  memberToken = await signIn('Trần Minh Quân', DEMO_PINS.member);
});

describe('guides in the real app', () => {
  it('kiosk: finds a guide typed without diacritics and reads it one step at a time', async () => {
    const { guide } = (await server.call('guides.get', { id: 'vneid-level-1' })).body.result;
    const total = guide.steps.length;
    const page = await pageAs(null, '/guides');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hướng dẫn từng bước');
    await page.getByLabel('Tìm hướng dẫn').fill('kich hoat tai khoan vneid');
    const link = page.getByRole('link', { name: /Đăng ký và kích hoạt tài khoản VNeID mức 1/ });
    await eventually(() => link.count()).toBe(1);
    await expectNoAxeViolations(page, 'guide search');
    await screenshot(page, 'guides-kiosk-search');
    await link.click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trước khi bắt đầu');
    await expectTouchTargets(page, '.guide-nav .btn');
    await expectNoAxeViolations(page, 'guide overview');
    await screenshot(page, 'guides-kiosk-overview');
    await page.getByRole('button', { name: 'Bắt đầu làm theo' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Bước 1 / ${total}`);
    await eventually(() => page.getByRole('img', { name: guide.steps[0].screenShows.vi }).count()).toBe(1);
    await page.getByRole('button', { name: 'Bước tiếp' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(`Bước 2 / ${total}`);
    await expectTouchTargets(page, '.guide-nav .btn');
    await expectNoAxeViolations(page, 'guide step');
    await screenshot(page, 'guides-kiosk-step');
    await page.close();
  });

  it('staff: follows the steps in guided mode for a ticket and prints a handout', async () => {
    const { guide } = (await server.call('guides.get', { id: 'vneid-level-1' }, memberToken)).body.result;
    const [first, , third] = guide.steps;
    const error = guide.commonErrors.find((e: { step?: string }) => e.step === third.key) ?? guide.commonErrors[0];
    // The visit being served at this member's desk (a number issued by the member: tests run at any hour).
    const issued = (await server.call('queue.checkIn', { helpKind: 'vneid' }, memberToken)).body.result as { id: number; number: string };
    await server.call('queue.openDesk', { desk: 3 }, memberToken);
    expect((await server.call('queue.callTicket', { ticketId: issued.id }, memberToken)).status).toBe(200);
    const ticketId = issued.id;
    const page = await pageAs(memberToken, `/staff/guides?ticket=${ticketId}`);
    await page.getByLabel('Tìm theo tên, mã thủ tục hoặc từ thường dùng').fill('dinh danh dien tu');
    await page.getByRole('link', { name: /Đăng ký và kích hoạt tài khoản VNeID mức 1/ }).click();
    await eventually(() => page.getByText(`Ghi cho số ${issued.number}`, { exact: false }).count()).toBe(1);
    await page.getByRole('checkbox', { name: first.instruction.vi }).check();
    await eventually(() => page.getByText(/Đã lưu tiến độ/).count()).toBe(1);
    await page.locator('.guide-checklist > li').nth(2).getByRole('button', { name: 'Người dân bị vướng ở bước này' }).click();
    await page.getByRole('checkbox', { name: new RegExp(error.whatHappens.vi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).check();
    await eventually(async () => (await server.call('guides.session.get', { ticketId, guideId: 'vneid-level-1' }, memberToken)).body.result)
      .toMatchObject({ stepsDone: [first.key], stuckStep: third.key, errors: [error.key] });
    await expectNoAxeViolations(page, 'guided mode');
    await screenshot(page, 'guides-staff-guided');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync('.tmp/guides-e2e/handout.pdf', pdf);
    // pdftotext may split a line at a big heading's accents; compare without white space.
    const text = execFileSync('pdftotext', ['.tmp/guides-e2e/handout.pdf', '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(text).toContain(squeeze(guide.title.vi));
    expect(text).toContain(squeeze('Quét mã để mở trang chính thức'));
    expect(text).toContain(squeeze(error.whatHappens.vi));
    expect(text).toContain(squeeze(first.instruction.vi));
    expect(text).not.toContain(squeeze('Người dân bị vướng ở bước này'));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['.tmp/guides-e2e/handout.pdf'], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    execFileSync('pdftoppm', ['-png', '-r', '60', '.tmp/guides-e2e/handout.pdf', 'test-results/screens/guides-handout']);
    await page.close();
  });

  it('admin: a tampered pack and an oversized pack are refused on screen and the old pack stays; a good one installs', async () => {
    const before = (await server.call('guides.list', {})).body.result.pack.version as number;
    const page = await pageAs(adminToken, '/staff/guides/import');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Gói hướng dẫn');
    await page.getByLabel('Tên khóa (ví dụ: Sở KH&CN Gia Lai 2026)').fill('Sở KH&CN Gia Lai');
    await page.getByLabel('Khóa công khai (dán nội dung tệp .pub.pem)').fill(keys.publicPem);
    await page.getByRole('button', { name: 'Thêm khóa tin cậy' }).click();
    await eventually(() => page.getByText(`Đã thêm khóa ${keys.keyId}.`).count()).toBe(1);

    const good = buildPackFile(testSource({ packVersion: before + 1 }), keys.privatePem);
    const tampered = JSON.parse(good.toString());
    const svg = Object.keys(tampered.files).find((p) => p.endsWith('.svg'))!;
    tampered.files[svg] = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>').toString('base64');
    const oversized = buildPackFile(testSource({ packVersion: before + 1 }, (f) => f.set(svg, Buffer.alloc(400 * 1024, 32))), keys.privatePem);

    const upload = async (name: string, buffer: Buffer) => {
      await page.getByLabel('Tệp gói hướng dẫn').setInputFiles({ name, mimeType: 'application/json', buffer });
      await page.getByRole('button', { name: 'Kiểm tra và cài đặt' }).click();
    };
    await upload('tampered.dhsguides', Buffer.from(JSON.stringify(tampered)));
    await eventually(() => page.getByText('Gói bị từ chối: nội dung tệp đã bị thay đổi sau khi ký').count()).toBe(1);
    await eventually(() => page.getByText(`Gói đang dùng (phiên bản ${before}) vẫn giữ nguyên.`).count()).toBe(1);
    await expectNoAxeViolations(page, 'pack refused');
    await screenshot(page, 'guides-pack-refused');
    await upload('oversized.dhsguides', oversized);
    await eventually(() => page.getByText('Gói bị từ chối: có tệp hình hoặc video vượt giới hạn kích thước').count()).toBe(1);
    expect((await server.call('guides.list', {})).body.result.pack.version).toBe(before);

    await upload('good.dhsguides', good);
    await eventually(() => page.getByText(/Đã cài gói phiên bản/).count()).toBe(1);
    await eventually(() => page.getByTestId('active-version').textContent()).toBe(String(before + 1));
    expect((await server.call('guides.list', {})).body.result.pack).toMatchObject({ version: before + 1, source: 'imported' });
    await expectNoAxeViolations(page, 'pack installed');
    await screenshot(page, 'guides-pack-installed');
    await page.close();
  });
});
