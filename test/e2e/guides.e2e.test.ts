import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackFile, generatePackKeys } from '#core/guides/pack-file';
import { testSource } from '#core/guides/test-packs';
import { expectNoAxeViolations, expectTouchTargets, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';
import { openingMorning } from '../support/server';
import { DEMO_PINS } from '#core/demo-pins';

// The point's clock at a working morning: the kiosk takes numbers whatever hour the tests run at.
const { server, signIn, pageAs } = setUpE2E({ demo: true, folders: ['.tmp/guides-e2e'], clock: openingMorning() });
let memberToken: string;
let adminToken: string;
const keys = generatePackKeys();
/** Screens update after a round trip to the server; the shared 2-core machine can be slow. */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

beforeAll(async () => {
  adminToken = await signIn('Quản trị điểm', DEMO_PINS.admin);
  memberToken = await signIn('Trần Minh Quân', DEMO_PINS.member);
});

/** The three screens the kiosk and the point's PCs have. */
const SCREENS = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
] as const;

const citizenPage = (viewport: { width: number; height: number }, route: string): Promise<Page> =>
  pageAs(null, route, { viewport });

/** What "fits" means on a citizen guide screen: the page never scrolls and no block is cut. */
async function expectFits(page: Page, label: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1)
      out.push(`page scrolls (${root.scrollWidth}×${root.scrollHeight})`);
    for (const box of document.querySelectorAll('.guide-flow, .guide-cards')) {
      const limit = box.getBoundingClientRect().top + box.clientHeight + 1;
      const blocks = [...box.children];
      blocks.forEach((b, i) => {
        if (blocks.length > 1 && b.getBoundingClientRect().bottom > limit) out.push(`block ${i} cut`);
      });
    }
    const text = document.querySelector('.guide-page-text');
    if (text && text.scrollHeight > text.clientHeight + 1) out.push('text column overflows');
    return out;
  });
  expect(problems, `${label} at ${page.viewportSize()?.width}×${page.viewportSize()?.height}`).toEqual([]);
}

const CITIZEN_TARGETS = '.guide-fit button, .guide-fit a, .citizen-footer button, .citizen-footer a';

/** Page through a whole guide with "next", checking every page; returns the headings seen. */
async function readThrough(
  page: Page,
  id: string,
  check: (n: number) => Promise<void> = async () => undefined,
): Promise<string[]> {
  const headings: string[] = [];
  for (let n = 0; n < 80; n++) {
    await page.locator('.guide-page h1').waitFor();
    headings.push((await page.locator('.guide-page h1').textContent()) ?? '');
    await expectFits(page, `${id} page ${n}`);
    await check(n);
    const next = page.locator('.guide-nav .btn-primary');
    if (!(await next.count())) return headings;
    await next.click();
  }
  throw new Error(`${id}: no end after 80 pages`);
}

describe('guides a citizen can use alone', () => {
  for (const screen of SCREENS) {
    it(`fits ${screen.width}×${screen.height}: list, search by the on-screen keyboard, every page of a guide, 64 px targets, axe`, async () => {
      const name = `${screen.width}x${screen.height}`;
      const page = await citizenPage(screen, '/guides');
      await eventually(() => page.locator('.guide-card').count()).toBeGreaterThan(0);
      await expectFits(page, 'guide list');
      await expectTouchTargets(page, CITIZEN_TARGETS);
      await expectNoAxeViolations(page, 'guide list');
      // Every card has its picture.
      expect(
        await page
          .locator('.guide-card img')
          .evaluateAll((imgs) =>
            imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0),
          ),
      ).toBe(true);
      await screenshot(page, `guides-${name}-list`);

      // Touch only: the kiosk's keyboard types "CCCD"; the ID card guides come up.
      await page.getByRole('button', { name: 'Bàn phím' }).click();
      for (const letter of ['C', 'C', 'C', 'D'])
        await page.getByRole('button', { name: `Chữ ${letter}`, exact: true }).click();
      await expect.poll(() => page.getByLabel('Tìm hướng dẫn', { exact: true }).inputValue()).toBe('Cccd');
      const level1 = page.getByRole('link', { name: /Đăng ký và kích hoạt tài khoản VNeID mức 1/ });
      await eventually(() => level1.count()).toBe(1);
      await expectFits(page, 'search with keyboard');
      await expectTouchTargets(page, CITIZEN_TARGETS);
      await expectNoAxeViolations(page, 'search with keyboard');
      await screenshot(page, `guides-${name}-keyboard`);

      await level1.click();
      await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trước khi bắt đầu');
      const headings = await readThrough(page, 'vneid-level-1', async (n) => {
        await expectTouchTargets(page, CITIZEN_TARGETS);
        if (n === 0 || n === 3) await expectNoAxeViolations(page, `vneid-level-1 page ${n}`);
        if (n === 0 || n === 3) await screenshot(page, `guides-${name}-page-${n}`);
      });
      expect(headings.some((h) => h.includes('Bước 1 / 10'))).toBe(true);
      expect(headings.at(-1)).toBe('Bạn đã làm hết các bước.');
      await expectNoAxeViolations(page, 'guide end');
      await screenshot(page, `guides-${name}-end`);
      await page.close();
    });
  }

  it('every page of every guide fits the smallest screen (1366×768) in Vietnamese and English', async () => {
    const ids: string[] = (await server.call('guides.list', {})).body.result.guides.map((g: { id: string }) => g.id);
    expect(ids.length).toBeGreaterThanOrEqual(26);
    const page = await citizenPage({ width: 1366, height: 768 }, '/guides');
    await eventually(() => page.locator('.guide-card').count()).toBeGreaterThan(0);
    for (const language of ['Tiếng Việt', 'English']) {
      await page.getByRole('button', { name: language }).click();
      for (const id of ids) {
        await page.evaluate((guide) => {
          location.hash = `/guides/${guide}`;
        }, id);
        await page.locator(`.guide-page`).waitFor();
        await readThrough(page, `${id} (${language})`);
      }
    }
    await page.close();
  });

  it('says "chưa xác nhận" to the citizen where a fact was not checked, with where to ask', async () => {
    const { guide } = (await server.call('guides.get', { id: 'digital-signature' })).body.result;
    expect(guide.steps.some((s: { basis?: unknown }) => !s.basis)).toBe(true);
    const page = await citizenPage({ width: 1366, height: 768 }, '/guides/digital-signature');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trước khi bắt đầu');
    // Step 2 (choose a provider) has no source: its labels are marked, and the way to ask is given.
    for (let i = 0; i < 10 && !(await page.locator('.guide-page h1').textContent())?.includes('Bước 2 / 4'); i++)
      await page.locator('.guide-nav .btn-primary').click();
    await eventually(() => page.locator('.guide-unconfirmed-step').count()).toBe(1);
    await eventually(() => page.locator('.guide-ask').textContent()).toContain('1900.0368');
    await expectNoAxeViolations(page, 'unconfirmed step');
    await screenshot(page, 'guides-unconfirmed-step');
    await page.close();
  });

  it('"Lấy số để được giúp" at the end opens the kiosk with the guide\'s help and procedure chosen, and a number can be taken', async () => {
    const page = await citizenPage({ width: 1366, height: 768 }, '/guides/birth-registration');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trước khi bắt đầu');
    await readThrough(page, 'birth-registration');
    await page.getByRole('link', { name: 'Lấy số để được giúp' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Đăng ký khai sinh');
    expect(await page.locator('.kiosk-chosen-label').textContent()).toContain('Nộp hồ sơ dịch vụ công trực tuyến');
    await page.getByRole('button', { name: 'Lấy số' }).click();
    await eventually(() => page.getByText('Số của bạn').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('the kiosk start screen links to the guides; a guide left untouched goes back to the kiosk start in Vietnamese', async () => {
    const page = await citizenPage({ width: 1366, height: 768 }, '/kiosk');
    await page.getByRole('link', { name: /Xem hướng dẫn từng bước/ }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hướng dẫn từng bước');
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByRole('link', { name: /Register a birth|birth/i })
      .first()
      .click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Before you start');
    const settings = (await server.call('queue.settings', {}, adminToken)).body.result;
    await server.call('queue.updateSettings', { ...settings, choiceIdleSeconds: 6 }, adminToken);
    try {
      await page.getByText(/back to the start in \d+ seconds/).waitFor({ timeout: 15_000 });
      await page.getByRole('heading', { name: 'Bạn cần hỗ trợ việc gì?' }).waitFor({ timeout: 15_000 });
    } finally {
      await server.call('queue.updateSettings', settings, adminToken);
    }
    await page.close();
  });
});

describe('guides: staff and admin', () => {
  it('staff: follows the steps in guided mode for a ticket and prints a handout', async () => {
    const { guide } = (await server.call('guides.get', { id: 'vneid-level-1' }, memberToken)).body.result;
    const [first, , third] = guide.steps;
    const error = guide.commonErrors.find((e: { step?: string }) => e.step === third.key) ?? guide.commonErrors[0];
    // The visit being served at this member's desk (a number issued by the member: tests run at any hour).
    const issued = (await server.call('queue.checkIn', { helpKind: 'vneid' }, memberToken)).body.result as {
      id: number;
      number: string;
    };
    await server.call('queue.openDesk', { desk: 3 }, memberToken);
    expect((await server.call('queue.callTicket', { ticketId: issued.id }, memberToken)).status).toBe(200);
    const ticketId = issued.id;
    const page = await pageAs(memberToken, `/staff/guides?ticket=${ticketId}`);
    await page.getByLabel('Tìm theo tên, mã thủ tục hoặc từ thường dùng').fill('dinh danh dien tu');
    await page.getByRole('link', { name: /Đăng ký và kích hoạt tài khoản VNeID mức 1/ }).click();
    await eventually(() => page.getByText(`Ghi cho số ${issued.number}`, { exact: false }).count()).toBe(1);
    await page.getByRole('checkbox', { name: first.instruction.vi }).check();
    await eventually(() => page.getByText(/Đã lưu tiến độ/).count()).toBe(1);
    await page
      .locator('.guide-checklist > li')
      .nth(2)
      .getByRole('button', { name: 'Người dân bị vướng ở bước này' })
      .click();
    await page
      .getByRole('checkbox', { name: new RegExp(error.whatHappens.vi.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .check();
    await eventually(
      async () =>
        (await server.call('guides.session.get', { ticketId, guideId: 'vneid-level-1' }, memberToken)).body.result,
    ).toMatchObject({ stepsDone: [first.key], stuckStep: third.key, errors: [error.key] });
    await expectNoAxeViolations(page, 'guided mode');
    await screenshot(page, 'guides-staff-guided');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    writeFileSync('.tmp/guides-e2e/handout.pdf', pdf);
    // pdftotext may split a line at a big heading's accents; compare without white space.
    const text = execFileSync('pdftotext', ['.tmp/guides-e2e/handout.pdf', '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    expect(text).toContain(squeeze(guide.title.vi));
    expect(text).toContain(squeeze('Quét mã để mở trang chính thức'));
    expect(text).toContain(squeeze(error.whatHappens.vi));
    expect(text).toContain(squeeze(first.instruction.vi));
    expect(text).not.toContain(squeeze('Người dân bị vướng ở bước này'));
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['.tmp/guides-e2e/handout.pdf'], { encoding: 'utf8' }))![1],
    );
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '.tmp/guides-e2e/handout.pdf',
      'test-results/screens/guides-handout',
    ]);
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
    tampered.files[svg] = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>',
    ).toString('base64');
    const oversized = buildPackFile(
      testSource({ packVersion: before + 1 }, (f) => f.set(svg, Buffer.alloc(400 * 1024, 32))),
      keys.privatePem,
    );

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
    await eventually(() =>
      page.getByText('Gói bị từ chối: có tệp hình hoặc video vượt giới hạn kích thước').count(),
    ).toBe(1);
    expect((await server.call('guides.list', {})).body.result.pack.version).toBe(before);

    await upload('good.dhsguides', good);
    await eventually(() => page.getByText(/Đã cài gói phiên bản/).count()).toBe(1);
    await eventually(() => page.getByTestId('active-version').textContent()).toBe(String(before + 1));
    expect((await server.call('guides.list', {})).body.result.pack).toMatchObject({
      version: before + 1,
      source: 'imported',
    });
    await expectNoAxeViolations(page, 'pack installed');
    await screenshot(page, 'guides-pack-installed');
    await page.close();
  });
});
