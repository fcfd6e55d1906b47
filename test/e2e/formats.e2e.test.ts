import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PINS } from '#core/demo-pins';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';

/**
 * A PC set to American English on New York time still shows the point's dates, times and
 * numbers the Vietnamese way, in Vietnam's time (issue 13, item 5).
 */
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const FOREIGN = { locale: 'en-US', timezoneId: 'America/New_York' } as const;
const { server, signIn, pageAs } = setUpE2E({ demo: true });

/** Today in Vietnam, worked out here without the app's module: dd/mm/yyyy of UTC+7. */
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('/');

async function foreignPage(name: string, pin: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const page = await pageAs(await signIn(name, pin), '/staff', { ...FOREIGN, viewport });
  // The browser really is set to the foreign locale and zone.
  expect(await page.evaluate(() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone])).toEqual([
    'en-US',
    'America/New_York',
  ]);
  return page;
}

describe('Vietnamese formats on an en-US PC in New York', () => {
  it("the home screen and the duty screen give Vietnam's day and 24-hour times", async () => {
    const page = await foreignPage('Rơ Mah Hồng Nhung', DEMO_PINS.leader);
    await eventually(() => page.getByText(`Hôm nay: ${vnToday()}`).count()).toBe(1);
    await page.goto(`${server.url}/#/staff/duty`);
    await eventually(() => page.getByRole('heading', { name: `Trực hôm nay, ${vnToday()}` }).count()).toBe(1);
    const body = await page.locator('main').textContent();
    expect(body).not.toMatch(/\b(AM|PM)\b/);
    expect(body).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{4},/);
  });

  it('the entry form reads and writes dd/mm/yyyy and HH:MM, and the arrow keys step the day', async () => {
    const page = await foreignPage('Rơ Mah Hồng Nhung', DEMO_PINS.leader);
    await page.goto(`${server.url}/#/staff/logbook/new`);
    const day = page.getByLabel(/^Ngày/);
    const time = page.getByLabel(/^Giờ/);
    await eventually(() => day.inputValue()).toBe(vnToday());
    expect(await time.inputValue()).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
    expect(await page.locator('input[type="date"], input[type="time"]').count()).toBe(0);
    await day.fill('5/3/2026');
    await day.blur();
    expect(await day.inputValue()).toBe('05/03/2026');
    await day.focus();
    await page.keyboard.press('ArrowUp');
    expect(await day.inputValue()).toBe('06/03/2026');
    await time.fill('7h30');
    await time.blur();
    expect(await time.inputValue()).toBe('07:30');
    await day.fill('31/02/2026');
    await page.getByRole('button', { name: 'Lưu' }).first().click();
    await eventually(() =>
      page.getByText('Ghi ngày có thật theo dạng ngày/tháng/năm, ví dụ 25/11/2026.').count(),
    ).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'entry form, en-US PC');
    await screenshot(page, 'formats-entry-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'formats-entry-1920');
  });

  it("the day book and the report print Vietnam's date line and decimal commas", async () => {
    const page = await foreignPage('Rơ Mah Hồng Nhung', DEMO_PINS.leader);
    await page.goto(`${server.url}/#/staff/logbook/day`);
    const [d, m, y] = vnToday().split('/').map(Number);
    const line = `ngày ${String(d).padStart(2, '0')} tháng ${m! <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
    await eventually(() => page.locator('.admin-doc-dateline').textContent()).toContain(line);
    await page.goto(`${server.url}/#/staff/reports`);
    await eventually(() => page.locator('.admin-doc').count()).toBe(1);
    const report = await page.locator('.admin-doc').textContent();
    expect(report).toMatch(/\d+(,\d)?%/);
    expect(report).not.toMatch(/\d\.\d%/);
  });
});
