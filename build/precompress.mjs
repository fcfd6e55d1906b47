// Brotli and gzip copies of the built screens (`x.js.br`, `x.js.gz` beside `x.js`), made once at
// build time at the strongest settings, so server mode sends a LAN device a third of the bytes
// without compressing anything per request. Electron reads the same files from disk and does not
// need them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Already compressed by their format: a second pass only costs time. */
const SKIP = new Set([
  '.woff2',
  '.woff',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.mp3',
  '.ogg',
  '.mp4',
  '.webm',
  '.br',
  '.gz',
]);
/** A copy is kept only when it saves at least this share of the bytes. */
const MIN_SAVING = 0.1;

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Writes the copies worth having; returns how many bytes the originals and the copies hold. */
export async function precompress(dir) {
  const totals = { files: 0, raw: 0, br: 0, gzip: 0 };
  await Promise.all(
    filesUnder(dir)
      .filter((f) => !SKIP.has(extname(f)))
      .map(async (file) => {
        const raw = readFileSync(file);
        const [br, gzipped] = await Promise.all([
          brotli(raw, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
            },
          }),
          gz(raw, { level: constants.Z_BEST_COMPRESSION }),
        ]);
        if (br.length > raw.length * (1 - MIN_SAVING)) return;
        writeFileSync(`${file}.br`, br);
        if (gzipped.length <= raw.length * (1 - MIN_SAVING)) writeFileSync(`${file}.gz`, gzipped);
        totals.files++;
        totals.raw += raw.length;
        totals.br += br.length;
        totals.gzip += gzipped.length;
      }),
  );
  return totals;
}
