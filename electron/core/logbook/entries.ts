import { AppError } from '#shared/contract';
import { phoneDigits, type EntryData, type EntryDetail, type EntryGap } from '#shared/logbook/schemas';
import { foldVietnamese } from '#shared/text/fold';
import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import { audit } from '../settings/audit';
import { recordForProvince } from '../uploads/outbox';
import {
  isDayClosed,
  memberNames,
  splitEntry,
  stampConsent,
  toView,
  type ConsentPart,
  type PersonPart,
} from './records';
import { parseJsonColumn } from '../json';
import { consentColumn, gapsColumn, personColumn } from './columns';

/** Field paths match the gate's (`entry.day`), so the form marks the right field. */
const invalid = (field: string, key: string) =>
  new AppError('invalid_input', {}, { [`entry.${field}`]: `logbook:problems.${key}` });

/** Rules that need the clock or the database, beyond what the shared schema checks. */
async function checkAgainstWorld(ctx: CoreContext, entry: EntryData): Promise<void> {
  const today = vnDay(ctx.now());
  if (entry.day > today) throw invalid('day', 'future');
  if (entry.birthYear !== null && entry.birthYear > Number(entry.day.slice(0, 4)))
    throw invalid('birthYear', 'birthYear');
  const found = await ctx.db.selectFrom('member').select('id').where('id', 'in', entry.memberIds).execute();
  if (found.length !== entry.memberIds.length) throw invalid('memberIds', 'members');
}

/** The entry row's copies of the current version, used by filters and search. */
export function searchColumns(entry: EntryData, person: PersonPart | null) {
  return {
    day: entry.day,
    time: entry.time,
    channel: entry.channel,
    outcome: entry.outcome,
    help_kinds: JSON.stringify(entry.helpKinds),
    member_ids: JSON.stringify(entry.memberIds),
    village_fold: entry.village ? foldVietnamese(entry.village) : null,
    name_fold: person?.fullName ? foldVietnamese(person.fullName) : null,
    phone_digits: person?.phone ? phoneDigits(person.phone) : null,
  };
}

async function insertVersion(
  ctx: CoreContext,
  entryId: number,
  version: number,
  entry: EntryData,
  previousConsent: ConsentPart | null,
  reason: string | null,
  late: boolean,
) {
  const at = ctx.now().toISOString();
  const { facts, person } = splitEntry(entry);
  await ctx.db
    .insertInto('logbook_version')
    .values({
      entry_id: entryId,
      version,
      facts: JSON.stringify(facts),
      person: person ? JSON.stringify(person) : null,
      consent: JSON.stringify(stampConsent(entry.consent, previousConsent, at, ctx.caller.memberId)),
      recorded_at: at,
      recorded_by: ctx.caller.memberId,
      reason,
      late: late ? 1 : 0,
    })
    .execute();
  return { facts, person };
}

/**
 * A new entry and its first version, with its note for the province, in the caller's
 * transaction. `gaps`: what an entry recorded by the desk's finish still lacks (none from the form).
 */
export async function insertEntry(ctx: CoreContext, entry: EntryData, gaps: readonly EntryGap[] = []) {
  await checkAgainstWorld(ctx, entry);
  if (entry.ticketId !== null) {
    const taken = await ctx.db
      .selectFrom('logbook_entry')
      .select('id')
      .where('ticket_id', '=', entry.ticketId)
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', { entryId: taken.id });
  }
  const late = await isDayClosed(ctx.db, entry.day);
  const { person } = splitEntry(entry);
  const row = await ctx.db
    .insertInto('logbook_entry')
    .values({
      ticket_id: entry.ticketId,
      current_version: 1,
      ...searchColumns(entry, person),
      gaps: JSON.stringify(gaps),
      created_at: ctx.now().toISOString(),
      created_by: ctx.caller.memberId,
      erased_at: null,
      erased_by: null,
      erased_reason: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = row.id;
  await insertVersion(ctx, id, 1, entry, null, null, late);
  await recordForProvince(ctx, 'logbook_entry', id, 1, entry.day);
  ctx.emit('logbook.changed', { day: entry.day });
  return { id, version: 1, late };
}

export const createEntry = (ctx: CoreContext, entry: EntryData) => insertEntry(ctx, entry);

/**
 * A new version of an entry from the full form: a correction (with its reason), or a
 * refinement (no reason: details added while the day is still open, e.g. right after the desk's
 * finish recorded it). Either way the entry is complete afterwards: the form checks every rule.
 */
async function reviseEntry(
  ctx: CoreContext,
  input: { id: number; expectedVersion: number; reason: string | null; entry: EntryData },
) {
  const current = await ctx.db
    .selectFrom('logbook_entry as e')
    .innerJoin('logbook_version as v', (j) =>
      j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.current_version'),
    )
    .select([
      'e.id',
      'e.day',
      'e.ticket_id',
      'e.current_version',
      'e.erased_at',
      'e.gaps',
      'v.facts',
      'v.person',
      'v.consent',
    ])
    .where('e.id', '=', input.id)
    .executeTakeFirst();
  if (!current) throw new AppError('not_found');
  if (current.current_version !== input.expectedVersion)
    throw new AppError('conflict', { version: current.current_version });
  // The ticket an entry came from never changes; a correction cannot re-link it elsewhere.
  const entry: EntryData = { ...input.entry, ticketId: current.ticket_id };
  await checkAgainstWorld(ctx, entry);
  const next = splitEntry(entry);
  if (current.erased_at && next.person) throw invalid('fullName', 'erased');
  const unchanged =
    JSON.stringify(next.facts) === current.facts &&
    JSON.stringify(next.person) === JSON.stringify(parseJsonColumn(personColumn, current.person));
  // Completing an incomplete entry may confirm it as it stands (the gap was a question asked).
  if (unchanged && current.gaps === '[]')
    throw new AppError('invalid_input', {}, { reason: 'logbook:problems.noChange' });
  const late = (await isDayClosed(ctx.db, current.day)) || (await isDayClosed(ctx.db, entry.day));
  if (input.reason === null && late)
    throw new AppError('invalid_input', {}, { reason: 'logbook:problems.refineClosed' });
  const version = current.current_version + 1;
  await insertVersion(
    ctx,
    current.id,
    version,
    entry,
    parseJsonColumn(consentColumn, current.consent),
    input.reason,
    late,
  );
  await ctx.db
    .updateTable('logbook_entry')
    .set({ current_version: version, ...searchColumns(entry, next.person), gaps: '[]' })
    .where('id', '=', current.id)
    .execute();
  await recordForProvince(ctx, 'logbook_entry', current.id, version, entry.day);
  await audit(ctx, input.reason === null ? 'logbook.refine' : 'logbook.correct', {
    entryId: current.id,
    version,
    late,
  });
  ctx.emit('logbook.changed', { day: current.day });
  if (entry.day !== current.day) ctx.emit('logbook.changed', { day: entry.day });
  return { id: current.id, version, late };
}

export const correctEntry = (
  ctx: CoreContext,
  input: { id: number; expectedVersion: number; reason: string; entry: EntryData },
) => reviseEntry(ctx, input);
export const refineEntry = (ctx: CoreContext, input: { id: number; expectedVersion: number; entry: EntryData }) =>
  reviseEntry(ctx, { ...input, reason: null });

/** One entry and every version of it; showing personal data is recorded in the audit trail. */
export async function getEntry(ctx: CoreContext, id: number): Promise<EntryDetail> {
  const entry = await ctx.db.selectFrom('logbook_entry').selectAll().where('id', '=', id).executeTakeFirst();
  if (!entry) throw new AppError('not_found');
  const [versions, names, closed, ticket] = await Promise.all([
    ctx.db.selectFrom('logbook_version').selectAll().where('entry_id', '=', id).orderBy('version').execute(),
    memberNames(ctx.db),
    isDayClosed(ctx.db, entry.day),
    entry.ticket_id === null
      ? null
      : ctx.db.selectFrom('queue_ticket').select('number').where('id', '=', entry.ticket_id).executeTakeFirst(),
  ]);
  if (versions.some((v) => v.person !== null)) await audit(ctx, 'logbook.show', { entryId: id });
  const history = versions.map((v) => ({
    version: v.version,
    kind: v.version === 1 ? ('create' as const) : v.reason === null ? ('refinement' as const) : ('correction' as const),
    recordedAt: v.recorded_at,
    recordedBy: v.recorded_by,
    recordedByName: v.recorded_by === null ? null : (names.get(v.recorded_by) ?? null),
    reason: v.reason,
    late: v.late === 1,
    data: toView(v, names),
  }));
  return {
    id,
    currentVersion: entry.current_version,
    dayClosed: closed,
    gaps: parseJsonColumn(gapsColumn, entry.gaps),
    ticketNumber: ticket?.number ?? null,
    erased: entry.erased_at
      ? {
          at: entry.erased_at,
          byName: entry.erased_by === null ? null : (names.get(entry.erased_by) ?? null),
          reason: entry.erased_reason!,
        }
      : null,
    current: history.find((h) => h.version === entry.current_version)!.data,
    history,
  };
}
