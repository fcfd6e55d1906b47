import { entryInput, type EntryData } from '#shared/logbook/schemas';
import {
  AGE_BANDS,
  CHANNELS,
  COMMON_PROCEDURES,
  ETHNICITIES,
  GENDERS,
  OBSTACLES,
  OUTCOMES,
} from '#shared/logbook/vocabulary';
import { HELP_KIND_KEYS } from '#shared/team/schemas';
import { addDays, vnWeekday } from '#shared/time/vietnam';
import type { Db } from '../db/open';
import { searchColumns } from './entries';
import { splitEntry, stampConsent } from './records';
import { seededRandom } from '#shared/random/seeded';

export interface GenerateOptions {
  seed: number;
  /** Last day generated (inclusive), 'YYYY-MM-DD'. */
  endDay: string;
  days: number;
  /** Average entries per working day (Monday–Friday); weekends get a few village visits. */
  perDay: number;
  memberIds: number[];
  villages?: string[];
}

const VILLAGES = [
  'Thôn 1',
  'Thôn 2',
  'Thôn 3',
  'Thôn 4',
  'Thôn Plei Ring',
  'Làng Bông',
  'Làng Kon Jri',
  'Làng Ia Bâng',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Rơ Mah', 'Siu', 'Ksor', 'Kpă', 'Đinh', 'Rơ Châm', 'Phạm'];
const GIVEN = [
  'Văn An',
  'Thị Hoa',
  "H'Blin",
  'Thị Lan',
  'Văn Hùng',
  'Y Thuận',
  'Thị Mai',
  'Văn Đức',
  "H'Nhung",
  'Thị Ngọc',
];

/**
 * Deterministic logbook entries, each valid against the gate's schema: a realistic mix of
 * help, outcomes and people (a fifth leave contact details with consent). Used by the demo,
 * the benchmark and the province's big test database.
 */
export function* generateEntries(o: GenerateOptions): Generator<EntryData> {
  const rnd = seededRandom(o.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const villages = o.villages ?? VILLAGES;
  for (let d = o.days - 1; d >= 0; d--) {
    const day = addDays(o.endDay, -d);
    const weekday = vnWeekday(day);
    const mean = weekday === 0 || weekday === 6 ? o.perDay / 8 : o.perDay;
    const count = Math.max(0, Math.round(mean * (0.6 + rnd() * 0.8)));
    const times = Array.from({ length: count }, () => 450 + Math.floor(rnd() * 570)).sort((a, b) => a - b);
    for (const minuteOfDay of times) {
      const helpKinds = [...new Set([pick(HELP_KIND_KEYS), ...(rnd() < 0.25 ? [pick(HELP_KIND_KEYS)] : [])])];
      const outcome = pick(OUTCOMES);
      const filed = outcome === 'filed_online' || outcome === 'filed_with_help';
      const contact = rnd() < 0.2;
      const ethnicity = contact && rnd() < 0.5;
      const disability = rnd() < 0.05;
      const channel = rnd() < 0.8 ? 'support_point' : pick(CHANNELS);
      const raw = {
        day,
        time: `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`,
        channel,
        place: channel === 'support_point' ? null : pick(villages),
        desk: channel === 'support_point' ? 1 + Math.floor(rnd() * 3) : null,
        memberIds: [...new Set([pick(o.memberIds), ...(rnd() < 0.15 ? [pick(o.memberIds)] : [])])],
        helpKinds,
        procedure: helpKinds.includes('dvc') ? pick(COMMON_PROCEDURES) : null,
        applicationCode: filed && rnd() < 0.7 ? `G22.${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}` : null,
        outcome,
        obstacles: rnd() < 0.3 ? [pick(OBSTACLES)] : [],
        minutes: 5 + Math.floor(rnd() * 40),
        language: rnd() < 0.15 ? pick(['jrai', 'bahnar'] as const) : 'vi',
        birthYear: rnd() < 0.4 ? 1940 + Math.floor(rnd() * 65) : null,
        ageBand: pick(AGE_BANDS),
        gender: pick(GENDERS),
        village: pick(villages),
        priorityGroups: [...(rnd() < 0.25 ? ['elderly' as const] : []), ...(disability ? ['disability' as const] : [])],
        fullName: contact ? `${pick(FAMILY)} ${pick(GIVEN)}` : null,
        phone: contact ? `09${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : null,
        ethnicity: ethnicity ? pick(ETHNICITIES) : null,
        consent: { contact, ethnicity, disability },
      };
      yield entryInput.parse(raw);
    }
  }
}

/**
 * Entries straight into the tables, in the caller's transaction and multi-row statements:
 * 150,000 entries take seconds, not the minutes the gate would need one by one. At most 400 a
 * call (SQLite allows 32,766 bound values; 18 columns × 400 rows stays well under).
 */
export async function insertEntryRows(trx: Db, batch: readonly EntryData[], recordedBy: number | null): Promise<void> {
  if (!batch.length) return;
  const at = new Date().toISOString();
  const ids = await trx
    .insertInto('logbook_entry')
    .values(
      batch.map((e) => ({
        ticket_id: e.ticketId,
        current_version: 1,
        ...searchColumns(e, splitEntry(e).person),
        created_at: at,
        created_by: recordedBy,
        erased_at: null,
        erased_by: null,
        erased_reason: null,
      })),
    )
    .returning('id')
    .execute();
  await trx
    .insertInto('logbook_version')
    .values(
      batch.map((e, i) => {
        const { facts, person } = splitEntry(e);
        return {
          entry_id: ids[i]!.id,
          version: 1,
          facts: JSON.stringify(facts),
          person: person ? JSON.stringify(person) : null,
          consent: JSON.stringify(stampConsent(e.consent, null, at, recordedBy)),
          recorded_at: at,
          recorded_by: recordedBy,
          reason: null,
          late: 0,
        };
      }),
    )
    .execute();
}

/** Generated entries (the bench's five years, the demo's days) inserted in one transaction. */
export async function insertGeneratedEntries(
  db: Db,
  o: GenerateOptions & { recordedBy?: number | null },
): Promise<number> {
  let n = 0;
  await db.transaction().execute(async (trx) => {
    let batch: EntryData[] = [];
    for (const e of generateEntries(o)) {
      batch.push(e);
      if (batch.length === 400) {
        await insertEntryRows(trx, batch, o.recordedBy ?? null);
        n += batch.length;
        batch = [];
      }
    }
    await insertEntryRows(trx, batch, o.recordedBy ?? null);
    n += batch.length;
  });
  return n;
}
