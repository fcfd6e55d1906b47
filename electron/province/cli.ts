#!/usr/bin/env node
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { periodOf, PERIOD_KINDS, type PeriodInput } from '../../shared/reports/period';
import { addDays, vnDay } from '../../shared/time/vietnam';
import { MAX_BATCH_BYTES } from '../../shared/uploads/batch';
import { readBounded } from '../core/security/bounded-read';
import { checkBatchText } from '../core/uploads/verify';
import { generateProvinceKeys, readProvinceSecret } from './keys';
import { ingestMany } from './ingest';
import { formatProvinceReport } from './print';
import { provinceReport } from './report';
import { serveProvince } from './serve';
import { openProvinceStore } from './store';

const HELP = `Province tool for the digital support points' batches (Gia Lai, code 52).

  keygen [--out DIR]                      make the province key pair:
                                          province-secret.json (keep safe) and province-public.txt (give to every point)
  verify <files…>                         check format, part hashes and signatures (no key, nothing stored)
  ingest <files…> --db FILE --key SECRET  check and store batches; same batch twice changes nothing
         [--receipts DIR]                 write a signed receipt per accepted batch for the point to import
  report --db FILE [--period 2026-11|2026-Q4|2026] [--until YYYY-MM-DD] [--timely-days N] [--json]
  serve  --db FILE --key SECRET --port P [--host 127.0.0.1]   receive batches over HTTP (POST /batches)
`;

function periodFrom(text: string | undefined, today: string): PeriodInput {
  if (!text) return periodOf('month', today);
  const kind = /^\d{4}$/.test(text) ? 'year' : /Q/.test(text) ? 'quarter' : 'month';
  if (!PERIOD_KINDS.includes(kind)) throw new Error('bad period');
  return { kind, key: text };
}

/** A batch file's text, or why it was not read (too large: refused before reading, not a crash). */
function readBatch(path: string): { text: string } | { refused: string } {
  const read = readBounded(path, MAX_BATCH_BYTES);
  if (read.ok) return { text: read.bytes.toString('utf8') };
  return { refused: read.reason === 'too_large' ? `too_large: ${read.size} bytes; a batch is at most ${MAX_BATCH_BYTES / 1024 / 1024} MiB` : read.reason };
}

/** Sort by point then sequence, so `ingest *.json` works whatever order the shell lists them in. */
function ordered(files: string[]): { path: string; text: string; key: string }[] {
  return files.map((path) => {
    const read = readBatch(path);
    if ('refused' in read) {
      console.log(`REFUSED   ${basename(path)}  ${read.refused}`);
      return null;
    }
    const text = read.text;
    const checked = checkBatchText(text);
    const key = checked.ok ? `${checked.file.manifest.pointId}:${String(checked.file.manifest.seq).padStart(9, '0')}` : `~${path}`;
    return { path, text, key };
  }).filter((f): f is { path: string; text: string; key: string } => f !== null).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest, allowPositionals: true,
    options: {
      db: { type: 'string' }, key: { type: 'string' }, out: { type: 'string' }, receipts: { type: 'string' },
      period: { type: 'string' }, until: { type: 'string' }, 'timely-days': { type: 'string' }, json: { type: 'boolean' },
      port: { type: 'string' }, host: { type: 'string' }, now: { type: 'string' },
    },
  });
  const now = () => (values.now ? new Date(values.now) : new Date());
  switch (command) {
    case 'keygen': {
      const dir = values.out ?? '.';
      const secretPath = join(dir, 'province-secret.json');
      if (existsSync(secretPath)) {
        console.error(`${secretPath} already exists; refusing to overwrite the province key.`);
        return 1;
      }
      const keys = generateProvinceKeys();
      writeFileSync(secretPath, JSON.stringify(keys.secret, null, 2), { mode: 0o600 });
      writeFileSync(join(dir, 'province-public.txt'), keys.publicText);
      console.log(`Wrote ${secretPath} (keep it secret, back it up offline) and ${join(dir, 'province-public.txt')}.\nFingerprint: ${keys.fingerprint}`);
      return 0;
    }
    case 'verify': {
      let bad = 0;
      for (const path of positionals) {
        const read = readBatch(path);
        if ('refused' in read) {
          bad++;
          console.log(`REFUSED ${basename(path)}  ${read.refused}`);
          continue;
        }
        const checked = checkBatchText(read.text);
        if (checked.ok) {
          const m = checked.file.manifest;
          console.log(`OK      ${basename(path)}  commune ${m.communeCode} point ${m.pointId.slice(0, 8)} seq ${m.seq} records ${m.counts.records} closes [${m.closesDays.join(', ')}]`);
        } else {
          bad++;
          console.log(`REFUSED ${basename(path)}  ${checked.reason}`);
        }
      }
      return bad ? 2 : 0;
    }
    case 'ingest': {
      if (!values.db || !values.key) throw new Error('ingest needs --db FILE and --key province-secret.json');
      const secret = readProvinceSecret(values.key);
      const db = await openProvinceStore(values.db);
      let refused = 0;
      try {
        const files = ordered(positionals);
        refused += positionals.length - files.length;
        // A few hundred files per commit: quick on an ordinary disk, and a crash loses only the open chunk.
        for (let i = 0; i < files.length; i += 250) {
          const chunk = files.slice(i, i + 250);
          const outcomes = await ingestMany(db, chunk.map((f) => ({ text: f.text, label: basename(f.path) })), secret, now());
          outcomes.forEach((outcome, n) => {
            const name = basename(chunk[n]!.path);
            if (outcome.status === 'refused') {
              refused++;
              console.log(`REFUSED   ${name}  ${outcome.reason}`);
              return;
            }
            console.log(`${outcome.status === 'accepted' ? 'ACCEPTED ' : 'DUPLICATE'} ${name}  seq ${outcome.seq}`);
            if (values.receipts) writeFileSync(join(values.receipts, name.replace(/\.batch\.json$/, '.receipt.json')), JSON.stringify(outcome.receipt, null, 1));
          });
        }
      } finally {
        await db.destroy();
      }
      return refused ? 2 : 0;
    }
    case 'report': {
      if (!values.db) throw new Error('report needs --db FILE');
      const db = await openProvinceStore(values.db);
      try {
        const today = vnDay(now());
        const report = await provinceReport(db, periodFrom(values.period, today), values.until ?? addDays(today, -1), Number(values['timely-days'] ?? 2));
        console.log(values.json ? JSON.stringify(report, null, 1) : formatProvinceReport(report));
      } finally {
        await db.destroy();
      }
      return 0;
    }
    case 'serve': {
      if (!values.db || !values.key || !values.port) throw new Error('serve needs --db FILE --key SECRET --port P');
      const db = await openProvinceStore(values.db);
      const server = serveProvince(db, readProvinceSecret(values.key), now);
      const host = values.host ?? '127.0.0.1';
      server.listen(Number(values.port), host, () => {
        const address = server.address();
        console.log(`province listening on http://${host}:${typeof address === 'object' && address ? address.port : values.port}/batches`);
      });
      const stop = () => server.close(() => void db.destroy().then(() => process.exit(0)));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
      return -1;
    }
    default:
      console.log(HELP);
      return command ? 1 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(String((error as Error).message ?? error));
    process.exitCode = 1;
  },
);
