import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { setUpE2E } from '../support/e2e';
import { openingMorning } from '../support/server';

const RENDERER = join(process.env.DHS_OUT ?? 'dist', 'renderer');
const e2e = setUpE2E({ demo: true, clock: openingMorning() });

/** A GET as any client sends it, with the body as the bytes on the wire (not decoded). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const url = new URL(e2e.server.url);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const mainScript = () => readdirSync(join(RENDERER, 'assets')).find((f) => /^index-.*\.js$/.test(f))!;

describe('the built screens over the LAN', () => {
  it('are sent in brotli, else gzip, else as they are, always the same bytes once decoded', async () => {
    const name = mainScript();
    const original = readFileSync(join(RENDERER, 'assets', name));
    const path = `/assets/${name}`;
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers).toMatchObject({
      'content-encoding': 'br',
      vary: 'accept-encoding',
      'content-type': 'text/javascript; charset=utf-8',
    });
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await get(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers).toMatchObject({ 'content-encoding': 'gzip', vary: 'accept-encoding' });
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    // A client that asks for neither, or refuses brotli and gzip by weight, gets the file itself.
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const plain = await get(path, accept ? { 'accept-encoding': accept } : {});
      expect(plain.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(plain.headers.vary).toBe('accept-encoding');
      expect(plain.body.equals(original)).toBe(true);
    }
    // Weights are the client's to give: gzip preferred over brotli is honoured.
    expect((await get(path, { 'accept-encoding': 'br;q=0.5, gzip;q=1' })).headers['content-encoding']).toBe('gzip');
  });

  it('send fonts as they are: woff2 is compressed by its format, and no copy of it is made', async () => {
    const font = readdirSync(join(RENDERER, 'assets')).find((f) => f.endsWith('.woff2'))!;
    expect(readdirSync(join(RENDERER, 'assets')).filter((f) => f.startsWith(font) && f !== font)).toEqual([]);
    const sent = await get(`/assets/${font}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(sent.status).toBe(200);
    expect(sent.headers['content-type']).toBe('font/woff2');
    expect(sent.headers['content-encoding']).toBeUndefined();
    // Only one body exists for this URL, so caches need not key it by the request's encodings.
    expect(sent.headers.vary).toBeUndefined();
    expect(sent.body.equals(readFileSync(join(RENDERER, 'assets', font)))).toBe(true);
  });

  it('cache hashed assets for a year and revalidate index.html, answering 304 when unchanged', async () => {
    const asset = await get(`/assets/${mainScript()}`, { 'accept-encoding': 'br' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/', { 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.body).toString('utf8')).toContain(`/assets/${mainScript()}`);
    const etag = String(page.headers.etag);
    const again = await get('/', { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Another encoding is another body: its ETag differs, so a cache never mixes them up.
    const plain = await get('/', { 'if-none-match': etag });
    expect(plain.status).toBe(200);
    expect(plain.headers.etag).not.toBe(etag);
    // The gzip copy has its own ETag and its own 304; a list of ETags is understood.
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers.etag).not.toBe(etag);
    expect(
      (await get('/', { 'accept-encoding': 'gzip', 'if-none-match': `"x", ${String(gz.headers.etag)}` })).status,
    ).toBe(304);
    expect((await get('/', { 'accept-encoding': 'gzip', 'if-none-match': etag })).status).toBe(200);
    // A route of the screens is index.html too, with the same rules.
    expect((await get('/kiosk', { 'accept-encoding': 'br' })).headers).toMatchObject({
      'content-encoding': 'br',
      'cache-control': 'no-cache',
    });
  });

  it('reach Chromium in brotli, and the kiosk works from them', async () => {
    const page = await e2e.pageAs(null);
    const encodings = new Map<string, string>();
    page.on('response', async (r) => {
      if (new URL(r.url()).pathname.endsWith('.js'))
        encodings.set(new URL(r.url()).pathname, (await r.allHeaders())['content-encoding'] ?? 'none');
    });
    await page.goto(`${e2e.server.url}/#/kiosk`);
    await expect.poll(() => page.locator('h1').count()).toBeGreaterThan(0);
    expect(encodings.size).toBeGreaterThan(0);
    // Each script in brotli, but for the few too small to gain from it, which have no copy.
    const expected = [...encodings.keys()].map((path) => [
      path,
      existsSync(join(RENDERER, `${path}.br`)) ? 'br' : 'none',
    ]);
    expect([...encodings]).toEqual(expected);
    expect(expected.filter(([, encoding]) => encoding === 'br').length).toBeGreaterThan(expected.length / 2);
    // The kiosk fetches no staff screen and none of their texts: they come with the staff shell.
    expect([...encodings.keys()].filter((path) => /StaffShell|staff-resources|SetupWizard/.test(path))).toEqual([]);
    await page.context().close();
  });
});
