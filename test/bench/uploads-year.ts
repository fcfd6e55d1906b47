import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, privateKeyFromSeed, rawPublicKey } from '#core/crypto/signing';
import { packageBatch } from '#core/uploads/package';
import { GIA_LAI_UNITS } from '#shared/settings/communes';
import { seededRandom as seeded } from '#shared/random/seeded';
import { workingDaysBetween } from '#shared/reports/calendar';
import { RECORD_ENTITIES, ZERO_HASH } from '#shared/uploads/batch';

/** The bench's year of batches at the province (`uploads.ts`), made by two child processes. */
const YEAR = '2026';
const SUPPORTS_PER_DAY = 8;
type Recipients = { categoriesKey: string; personalKey: string };

/** What to make: a year of 2026 with sealed personal parts (the default), or a rehearsal's month. */
export interface YearOptions {
  from?: string;
  to?: string;
  /** False: records carry no personal part (quicker to make: no HPKE seal per record). */
  sealPersonal?: boolean;
  /** Points named `Rehearsal unit N` instead of Gia Lai's units (the nationwide rehearsal). */
  rehearsal?: boolean;
}

/** The rehearsal's made-up units, for the bench's throw-away store only. */
export const rehearsalUnit = (i: number) => `Rehearsal unit ${String(i + 1).padStart(4, '0')}`;

/** A point's Ed25519 key made from a seed: same key every run. Point i is the unit i of the 135. */
export function seededPoint(i: number, rehearsal = false) {
  const seed = createHash('sha256').update(`bench-point-${i}`).digest();
  const privateKey = privateKeyFromSeed('Ed25519', seed);
  const signPublic = rawPublicKey(privateKey);
  const h = seed.toString('hex');
  return {
    id: `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`,
    communeName: rehearsal ? rehearsalUnit(i) : GIA_LAI_UNITS[i % GIA_LAI_UNITS.length]!.name,
    communeCode: null,
    signPublic,
    fingerprint: fingerprint(signPublic),
    signPrivatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

/** One point's year of closing batches, one per working day, generated deterministically (but for HPKE's one-time keys). */
function pointYear(i: number, recipients: Recipients, options: YearOptions): string[] {
  const point = seededPoint(i, options.rehearsal);
  const random = seeded(1000 + i);
  const kinds = ['dvc', 'vneid', 'payment', 'smartphone'];
  const outcomes = ['filed_online', 'filed_with_help', 'guided_only', 'referred', 'not_completed'];
  const texts: string[] = [];
  let prev = ZERO_HASH;
  let seq = 0;
  let ref = 0;
  for (const day of workingDaysBetween(options.from ?? `${YEAR}-01-01`, options.to ?? `${YEAR}-12-31`, false, [])) {
    seq++;
    const items = Array.from({ length: SUPPORTS_PER_DAY }, () => ({
      entity: 'logbook_entry',
      ref: `logbook_entry:${++ref}`,
      version: 1,
      supersedes: null,
      day,
      late: false,
      state: 'recorded' as const,
      clear: {
        helpKinds: [kinds[Math.floor(random() * kinds.length)]],
        procedure: 'birth',
        outcome: outcomes[Math.floor(random() * outcomes.length)],
        channel: 'support_point',
        obstacles: [],
      },
      personal: options.sealPersonal === false ? null : { fullName: null, phone: null, ageBand: '35_59' },
      categories: { priorityGroups: random() < 0.2 ? ['elderly'] : [] },
    }));
    const totals = Object.fromEntries(RECORD_ENTITIES.map((e) => [e, e === 'logbook_entry' ? SUPPORTS_PER_DAY : 0]));
    const batch = packageBatch({
      point,
      recipients,
      seq,
      prev,
      createdAt: `${day}T10:05:00.000Z`,
      kind: 'closing',
      items,
      keyChange: null,
      days: [{ day, closed: { at: `${day}T10:00:00.000Z`, by: 'official' }, totals }],
    });
    prev = batch.hash;
    texts.push(batch.text);
  }
  return texts;
}

/** A generator that writes no point for this long is taken for hung, stopped and started again on what is left. */
const STALL_MS = 90_000;

/** One child making the given points' years as files in `dir`; restarted on what is left if it stalls. */
async function makePoints(dir: string, points: number[], recipients: Recipients, options: YearOptions): Promise<void> {
  const self = fileURLToPath(import.meta.url);
  for (let attempt = 1; ; attempt++) {
    const left = points.filter((i) => !existsSync(join(dir, `${i}.lines`)));
    if (!left.length) return;
    if (attempt > 5) throw new Error(`batch generator stalled ${attempt - 1} times`);
    await new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', self, dir, left.join(','), JSON.stringify(recipients), JSON.stringify(options)],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      let done = left.filter((i) => existsSync(join(dir, `${i}.lines`))).length;
      let lastProgress = Date.now();
      const watch = setInterval(() => {
        const now = left.filter((i) => existsSync(join(dir, `${i}.lines`))).length;
        if (now > done) [done, lastProgress] = [now, Date.now()];
        else if (Date.now() - lastProgress > STALL_MS) child.kill('SIGKILL');
      }, 5_000);
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        clearInterval(watch);
        if (code === 0 || signal === 'SIGKILL') resolve();
        else reject(new Error(`batch generator exited with ${code}`));
      });
    });
  }
}

/**
 * Every point's year, made by two child processes (the machines have two cores), each writing a
 * point's batches as lines of a file, read back here: one file per point, one batch per line
 * (a batch file is canonical JSON, so it has no line break).
 */
export async function generateYears(
  points: number,
  recipients: Recipients,
  options: YearOptions = {},
): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'dhs-bench-years-'));
  try {
    const all = Array.from({ length: points }, (_, i) => i);
    await Promise.all(
      [0, 1].map((part) =>
        makePoints(
          dir,
          all.filter((i) => i % 2 === part),
          recipients,
          options,
        ),
      ),
    );
    return all.map((i) =>
      readFileSync(join(dir, `${i}.lines`), 'utf8')
        .split('\n')
        .filter(Boolean),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir, list, recipients, options] = process.argv.slice(2) as [string, string, string, string];
  for (const i of list.split(',').map(Number)) {
    // Written beside, then renamed: a file that exists is complete.
    writeFileSync(join(dir, `${i}.part`), pointYear(i, JSON.parse(recipients), JSON.parse(options)).join('\n'));
    renameSync(join(dir, `${i}.part`), join(dir, `${i}.lines`));
  }
}
