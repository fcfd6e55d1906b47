import { workingDaysBetween } from '#shared/reports/calendar';
import { APPLICATION_OUTCOMES, computeReport, type ActivityMeasure, type FactRecord } from '#shared/reports/kpis';
import { resolvePeriod } from '#shared/reports/period';
import { MINIMUMS } from '#shared/team/activities';
import { addDays, vnDayStart } from '#shared/time/vietnam';
import { sql } from 'kysely';
import { jsonText } from './dialect';
import { gapOf, ofPoints, type PointStatus } from './report';
import type { ProvinceDb } from './store';

/**
 * All units at a glance, for the dashboard's first screen: a few grouped queries over the whole
 * store (not one per unit), so the first answer stays quick over years of batches. Zero is kept
 * apart from silence: a unit that sent a batch with no supports shows 0; one that never sent
 * shows `lastBatch: null`. Measures use the point's own definitions (shared/reports/kpis.ts).
 */
export interface UnitOverview {
  unit: { id: number; name: string; kind: 'ward' | 'commune'; code: string | null; pilot: boolean };
  /** The unit's active point (or its last retired one), null when none was ever enrolled. */
  point: { pointId: string | null; fingerprint: string; status: 'active' | 'retired'; firstDay: string | null } | null;
  lastBatch: { seq: number; receivedAt: string; createdAt: string } | null;
  lastClosedDay: string | null;
  /** Working days after the last closed day and before `until` (the day looked from); null: never reported. */
  silentWorkingDays: number | null;
  /** Working days of the month, from the point's first day to the day before `until`, that no batch closed. */
  missingDays: string[];
  /** Batches held behind a missing one. */
  gap: PointStatus['gap'];
  /** The month's figures, from the records received (current versions, deletions left out). */
  supports: number;
  applications: number;
  fullyOnline: number;
  /** Share of applications made fully online; null when there were none. */
  onlineSharePercent: number | null;
  /** Activities against the monthly and weekly minimums (the month), and the yearly ones (the year to date). */
  activities: { month: ActivityMeasure[]; year: ActivityMeasure[] };
  /** Files of this unit's point refused in the month (a burst means trouble at the point, or someone posing as it). */
  refusedFiles: number;
}

export interface Overview {
  month: string;
  until: string;
  units: UnitOverview[];
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** `month` 'YYYY-MM'; `until` the day looked from (today), 'YYYY-MM-DD'. */
export async function unitOverview(db: ProvinceDb, input: { month: string; until: string }): Promise<Overview> {
  return (await unitOverviews(db, [input]))[0]!;
}

/** `record.day`'s month, as each store spells it ('YYYY-MM'). */
const monthOfDay = sql<string>`substr(day, 1, 7)`;

/**
 * The overview of several months at once (a quarter's, a year's), each as `unitOverview` would
 * give it on its own: one query per table over the whole span, grouped by point and month, then
 * cut month by month here. The figures read the covering index of migration 0008, point by point.
 */
export async function unitOverviews(
  db: ProvinceDb,
  inputs: readonly { month: string; until: string }[],
): Promise<Overview[]> {
  return (await overviewsAndClosedDays(db, inputs)).overviews;
}

/** A day a point closed, and when its closing batch came. */
export interface ClosedDay {
  point_id: number;
  day: string;
  received_at: string;
}

/**
 * `unitOverviews`, with the closed days it read (from the first month, or the earliest `until`
 * if before it, to the last `until`): the dashboard's reporting rates need the same rows.
 */
export async function overviewsAndClosedDays(
  db: ProvinceDb,
  inputs: readonly { month: string; until: string }[],
): Promise<{ overviews: Overview[]; closed: ClosedDay[] }> {
  if (!inputs.length) return { overviews: [], closed: [] };
  const spans = inputs.map((input) => {
    const month = resolvePeriod({ kind: 'month', key: input.month });
    return {
      input,
      month,
      year: resolvePeriod({ kind: 'year', key: input.month.slice(0, 4) }),
      lastDay: input.until <= month.to ? input.until : month.to,
    };
  });
  const from = spans.reduce((d, s) => (s.month.from < d ? s.month.from : d), spans[0]!.month.from);
  const to = spans.reduce((d, s) => (s.month.to > d ? s.month.to : d), spans[0]!.month.to);
  const yearFrom = spans.reduce((d, s) => (s.year.from < d ? s.year.from : d), spans[0]!.year.from);
  const lastUntil = spans.reduce((d, s) => (s.input.until > d ? s.input.until : d), spans[0]!.input.until);
  // Closed days before this are only needed for each point's last one (an `until` may precede its month).
  const firstUntil = spans.reduce((d, s) => (s.input.until < d ? s.input.until : d), spans[0]!.input.until);
  const closedFrom = firstUntil < from ? firstUntil : from;
  const intakeFrom = vnDayStart(from).toISOString();
  const intakeTo = vnDayStart(addDays(to, 1)).toISOString();
  /** The current, not deleted, records of one entity of these points from `start` to the span's end. */
  const currentRecords = (ids: number[], entity: 'logbook_entry' | 'activity', start: string) =>
    db
      .selectFrom('record')
      .where('current', '=', 1)
      .where('state', '!=', 'deleted')
      .where('point_id', 'in', ids)
      .where('entity', '=', entity)
      .where('day', '>=', start)
      .where('day', '<=', to);
  // The active point of each unit, else its newest retired one. The records are read point by
  // point (0008): their queries start once the points are known, the others at once.
  const pointsRead = db
    .selectFrom('point')
    .leftJoin('batch', (j) => j.onRef('batch.point_id', '=', 'point.id').onRef('batch.seq', '=', 'point.last_seq'))
    .select([
      'point.id',
      'point.unit_id',
      'point.point_uuid',
      'point.fingerprint',
      'point.enrolled_fingerprint',
      'point.status',
      'point.first_day',
      'point.last_seq',
      'batch.received_at',
      'batch.created_at',
    ])
    .orderBy('point.status', 'desc')
    .orderBy('point.id')
    .execute();
  const ofThePoints = <T>(query: (ids: number[]) => Promise<T[]>) =>
    pointsRead.then((points) =>
      ofPoints(
        points.map((p) => p.id!),
        query,
      ),
    );
  const [points, units, closedBefore, closed, figures, activities, held, refused] = await Promise.all([
    pointsRead,
    db.selectFrom('unit').select(['id', 'name', 'kind', 'code', 'pilot']).orderBy('name').execute(),
    // The last closed day before the span; those inside it come with `closed`.
    db
      .selectFrom('closed_day')
      .select(['point_id', (eb) => eb.fn.max('day').as('day')])
      .where('day', '<', closedFrom)
      .groupBy('point_id')
      .execute(),
    db
      .selectFrom('closed_day')
      .select(['point_id', 'day', 'received_at'])
      .where('day', '>=', closedFrom)
      .where('day', '<', lastUntil)
      .execute(),
    // Grouped by point and day first, in the covering index's own order (0008: no sort), then
    // the day groups (a point a day) by month: sorting the year's 270k entries by month was most of it.
    ofThePoints((ids) =>
      db
        .selectFrom(
          currentRecords(ids, 'logbook_entry', from)
            .select((eb) => {
              const outcome = jsonText(db, 'clear', 'outcome');
              return [
                'point_id',
                'day',
                eb.fn.countAll<number>().as('supports'),
                eb.fn
                  .sum<number>(
                    eb
                      .case()
                      .when(outcome, 'in', [...APPLICATION_OUTCOMES])
                      .then(1)
                      .else(0)
                      .end(),
                  )
                  .as('applications'),
                eb.fn.sum<number>(eb.case().when(outcome, '=', 'filed_online').then(1).else(0).end()).as('online'),
              ];
            })
            .groupBy(['point_id', 'day'])
            .as('daily'),
        )
        .select((eb) => [
          'point_id',
          monthOfDay.as('month'),
          eb.fn.sum<number>('supports').as('supports'),
          eb.fn.sum<number>('applications').as('applications'),
          eb.fn.sum<number>('online').as('online'),
        ])
        .groupBy(['point_id', monthOfDay])
        .execute(),
    ),
    ofThePoints((ids) =>
      currentRecords(ids, 'activity', yearFrom).select(['point_id', 'entity', 'ref', 'day', 'clear']).execute(),
    ),
    db.selectFrom('quarantine').select(['point_uuid', 'seq']).where('reason', '=', 'held').execute(),
    // Refused files are few (a flood is tallied, not logged file by file): cut by month here.
    db
      .selectFrom('intake')
      .select(['point_id', 'at'])
      .where('outcome', '=', 'refused')
      .where('point_id', 'is not', null)
      .where('at', '>=', intakeFrom)
      .where('at', '<', intakeTo)
      .execute(),
  ]);
  const pointOf = new Map<number, (typeof points)[number]>();
  for (const p of points) if (p.unit_id !== null && !pointOf.has(p.unit_id)) pointOf.set(p.unit_id, p);
  const group = <T extends { point_id: number }>(rows: T[]) => {
    const by = new Map<number, T[]>();
    for (const r of rows) {
      const list = by.get(r.point_id);
      if (list) list.push(r);
      else by.set(r.point_id, [r]);
    }
    return by;
  };
  const closedBeforeOf = new Map(closedBefore.map((r) => [r.point_id, r.day as string]));
  const closedOf = group(closed);
  // Each point's closed days in order, so a month takes its part by two binary searches.
  for (const days of closedOf.values()) days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const closedDaysOf = new Map([...closedOf].map(([pointId, rows]) => [pointId, rows.map((r) => r.day as string)]));
  const figuresOf = new Map(figures.map((f) => [`${f.point_id}:${f.month}`, f]));
  const activitiesOf = group(activities);
  const heldOf = new Map<string, number[]>();
  for (const h of held)
    if (h.point_uuid && h.seq !== null) heldOf.set(h.point_uuid, [...(heldOf.get(h.point_uuid) ?? []), h.seq]);
  const facts = new Map<number, FactRecord[]>();
  for (const [pointId, rows] of activitiesOf)
    facts.set(
      pointId,
      rows.map((r) => ({ entity: r.entity, ref: r.ref, day: r.day, clear: JSON.parse(r.clear), categories: {} })),
    );

  const overviews = spans.map(({ input, month, year, lastDay }) => {
    const monthStart = vnDayStart(month.from).toISOString();
    const monthEnd = vnDayStart(addDays(month.to, 1)).toISOString();
    const refusedOf = new Map<number, number>();
    for (const r of refused)
      if (r.at >= monthStart && r.at < monthEnd) refusedOf.set(r.point_id!, (refusedOf.get(r.point_id!) ?? 0) + 1);
    // The last day closed before `until`: inside the span if any, else the last one before it.
    const lastClosedOf = new Map(closedBeforeOf);
    for (const [pointId, days] of closedDaysOf) {
      const before = countBefore(days, input.until);
      if (before > 0) lastClosedOf.set(pointId, days[before - 1]!);
    }
    const yesterday = addDays(input.until, -1);
    const working = workingDaysBetween(month.from, yesterday < month.to ? yesterday : month.to, false, []);
    // The calendar is worked out once, from the longest silence on, not once per unit.
    const longest = [...lastClosedOf.values()].sort()[0];
    const silentDays = longest ? workingDaysBetween(addDays(longest, 1), yesterday, false, []) : [];
    const silentSince = (last: string) => silentDays.length - countBefore(silentDays, last, true);
    // Most units hold a few activities or none: the measures of none are worked out once.
    const monthOf = (f: FactRecord[]) => computeReport(f, month, []).activities.filter((a) => a.per !== 'year');
    const noActivities = monthOf([]);
    return {
      month: input.month,
      until: input.until,
      units: units.map((u) => {
        const p = pointOf.get(u.id!);
        const f = p ? figuresOf.get(`${p.id}:${input.month}`) : undefined;
        const last = p ? (lastClosedOf.get(p.id!) ?? null) : null;
        const days = p ? (closedDaysOf.get(p.id!) ?? []) : [];
        const closedDays = new Set(days.slice(countBefore(days, month.from), countBefore(days, lastDay, true)));
        const firstDay = p?.first_day ?? null;
        const held = (p ? (facts.get(p.id!) ?? []) : []).filter((r) => r.day >= year.from && r.day <= month.to);
        const applications = Number(f?.applications ?? 0);
        const fullyOnline = Number(f?.online ?? 0);
        return {
          unit: { id: u.id!, name: u.name, kind: u.kind, code: u.code, pilot: u.pilot === 1 },
          point: p
            ? {
                pointId: p.point_uuid,
                fingerprint: p.fingerprint ?? p.enrolled_fingerprint,
                status: p.status,
                firstDay,
              }
            : null,
          lastBatch:
            p && p.last_seq > 0 && p.received_at
              ? { seq: p.last_seq, receivedAt: p.received_at, createdAt: p.created_at! }
              : null,
          lastClosedDay: last,
          silentWorkingDays: last ? silentSince(last) : null,
          missingDays: firstDay ? working.filter((d) => d >= firstDay && !closedDays.has(d)) : [],
          gap: p?.point_uuid ? gapOf(p.last_seq, heldOf.get(p.point_uuid) ?? []) : null,
          supports: Number(f?.supports ?? 0),
          applications,
          fullyOnline,
          onlineSharePercent: percent(fullyOnline, applications),
          activities: {
            month: held.some((r) => r.day >= month.from)
              ? monthOf(held.filter((r) => r.day >= month.from))
              : noActivities,
            year: yearly(held.filter((r) => r.day <= lastDay)),
          },
          refusedFiles: p ? (refusedOf.get(p.id!) ?? 0) : 0,
        };
      }),
    };
  });
  return { overviews, closed };
}

/** The yearly minimums (held so far this year against the year's count), as `computeReport` judges a year. */
function yearly(facts: FactRecord[]): ActivityMeasure[] {
  return MINIMUMS.filter((rule) => rule.per === 'year').map((rule) => {
    const held = facts.filter((r) => r.clear.status === 'done' && r.clear.kind === rule.kind).length;
    return { kind: rule.kind, per: rule.per, held, minimum: rule.count, met: held >= rule.count };
  });
}

/** How many of the sorted `days` are before `day` (or on it too, with `orOn`). */
function countBefore(days: readonly string[], day: string, orOn = false): number {
  let [lo, hi] = [0, days.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < day || (orOn && days[mid] === day)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
