import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PINS } from '#core/demo-pins';
import { expectNoAxeViolations, screenshot } from '../support/browser';
import { setUpE2E } from '../support/e2e';

/**
 * The printed pages an office files (issue 13, item 8), printed the way server mode prints
 * them (Chromium's printToPDF through page.pdf, the page's own CSS) and read back with poppler:
 * words extract whole from one embedded face per style, every page says "Trang x/y", the
 * signatures never stand alone, the report carries its number, recipients and signer, and no
 * text runs into the page edge.
 */
const OUT = 'test-results/print';
const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const MM = 72 / 25.4;
const { server, api, pageAs, signIn } = setUpE2E({ demo: true, folders: [OUT] });
let leader: string;

beforeAll(async () => {
  leader = await signIn('Rơ Mah Hồng Nhung', DEMO_PINS.leader);
});

const call = (method: string, input: unknown) => api(method, input, leader);

/** Print the page as it is to `name`.pdf, render each page as PNG, and read it back. */
async function printed(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  const path = `${OUT}/${name}.pdf`;
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', path, `${OUT}/${name}`]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  const pageText = (n: number) =>
    execFileSync('pdftotext', ['-f', String(n), '-l', String(n), path, '-'], { encoding: 'utf8' }).normalize('NFC');
  return { path, pages, text: execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).normalize('NFC'), pageText };
}

/**
 * The fonts embedded: only Tinos, one file per style (split subsets would list a style twice).
 * `pictures` names the system fonts the guides' SVG pictures draw their labels with.
 */
function expectOneTinosFacePerStyle(path: string, pictures?: RegExp) {
  const all = execFileSync('pdffonts', [path], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
  const fonts = pictures ? all.filter((f) => !pictures.test(f)) : all;
  expect(fonts.length).toBeGreaterThan(0);
  expect(
    fonts.every((f) => /^Tinos-(Regular|Bold|Italic|BoldItalic)$/.test(f)),
    fonts.join(', '),
  ).toBe(true);
  expect(new Set(fonts).size, fonts.join(', ')).toBe(fonts.length);
}

/** Every word sits inside the sheet with room to spare: nothing clipped at an edge. */
function expectNothingAtTheEdges(path: string) {
  const xml = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const pages = [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  for (const [, w, h, body] of pages) {
    for (const m of body!.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)) {
      const [x0, y0, x1, y1] = [m[1], m[2], m[3], m[4]].map(Number);
      expect(
        x0! >= 10 * MM && x1! <= Number(w) - 10 * MM && y0! >= 4 * MM && y1! <= Number(h) - 12 * MM,
        `"${m[5]}" at ${x0},${y0}–${x1},${y1}`,
      ).toBe(true);
    }
  }
}

function expectPageNumbers(doc: Awaited<ReturnType<typeof printed>>, fromPage = 1) {
  for (let n = 1; n <= doc.pages; n++) {
    if (n < fromPage) expect(doc.pageText(n)).not.toContain(`Trang ${n}/`);
    else expect(doc.pageText(n)).toContain(`Trang ${n}/${doc.pages}`);
  }
}

describe('printed pages an office would file', () => {
  it('a long day book: names extract whole, pages numbered, the last rows stay with the signatures', async () => {
    const day = '2026-11-16'; // a Monday in the past
    const members = (await call('team.list', {})).filter(
      (m: { active: boolean; position: string | null }) => m.active && m.position,
    );
    const names = ['Nguyễn Thị Hường', 'Trần Văn Đức', 'Lê Thị Ngọc Ánh', 'Rơ Châm Hyưn', 'Phạm Quốc Việt'];
    for (let i = 0; i < 34; i++) {
      const named = i % 7 === 0;
      await call('logbook.create', {
        entry: {
          day,
          time: `${String(7 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}`,
          channel: 'support_point',
          memberIds: [members[i % members.length].id],
          helpKinds: [i % 2 ? 'vneid' : 'smartphone'],
          outcome: i % 3 ? 'guided_only' : 'not_completed',
          minutes: 10 + i,
          obstacles: i % 5 ? [] : ['otp_not_received'],
          ...(named
            ? {
                fullName: names[(i / 7) % names.length],
                phone: `09051234${String(i).padStart(2, '0')}`,
                consent: { contact: true, ethnicity: false, disability: false },
              }
            : {}),
        },
      });
    }
    const page = await pageAs(leader, undefined, { viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}/#/staff/logbook/day/${day}`);
    await eventually(() => page.locator('.logbook-book-table > tbody > tr').count()).toBe(35);
    await expectNoAxeViolations(page, 'day book, long day');
    await screenshot(page, 'print-daybook-screen-1366');
    const doc = await printed(page, 'so-ngay-dai');
    expect(doc.pages).toBeGreaterThan(1);
    // Exactly as typed: no stripping of spaces, no fixing of split letters.
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'SỔ THEO DÕI ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ VÀ NỘI DUNG HỖ TRỢ',
      'Chư Păh, ngày 16 tháng 11 năm 2026',
      ...names,
    ]) {
      expect(doc.text, expected).toContain(expected);
    }
    expectPageNumbers(doc);
    const last = doc.pageText(doc.pages);
    expect(last).toContain('NGƯỜI LẬP SỔ');
    expect(last).toContain('Tổng hợp');
    // At least one visit row shares the last page with the signatures: the 34th row is on it.
    expect(last).toMatch(/(^|\n)34 15:15 /);
    expectOneTinosFacePerStyle(doc.path);
    expectNothingAtTheEdges(doc.path);
    await page.context().close();
  });

  it('the report: number and code, Kính gửi, Nơi nhận, and the signer from the settings, numbered from page 2', async () => {
    const defaults = await call('reports.documentSettings', {});
    expect(defaults.recipients).toEqual(['Ủy ban nhân dân xã Chư Păh']);
    expect(defaults.signerName).toBe('Rơ Mah Hồng Nhung');
    const bad = await server.call(
      'reports.updateDocumentSettings',
      { ...defaults, recipients: [], reportCode: 'BC/<x>' },
      leader,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toMatchObject({
      recipients: 'reports:problems.recipients',
      reportCode: 'reports:problems.code',
    });
    const page = await pageAs(leader, undefined, { viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}/#/staff/reports`);
    await page.getByRole('button', { name: 'Người ký và nơi nhận…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thông tin in trên báo cáo' });
    await dialog.getByLabel('Ký hiệu sau số (ví dụ BC-TCNS)').fill('BC-TCNSCĐ');
    await dialog
      .getByLabel('Kính gửi (mỗi dòng một nơi)')
      .fill('Ủy ban nhân dân xã Chư Păh\nBan Thường vụ Tỉnh đoàn Gia Lai');
    await dialog.getByLabel('Chức vụ người ký').fill('Tổ trưởng');
    await dialog.getByLabel('Họ và tên người ký').fill('Rơ Mah Hồng Nhung');
    await expectNoAxeViolations(page, 'report document settings');
    await screenshot(page, 'print-report-settings');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await eventually(() => page.getByText('Đã lưu. Báo cáo in từ nay dùng thông tin này.').count()).toBe(1);
    await eventually(() => page.locator('.admin-doc-recipients').textContent()).toContain(
      'Ban Thường vụ Tỉnh đoàn Gia Lai',
    );
    await screenshot(page, 'print-report-screen-1366');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'print-report-screen-1920');
    const doc = await printed(page, 'bao-cao');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG',
      '/BC-TCNSCĐ',
      'BÁO CÁO',
      'Kết quả hoạt động của Tổ công nghệ số cộng đồng',
      'Kính gửi:',
      '- Ủy ban nhân dân xã Chư Păh;',
      '- Ban Thường vụ Tỉnh đoàn Gia Lai;',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'TỔ TRƯỞNG',
      'Rơ Mah Hồng Nhung',
    ])
      expect(doc.text, expected).toContain(expected);
    expect(doc.pageText(1)).toMatch(/Số:\s+\/BC-TCNSCĐ/);
    expect(doc.pages).toBeGreaterThan(1);
    expectPageNumbers(doc, 2);
    expect(doc.pageText(doc.pages)).toContain('Nơi nhận:');
    expectOneTinosFacePerStyle(doc.path);
    expectNothingAtTheEdges(doc.path);
    await page.context().close();
  });

  it('the guide handout prints in Tinos, its title whole', async () => {
    const { guide } = await call('guides.get', { id: 'vneid-level-1' });
    const page = await pageAs(leader);
    await page.goto(`${server.url}/#/staff/guides`);
    await page.getByLabel('Tìm theo tên, mã thủ tục hoặc từ thường dùng').fill('dinh danh dien tu');
    await page.getByRole('link', { name: new RegExp(guide.title.vi) }).click();
    await eventually(() => page.getByRole('heading', { name: guide.title.vi }).count()).toBeGreaterThan(0);
    const doc = await printed(page, 'huong-dan');
    expect(doc.text.replace(/\n/g, ' ')).toContain(guide.title.vi);
    expect(doc.text).toContain(guide.steps[0].instruction.vi.split(' ').slice(0, 4).join(' '));
    expectOneTinosFacePerStyle(doc.path, /^(DejaVu|Arial|Noto|Liberation)/);
    expectNothingAtTheEdges(doc.path);
    await page.context().close();
  });
});
