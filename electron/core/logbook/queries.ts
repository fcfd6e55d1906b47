import { sql } from 'kysely';
import type { BookRow, DayBook, ListFilter, ListRow } from '#shared/logbook/schemas';
import { foldVietnamese } from '#shared/text/fold';
import type { Db } from '../db/open';
import { closeOf } from './day-close';
import { memberNames } from './records';
import { parseJsonColumn } from '../json';
import { consentColumn, factsColumn, personColumn } from './columns';

/** The filter as SQL over the entry rows: the day index bounds the scan, the rest narrows it. */
function filtered(db: Db, f: ListFilter) {
  let q = db.selectFrom('logbook_entry as e').where('e.day', '>=', f.from).where('e.day', '<=', f.to);
  if (f.outcome) q = q.where('e.outcome', '=', f.outcome);
  if (f.village) q = q.where('e.village_fold', '=', foldVietnamese(f.village));
  if (f.helpKind) q = q.where(sql<boolean>`exists (select 1 from json_each(e.help_kinds) where value = ${f.helpKind})`);
  if (f.memberId) q = q.where(sql<boolean>`exists (select 1 from json_each(e.member_ids) where value = ${f.memberId})`);
  return q;
}

function withCurrent(db: Db, f: ListFilter) {
  return filtered(db, f)
    .innerJoin('logbook_version as v', (j) =>
      j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.current_version'),
    )
    .select(['e.id', 'e.day', 'e.time', 'e.current_version', 'v.facts', 'v.person', 'v.consent', 'v.late'])
    .orderBy('e.day', 'desc')
    .orderBy('e.time', 'desc')
    .orderBy('e.id', 'desc');
}

type CurrentRow = {
  id: number;
  day: string;
  time: string;
  current_version: number;
  facts: string;
  person: string | null;
  consent: string;
  late: number;
};

function toListRow(r: CurrentRow, names: Map<number, string>): ListRow {
  const facts = parseJsonColumn(factsColumn, r.facts);
  return {
    id: r.id,
    day: r.day,
    time: r.time,
    channel: facts.channel,
    helpKinds: facts.helpKinds,
    procedure: facts.procedure,
    procedureText: facts.procedureText,
    outcome: facts.outcome,
    village: facts.village,
    memberNames: facts.memberIds.map((m) => names.get(m) ?? `#${m}`),
    minutes: facts.minutes,
    version: r.current_version,
    late: r.late === 1,
  };
}

export async function listEntries(db: Db, filter: ListFilter, page: number, pageSize: number) {
  const [count, rows, names] = await Promise.all([
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    withCurrent(db, filter)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    memberNames(db),
  ]);
  return { total: Number(count.n), page, pageSize, rows: rows.map((r) => toListRow(r, names)) };
}

/** Every row of a filter, for exports (a year is some 30,000 rows: fine in one read). */
export async function allEntries(db: Db, filter: ListFilter): Promise<ListRow[]> {
  const [rows, names] = await Promise.all([withCurrent(db, filter).execute(), memberNames(db)]);
  return rows.map((r) => toListRow(r, names));
}

/** A printed line shows contact details and ethnicity only where consent was recorded. */
function toBookRow(r: CurrentRow, names: Map<number, string>): BookRow {
  const facts = parseJsonColumn(factsColumn, r.facts);
  const person = parseJsonColumn(personColumn, r.person);
  const consent = parseJsonColumn(consentColumn, r.consent);
  return {
    ...toListRow(r, names),
    fullName: consent.contact ? (person?.fullName ?? null) : null,
    phone: consent.contact ? (person?.phone ?? null) : null,
    birthYear: person?.birthYear ?? null,
    ageBand: facts.ageBand,
    gender: facts.gender,
    ethnicity: consent.ethnicity ? (person?.ethnicity ?? null) : null,
    priorityGroups: facts.priorityGroups.filter((g) => g !== 'disability' || !!consent.disability),
    applicationCode: person?.applicationCode ?? null,
    obstacles: facts.obstacles,
    guideErrors: facts.guideErrors,
    obstacleText: facts.obstacleText,
    place: facts.place,
  };
}

export async function dayBook(db: Db, day: string): Promise<DayBook> {
  const filter: ListFilter = { from: day, to: day, memberId: null, helpKind: null, outcome: null, village: null };
  const [rows, names, point, closed, leader, makers] = await Promise.all([
    withCurrent(db, filter).execute(),
    memberNames(db),
    db.selectFrom('point_setting').select(['commune_name', 'point_name']).executeTakeFirst(),
    closeOf(db, day),
    db
      .selectFrom('member')
      .select('full_name')
      .where('position', '=', 'leader')
      .where('active', '=', 1)
      .orderBy('id')
      .executeTakeFirst(),
    db
      .selectFrom('logbook_entry')
      .select('created_by')
      .distinct()
      .where('day', '=', day)
      .where('created_by', 'is not', null)
      .execute(),
  ]);
  // The book reads in the order things happened.
  const book = rows.map((r) => toBookRow(r, names)).reverse();
  const byHelpKind: Record<string, number> = {};
  const byOutcome: Record<string, number> = {};
  for (const r of book) {
    for (const k of r.helpKinds) byHelpKind[k] = (byHelpKind[k] ?? 0) + 1;
    byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
  }
  return {
    day,
    communeName: point?.commune_name ?? '',
    pointName: point?.point_name ?? '',
    rows: book,
    totals: { entries: book.length, minutes: book.reduce((s, r) => s + r.minutes, 0), byHelpKind, byOutcome },
    preparedBy: makers.map((m) => names.get(m.created_by!) ?? '').filter(Boolean),
    teamLeader: leader?.full_name ?? null,
    closed,
  };
}
