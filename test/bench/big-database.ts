import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import { DATABASE_FILE, openApp } from '#core/app';
import { MIGRATIONS } from '#core/db/migrations';
import type { Db } from '#core/db/open';
import { hashPin } from '#core/settings/pin';
import { TEST_SETUP } from '#core/testing';
import { COMMON_PROCEDURES, OUTCOMES, PRIORITY_GROUPS } from '#shared/logbook/vocabulary';
import { insertEntryRows } from '#core/logbook/generate';
import { visitEntry, type TicketRow } from '#core/logbook/tickets';
import { HELP_KINDS } from '#shared/team/schemas';
import { addDays, vnDayStart, vnWeekday } from '#shared/time/vietnam';
import { seededRandom } from '#shared/random/seeded';
import { DEMO_PINS } from '#core/demo-pins';

/**
 * Five years of one busy point, the same on every machine: 180,000+ queue tickets (written per
 * the queue's schema), each finished one with the logbook entry its finish makes, and entries
 * made by hand from the logbook's own seeded generator: 170,000+ entries in all.
 * Built once and cached under .tmp/ by a key of the schema and these parameters.
 */
export const BIG = {
  seed: 20260101,
  endDay: '2026-10-30',
  days: 5 * 365,
  /** Entries made by hand (village visits, phone help); every finished ticket makes one more. */
  logbookPerWorkingDay: 12,
  ticketsPerWorkingDay: 140,
  /** The admin's PIN goes through setup, which refuses the demo PINs. */
  adminPin: TEST_SETUP.adminPin,
  memberPin: DEMO_PINS.member,
  members: 17,
} as const;
/** Bump when the generator's output changes, so stale caches are rebuilt. */
const GENERATOR_VERSION = 2;

export interface BigDatabase {
  dataDir: string;
  file: string;
  cached: boolean;
  buildSeconds: number;
  entries: number;
  tickets: number;
}

function cacheKey(): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: GENERATOR_VERSION, BIG, migrations: MIGRATIONS.map((m) => m.name) }))
    .digest('hex')
    .slice(0, 16);
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  return (
    ((
      await sql<{ n: number }>`select count(*) as n from sqlite_schema where type = 'table' and name = ${name}`.execute(
        db,
      )
    ).rows[0]?.n ?? 0) > 0
  );
}

async function insertMembers(db: Db): Promise<number[]> {
  const pin = await hashPin(BIG.memberPin);
  const at = `${addDays(BIG.endDay, -BIG.days)}T01:00:00.000Z`;
  const ids: number[] = [];
  for (let i = 0; i < BIG.members; i++) {
    const row = await db
      .insertInto('member')
      .values({
        full_name: `Thành viên ${i + 1}`,
        access_role: i === 0 ? 'team_leader' : 'duty_member',
        position: i === 0 ? 'leader' : 'member',
        origin: null,
        sub_group: null,
        village: null,
        skills: '["dvc","vneid"]',
        languages: '["vi"]',
        phone: null,
        pin_hash: pin,
        active: 1,
        locked_until: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/**
 * Tickets, numbered per day and kind of help as the queue numbers them. A finished ticket has its
 * logbook entry, as the desk's finish writes it (the database refuses one without): each batch is
 * inserted being served, their entries written, then marked finished.
 */
async function insertTickets(db: Db, memberIds: number[]): Promise<number> {
  if (!(await tableExists(db, 'queue_ticket'))) return 0;
  const rnd = seededRandom(BIG.seed + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  let n = 0;
  await db.transaction().execute(async (trx) => {
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const ids = (await trx
        .insertInto('queue_ticket' as any)
        .values(batch.map((t) => ({ ...t, status: t.outcome ? 'serving' : t.status })))
        .returning('id')
        .execute()) as { id: number }[];
      const finished = batch.flatMap((t, i) => (t.outcome ? [{ ...t, id: ids[i]!.id } as unknown as TicketRow] : []));
      await insertEntryRows(
        trx,
        finished.map((t) => visitEntry(t, null, t.member_id).entry),
        null,
      );
      if (finished.length)
        await trx
          .updateTable('queue_ticket' as any)
          .set({ status: 'finished' })
          .where(
            'id',
            'in',
            finished.map((t) => t.id),
          )
          .execute();
      n += batch.length;
      batch = [];
    };
    for (let d = BIG.days - 1; d >= 0; d--) {
      const day = addDays(BIG.endDay, -d);
      const weekday = vnWeekday(day);
      const mean = weekday === 0 || weekday === 6 ? BIG.ticketsPerWorkingDay / 10 : BIG.ticketsPerWorkingDay;
      const count = Math.round(mean * (0.7 + rnd() * 0.6));
      const seqs = new Map<string, number>();
      const start = vnDayStart(day).getTime() + 7.5 * 3_600_000;
      for (let i = 0; i < count; i++) {
        const kind = pick(HELP_KINDS);
        const seq = (seqs.get(kind.prefix) ?? 0) + 1;
        seqs.set(kind.prefix, seq);
        const issued = start + Math.floor((i / count) * 9.5 * 3_600_000);
        const called = issued + Math.floor(rnd() * 40) * 60_000;
        const finished = called + (5 + Math.floor(rnd() * 30)) * 60_000;
        const noShow = rnd() < 0.04;
        const priority = rnd() < 0.2 ? [pick(PRIORITY_GROUPS)] : [];
        const iso = (t: number) => new Date(t).toISOString();
        batch.push({
          day,
          prefix: kind.prefix,
          seq,
          number: `${kind.prefix}${String(seq).padStart(3, '0')}`,
          help_kind: kind.key,
          procedure: kind.key === 'dvc' ? pick(COMMON_PROCEDURES) : null,
          priority_groups: JSON.stringify(priority),
          priority: priority.length ? 1 : 0,
          language: rnd() < 0.15 ? 'jrai' : 'vi',
          consent: 0,
          citizen_name: null,
          citizen_phone: null,
          status: noShow ? 'no_show' : 'finished',
          desk: 1 + Math.floor(rnd() * 3),
          target_desk: null,
          member_id: pick(memberIds),
          walk_in: rnd() < 0.1 ? 1 : 0,
          issued_at: iso(issued),
          queued_at: iso(issued),
          called_at: iso(called),
          served_at: noShow ? null : iso(called + 60_000),
          finished_at: noShow ? null : iso(finished),
          outcome: noShow ? null : pick(OUTCOMES),
          recall_count: noShow ? 2 : 0,
          transfer_count: 0,
          updated_at: iso(finished),
        });
        if (batch.length === 400) await flush();
      }
    }
    await flush();
  });
  return n;
}

async function build(dataDir: string): Promise<{ entries: number; tickets: number }> {
  const app = await openApp({ dataDir, log: () => undefined });
  try {
    await app.invoke('setup.complete', { ...TEST_SETUP, adminPin: BIG.adminPin });
    const memberIds = await insertMembers(app.db);
    let entries = 0;
    if (await tableExists(app.db, 'logbook_entry')) {
      const { insertGeneratedEntries } = await import('#core/logbook/generate');
      entries = await insertGeneratedEntries(app.db, {
        seed: BIG.seed,
        endDay: BIG.endDay,
        days: BIG.days,
        perDay: BIG.logbookPerWorkingDay,
        memberIds,
        recordedBy: memberIds[0]!,
      });
    }
    const tickets = await insertTickets(app.db, memberIds);
    // By hand and from finished tickets, all of them.
    if (entries)
      entries = Number((await sql<{ n: number }>`select count(*) as n from logbook_entry`.execute(app.db)).rows[0]!.n);
    await sql`analyze`.execute(app.db);
    await sql`pragma wal_checkpoint(truncate)`.execute(app.db);
    return { entries, tickets };
  } finally {
    await app.close();
  }
}

/** The cached five-year database (built on first use). Never write to it: copy it first. */
export async function bigDatabase(root = resolve('.tmp/bench-cache')): Promise<BigDatabase> {
  const dir = join(root, `big-${cacheKey()}`);
  const dataDir = join(dir, 'data');
  const ready = join(dir, 'ready.json');
  if (existsSync(ready)) {
    const info = JSON.parse(readFileSync(ready, 'utf8'));
    return { ...info, dataDir, file: join(dataDir, DATABASE_FILE), cached: true };
  }
  // An older schema's cache is 300 MB of nothing: drop it.
  if (existsSync(root))
    for (const old of readdirSync(root))
      if (old.startsWith('big-')) rmSync(join(root, old), { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const started = performance.now();
  const counts = await build(dataDir);
  const info = { ...counts, buildSeconds: Math.round((performance.now() - started) / 100) / 10 };
  writeFileSync(ready, JSON.stringify(info));
  return { ...info, dataDir, file: join(dataDir, DATABASE_FILE), cached: false };
}

/** A private copy to open, change or serve. */
export function copyOfBigDatabase(big: BigDatabase, target: string): string {
  rmSync(target, { recursive: true, force: true });
  cpSync(big.dataDir, target, { recursive: true });
  return target;
}
