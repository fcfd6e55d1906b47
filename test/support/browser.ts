import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** The browser `npm test`'s set-up checked for: CHROMIUM_PATH, else Debian's chromium on PATH. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const found = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'chromium'))
    .find((file) => existsSync(file));
  return found ?? '/usr/bin/chromium';
}

export function launchBrowser(extraFlags: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, ...extraFlags], headless: true });
}

/** Chromium's own stand-ins for a microphone (a tone) and the permission prompt: recordings are made for real. */
export const FAKE_MEDIA_FLAGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

/** The three screen shapes every citizen screen must fill without scrolling. */
export const SCREEN_SIZES = [
  { width: 1920, height: 1080 },
  { width: 1080, height: 1920 },
  { width: 1366, height: 768 },
] as const;

/** The page does not scroll, and every control and heading lies wholly inside the viewport. */
export async function expectFits(page: Page, label: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const { innerWidth: w, innerHeight: h } = window;
    const root = document.documentElement;
    const found: string[] = [];
    if (root.scrollHeight > h || root.scrollWidth > w)
      found.push(`page ${root.scrollWidth}x${root.scrollHeight} in ${w}x${h}`);
    for (const e of document.querySelectorAll(
      'button, input, h1, h2, [role="status"], .kiosk-ticket-number, .board-now-number',
    )) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.top < 0 || r.left < 0 || r.bottom > h + 0.5 || r.right > w + 0.5)
        found.push(
          `${e.tagName} "${(e.textContent ?? '').trim().slice(0, 30)}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`,
        );
    }
    return found;
  });
  expect(
    problems,
    `${label} must fit ${page.viewportSize()?.width}x${page.viewportSize()?.height} without scrolling`,
  ).toEqual([]);
}

/** Run axe-core on the page as it is now and fail with the rule ids and targets it finds. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // A screen still loading (lazy chunk, first query) has no h1 yet: let it settle first; if it
  // never gets one, axe reports it.
  await page
    .waitForFunction(() => document.querySelector('h1') !== null, null, { timeout: 10_000 })
    .catch(() => undefined);
  // Evaluated through the DevTools protocol, so the page's strict CSP stays on while axe runs.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 5),
    }));
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** Screenshots go to test-results/ so a person can look at what the user sees. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/** Every element matched must be at least `min` CSS pixels in both directions (touch targets). */
export async function expectTouchTargets(page: Page, selector: string, min = 64): Promise<void> {
  const small = await page.$$eval(
    selector,
    (elements, min) =>
      elements
        .map((e) => ({ text: (e.textContent ?? '').trim().slice(0, 40), box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && (box.width < min || box.height < min))
        .map(({ text, box }) => `${text} ${Math.round(box.width)}x${Math.round(box.height)}`),
    min,
  );
  expect(small, `touch targets under ${min}px`).toEqual([]);
}

/** A page in a fresh context, already signed in as the holder of `token` (the client reads it from sessionStorage). */
export async function signedInPage(
  browser: Browser,
  token: string | null,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN', ...options });
  if (token) await context.addInitScript((t) => sessionStorage.setItem('dhs.session', t), token);
  return context.newPage();
}
