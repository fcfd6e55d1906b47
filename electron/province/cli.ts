#!/usr/bin/env node
import { existsSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createSecureContext } from 'node:tls';
import { parseArgs } from 'node:util';
import { periodOf, type PeriodInput } from '#shared/reports/period';
import { addDays, vnDay } from '#shared/time/vietnam';
import { MAX_BATCH_BYTES } from '#shared/uploads/batch';
import { BATCH_FORMAT_V1 } from '#shared/uploads/batch-v1';
import { readBounded } from '#core/security/bounded-read';
import { checkBatchJson, parseBatchJson } from '#core/uploads/verify';
import { ingestMany, isStored, releaseQuarantined, type IngestOutcome } from './ingest';
import {
  addSealKey,
  generateProvinceKeys,
  readProvinceSecret,
  readSealKey,
  receivingKeys,
  type ProvinceKeyFiles,
} from './keys';
import { checkV1 } from './legacy-v1';
import { openPersonal } from './open';
import { formatProvinceReport } from './print';
import { enrolPoint, listUnits, normaliseFingerprint, retirePoint, setUnitCode } from './registry';
import { provinceReport } from './report';
import { flushErased, openProvinceStore, type ProvinceDb } from './store';
import { accountsCommand, serveHub } from './web/cli';

const HELP = `Province tool for the digital support points' batches (Gia Lai, code 52). Format: docs/dhs-batch-2.md.

  keygen [--out DIR] [--passphrase-file F]     make the province's keys: province-secret.json (the receiving
                                               machine), province-seal.pem (personal data; passphrase; keep offline)
                                               and province-public.txt (give to every point)
  keygen --add-seal-key --key SECRET [--out DIR] [--passphrase-file F]
                                               a province on DHS-PROVINCE-KEY/1 gets its personal-data key
  units   --db FILE [--json]                   the 135 units, their codes and enrolled points
  enrol   --db FILE --unit NAME --fingerprint FP --by NAME [--code 12345] [--key SECRET]
                                               enrol a unit's point by the fingerprint its admin read out;
                                               with --key, files from it already kept in quarantine are taken in
  code    --db FILE --unit NAME --code 12345   record a unit's official code (Decision 19/2025/QĐ-TTg)
  retire  --db FILE --unit NAME --reason TEXT  retire a unit's point: its batches are refused from now on
  verify  <files…>                             format, canonical bytes, signature, counts (no key, nothing stored)
  ingest  <files…> --db FILE --key SECRET [--receipts DIR]
                                               check and store; the same batch twice changes nothing
  quarantine --db FILE [--release --key SECRET | --drop FP]
                                               files kept for an unknown key or behind a gap; take in those now
                                               enrolled, or drop those of a key that will not be
  report  --db FILE [--period 2026-11|2026-Q4|2026] [--until YYYY-MM-DD] [--timely-days N] [--json]
  open    --db FILE --unit NAME --ref REF --by NAME --reason TEXT (--seal-key FILE [--passphrase-file F] | --key SECRET)
                                               open one record's sealed personal part (an access request); logged
  serve   --db FILE --key SECRET --port P [--host 127.0.0.1] [--allow-host NAME] [--tls-cert F --tls-key F]
                                               the hub: the web app (sign-in, dashboard, reports, exports, uploads),
                                               its read-only JSON API (/api/…) and the points' POST /batches; with
                                               --tls-cert and --tls-key (PEM) over HTTPS. With no admin yet it prints
                                               a one-time code for making the first one from another machine
  accounts add --db FILE --name NAME --role viewer|province_admin [--password-file F]
                                               a hub account (the first admin can also be made in the browser)
  accounts list --db FILE                      the hub's accounts
  accounts token --db FILE --label SYSTEM      a read-only API token for another provincial system (shown once)

Every --db FILE (a SQLite file, made if missing) may instead be --database postgres://user@host:5432/name
(PostgreSQL: the same tables, made on first use in an existing, empty database).
`;

function periodFrom(text: string | undefined, today: string): PeriodInput {
  if (!text) return periodOf('month', today);
  const kind = /^\d{4}$/.test(text) ? 'year' : /Q/.test(text) ? 'quarter' : /^\d{4}-\d{2}$/.test(text) ? 'month' : null;
  if (!kind) throw new Error(`not a period: ${text} (2026-11, 2026-Q4 or 2026)`);
  return { kind, key: text };
}

/** A batch file's text, or why it was not read (too large: refused before reading, not a crash). */
function readBatch(path: string): { text: string } | { refused: string } {
  const read = readBounded(path, MAX_BATCH_BYTES);
  if (read.ok) return { text: read.bytes.toString('utf8') };
  return {
    refused:
      read.reason === 'too_large'
        ? `too_large: ${read.size} bytes; a batch is at most ${MAX_BATCH_BYTES / 1024 / 1024} MiB`
        : read.reason,
  };
}

/** A batch's point and number from its bytes, for ordering; files that are not batches sort last. */
function orderKey(text: string, path: string): string {
  const parsed = parseBatchJson(text);
  if (parsed.ok) {
    const j = parsed.json as {
      batch?: { point?: { id?: unknown }; seq?: unknown };
      manifest?: { pointId?: unknown; seq?: unknown };
    } | null;
    const id = j?.batch?.point?.id ?? j?.manifest?.pointId;
    const seq = j?.batch?.seq ?? j?.manifest?.seq;
    if (typeof id === 'string' && typeof seq === 'number') return `${id}:${String(seq).padStart(9, '0')}`;
  }
  return `~${path}`;
}

/** Sort by point then sequence, so `ingest *.json` works whatever order the shell lists them in. */
function ordered(files: string[]): { path: string; text: string; key: string }[] {
  return files
    .map((path) => {
      const read = readBatch(path);
      if ('refused' in read) {
        console.log(`REFUSED   ${basename(path)}  ${read.refused}`);
        return null;
      }
      return { path, text: read.text, key: orderKey(read.text, path) };
    })
    .filter((f): f is { path: string; text: string; key: string } => f !== null)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * `--tls-cert` and `--tls-key` go together: both PEM files readable and a matching pair, or the
 * hub does not start (never quietly over plain HTTP when HTTPS was asked for).
 */
function readTls(certFile: string | undefined, keyFile: string | undefined) {
  if (!certFile && !keyFile) return undefined;
  if (!certFile || !keyFile)
    throw new Error('--tls-cert FILE and --tls-key FILE go together: give both (PEM), or neither for plain HTTP');
  const cert = readSmall(certFile, 'TLS certificate (PEM)');
  const key = readSmall(keyFile, 'TLS private key (PEM)');
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new Error(
      `${certFile} and ${keyFile} are not a PEM certificate and its private key (${(error as Error).message})`,
    );
  }
  return { cert, key };
}

/** A key or passphrase file: a few kilobytes at most, checked before it is read. */
function readSmall(path: string, what: string): string {
  const read = readBounded(path, 64 * 1024);
  if (!read.ok) throw new Error(`${path}: ${read.reason}; not a ${what}`);
  return read.bytes.toString('utf8');
}

/** The passphrase from a file's first line, or typed at the terminal without echo. */
async function passphrase(file: string | undefined, prompt: string): Promise<string> {
  if (file) return readSmall(file, 'passphrase file').split(/\r?\n/)[0]!;
  if (!process.stdin.isTTY) throw new Error('no terminal to type the passphrase: give --passphrase-file FILE');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const output = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(prompt);
  output._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

function writeKeys(dir: string, keys: ProvinceKeyFiles): void {
  writeFileSync(join(dir, 'province-secret.json'), JSON.stringify(keys.secret, null, 2), { mode: 0o600 });
  if (keys.sealPem) writeFileSync(join(dir, 'province-seal.pem'), keys.sealPem, { mode: 0o600 });
  writeFileSync(join(dir, 'province-public.txt'), keys.publicText);
}

/** `GL52_…_000001.batch.json` → `GL52_…_000001.receipt.json`; any other name gets `.receipt.json` added. */
function receiptName(label: string): string {
  const file = label.replace(/ \(.*\)$/, '');
  return /\.batch\.json$/.test(file) ? file.replace(/\.batch\.json$/, '.receipt.json') : `${file}.receipt.json`;
}

function printOutcomes(outcomes: IngestOutcome[], receipts: string | undefined): number {
  let bad = 0;
  for (const o of outcomes) {
    const name = basename(o.label);
    if (isStored(o)) {
      console.log(`${o.status === 'accepted' ? 'ACCEPTED ' : 'DUPLICATE'} ${name}  seq ${o.seq}`);
      if (receipts) writeFileSync(join(receipts, receiptName(name)), JSON.stringify(o.receipt, null, 1));
    } else {
      if (o.status === 'refused') bad++;
      console.log(`${o.status.toUpperCase().padEnd(9)} ${name}  ${o.reason}`);
    }
  }
  return bad;
}

async function withStore<T>(file: string | undefined, work: (db: ProvinceDb) => Promise<T>): Promise<T> {
  if (!file) throw new Error('give the province store: --db FILE, or --database postgres://user@host:5432/name');
  const db = await openProvinceStore(file);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const need = (value: string | undefined, flag: string): string => {
  if (!value) throw new Error(`missing ${flag}`);
  return value;
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      database: { type: 'string' },
      key: { type: 'string' },
      out: { type: 'string' },
      receipts: { type: 'string' },
      period: { type: 'string' },
      until: { type: 'string' },
      'timely-days': { type: 'string' },
      json: { type: 'boolean' },
      port: { type: 'string' },
      host: { type: 'string' },
      now: { type: 'string' },
      'passphrase-file': { type: 'string' },
      'add-seal-key': { type: 'boolean' },
      unit: { type: 'string' },
      fingerprint: { type: 'string' },
      by: { type: 'string' },
      code: { type: 'string' },
      reason: { type: 'string' },
      release: { type: 'boolean' },
      drop: { type: 'string' },
      ref: { type: 'string' },
      'seal-key': { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      label: { type: 'string' },
      'password-file': { type: 'string' },
      static: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'allow-host': { type: 'string', multiple: true },
    },
  });
  const now = () => (values.now ? new Date(values.now) : new Date());
  switch (command) {
    case 'keygen': {
      const dir = values.out ?? '.';
      if (values['add-seal-key']) {
        const secret = readProvinceSecret(need(values.key, '--key province-secret.json'));
        const keys = addSealKey(
          secret,
          await passphrase(values['passphrase-file'], 'Passphrase for the personal-data key: '),
        );
        if (existsSync(join(dir, 'province-seal.pem')))
          throw new Error(`${join(dir, 'province-seal.pem')} already exists`);
        writeKeys(dir, keys);
        console.log(
          `Wrote province-seal.pem (keep it offline with its passphrase), an updated province-secret.json and province-public.txt (DHS-PROVINCE-KEY/2) in ${dir}.\nFingerprint: ${keys.fingerprint}`,
        );
        return 0;
      }
      if (existsSync(join(dir, 'province-secret.json'))) {
        console.error(`${join(dir, 'province-secret.json')} already exists; refusing to overwrite the province key.`);
        return 1;
      }
      const keys = generateProvinceKeys(
        await passphrase(values['passphrase-file'], 'Passphrase for the personal-data key: '),
      );
      writeKeys(dir, keys);
      console.log(
        `Wrote province-secret.json (the receiving machine), province-seal.pem (personal data: keep it offline with its passphrase) and province-public.txt (give it to every point) in ${dir}.\nFingerprint: ${keys.fingerprint}`,
      );
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
        const text = read.text;
        const parsed = parseBatchJson(text);
        const json = parsed.ok ? (parsed.json as { manifest?: { format?: unknown } } | null) : null;
        const v1 = json?.manifest?.format === BATCH_FORMAT_V1;
        const checked = !parsed.ok ? parsed : v1 ? checkV1(json) : checkBatchJson(text, json);
        if (!checked.ok) {
          bad++;
          console.log(`REFUSED ${basename(path)}  ${checked.reason}`);
        } else if ('batch' in checked) {
          const b = checked.batch;
          const closes = b.days
            .filter((d) => d.closed)
            .map((d) => `${d.day}${d.closed!.by === 'automatic' ? '*' : ''}`);
          console.log(
            `OK      ${basename(path)}  ${b.format} ${b.point.communeName} key ${b.point.fingerprint} point ${b.point.id.slice(0, 8)} seq ${b.seq} records ${b.counts.records} closes [${closes.join(', ')}]`,
          );
        } else {
          const m = checked.file.manifest;
          console.log(
            `OK      ${basename(path)}  ${BATCH_FORMAT_V1} ${m.communeName} key ${m.pointKeyFingerprint} point ${m.pointId.slice(0, 8)} seq ${m.seq} records ${m.counts.records} closes [${m.closesDays.join(', ')}]`,
          );
        }
      }
      return bad ? 2 : 0;
    }
    case 'ingest': {
      const secret = readProvinceSecret(need(values.key, '--key province-secret.json'));
      return withStore(values.db ?? values.database, async (db) => {
        const files = ordered(positionals);
        let bad = positionals.length - files.length;
        // A few hundred files per commit: quick on an ordinary disk, and a crash loses only the open chunk.
        for (let i = 0; i < files.length; i += 250) {
          const chunk = files.slice(i, i + 250);
          bad += printOutcomes(
            await ingestMany(
              db,
              chunk.map((f) => ({ text: f.text, label: f.path })),
              secret,
              now(),
            ),
            values.receipts,
          );
        }
        return bad ? 2 : 0;
      });
    }
    case 'units':
      return withStore(values.db ?? values.database, async (db) => {
        const units = await listUnits(db);
        if (values.json) console.log(JSON.stringify(units, null, 1));
        else
          for (const u of units)
            console.log(
              [
                u.code ?? '-----',
                u.name,
                u.pilot ? 'pilot' : '',
                u.enrolled_fingerprint ?? 'no point enrolled',
                u.point_uuid ? `last batch ${u.last_seq}` : '',
              ].join(' | '),
            );
        return 0;
      });
    case 'enrol':
      return withStore(values.db ?? values.database, async (db) => {
        const { unit, fingerprint } = await enrolPoint(db, {
          unit: need(values.unit, '--unit'),
          fingerprint: need(values.fingerprint, '--fingerprint'),
          code: values.code,
          by: need(values.by, '--by'),
          at: now(),
        });
        console.log(`Enrolled the point of ${unit.name}${unit.code ? ` (${unit.code})` : ''} with key ${fingerprint}.`);
        if (!values.key) return 0;
        return printOutcomes(
          await releaseQuarantined(db, fingerprint, readProvinceSecret(values.key), now()),
          values.receipts,
        )
          ? 2
          : 0;
      });
    case 'code':
      return withStore(values.db ?? values.database, async (db) => {
        const unit = await setUnitCode(db, need(values.unit, '--unit'), need(values.code, '--code'));
        console.log(`${unit.name}: code ${unit.code}`);
        return 0;
      });
    case 'retire':
      return withStore(values.db ?? values.database, async (db) => {
        const fp = await retirePoint(db, need(values.unit, '--unit'), need(values.reason, '--reason'), now());
        console.log(`Retired the point with key ${fp}; enrol the new one by its fingerprint.`);
        return 0;
      });
    case 'quarantine':
      return withStore(values.db ?? values.database, async (db) => {
        if (values.release) {
          const secret = readProvinceSecret(need(values.key, '--key province-secret.json'));
          const enrolled = await db
            .selectFrom('quarantine')
            .innerJoin('point', 'point.enrolled_fingerprint', 'quarantine.fingerprint')
            .select('quarantine.fingerprint')
            .distinct()
            .where('quarantine.reason', '=', 'unknown_key')
            .where('point.status', '=', 'active')
            .execute();
          let bad = 0;
          for (const row of enrolled)
            bad += printOutcomes(await releaseQuarantined(db, row.fingerprint!, secret, now()), values.receipts);
          return bad ? 2 : 0;
        }
        if (values.drop) {
          // Files from a key nobody will enrol (a stranger, a retired installation): their sealed parts go too.
          const dropped = await db
            .deleteFrom('quarantine')
            .where('reason', '=', 'unknown_key')
            .where('fingerprint', '=', normaliseFingerprint(values.drop))
            .executeTakeFirst();
          await flushErased(db);
          console.log(
            `Dropped ${Number(dropped.numDeletedRows)} file(s) from key ${normaliseFingerprint(values.drop)}.`,
          );
          return 0;
        }
        const rows = await db
          .selectFrom('quarantine')
          .select(['at', 'reason', 'fingerprint', 'commune_name', 'seq', 'label'])
          .orderBy('fingerprint')
          .orderBy('seq')
          .execute();
        for (const r of rows)
          console.log([r.reason, r.fingerprint, r.commune_name, `seq ${r.seq}`, r.at, r.label].join(' | '));
        if (!rows.length) console.log('Nothing in quarantine.');
        return 0;
      });
    case 'report':
      return withStore(values.db ?? values.database, async (db) => {
        const today = vnDay(now());
        const report = await provinceReport(
          db,
          periodFrom(values.period, today),
          values.until ?? addDays(today, -1),
          Number(values['timely-days'] ?? 2),
        );
        console.log(values.json ? JSON.stringify(report, null, 1) : formatProvinceReport(report));
        return 0;
      });
    case 'open':
      return withStore(values.db ?? values.database, async (db) => {
        const keys = values['seal-key']
          ? [
              readSealKey(
                readSmall(values['seal-key'], 'key file'),
                await passphrase(values['passphrase-file'], 'Passphrase of the personal-data key: '),
              ),
            ]
          : [receivingKeys(readProvinceSecret(need(values.key, '--seal-key FILE or --key SECRET'))).encryptPrivate];
        const opened = await openPersonal(
          db,
          { unit: need(values.unit, '--unit'), ref: need(values.ref, '--ref') },
          keys,
          { by: need(values.by, '--by'), reason: need(values.reason, '--reason'), at: now() },
        );
        console.log(JSON.stringify(opened, null, 1));
        return 0;
      });
    case 'serve': {
      const secret = readProvinceSecret(need(values.key, '--key province-secret.json'));
      await serveHub({
        db: need(values.db ?? values.database, '--db FILE or --database postgres://…'),
        secret,
        port: Number(need(values.port, '--port')),
        host: values.host ?? '127.0.0.1',
        allowedHosts: values['allow-host'] ?? [],
        now,
        staticDir: values.static,
        tls: readTls(values['tls-cert'], values['tls-key']),
      });
      return -1;
    }
    case 'accounts':
      return accountsCommand(
        positionals[0],
        { ...values, db: values.db ?? values.database },
        () => passphrase(values['password-file'], 'Password (at least 12 characters): '),
        now(),
      );
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
