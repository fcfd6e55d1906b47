import { rosterDayId } from '../team/roster-changes';
import type { RecordEntity } from '../../../shared/uploads/batch';
import type { EntitySerialiser, Serialised } from './records';

/**
 * What each domain's record looks like to the province. Minimisation first: what no measure
 * needs is not sent at all (ticket holders' names and phones, who helped whom, member phones);
 * what is about a person travels sealed; only coded facts about the service go in clear.
 */
const json = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

const logbook_entry: EntitySerialiser = {
  async list(db, from, to) {
    const rows = await db.selectFrom('logbook_entry').select(['id', 'current_version']).where('day', '>=', from).where('day', '<=', to).execute();
    return rows.map((r) => ({ id: r.id, version: r.current_version }));
  },
  async read(db, id, version) {
    const row = await db.selectFrom('logbook_version').selectAll().where('entry_id', '=', id).where('version', '=', version).executeTakeFirst();
    if (!row) return null;
    const f = json<Record<string, unknown>>(row.facts, {});
    const person = json<Record<string, unknown> | null>(row.person, null);
    return {
      day: String(f.day),
      clear: {
        helpKinds: f.helpKinds ?? [], procedure: f.procedure ?? null, guideId: f.guideId ?? null, outcome: f.outcome ?? null,
        channel: f.channel ?? null, obstacles: f.obstacles ?? [], minutes: f.minutes ?? null,
        guideErrors: ((f.guideErrors as { ref: string }[] | undefined) ?? []).map((e) => e.ref),
        withTicket: f.ticketId !== null && f.ticketId !== undefined, amendedLate: row.late === 1,
      },
      categories: { priorityGroups: f.priorityGroups ?? [] },
      personal: {
        ...(person ?? {}), ageBand: f.ageBand ?? null, gender: f.gender ?? null, language: f.language ?? null,
        village: f.village ?? null, place: f.place ?? null, procedureText: f.procedureText ?? null, obstacleText: f.obstacleText ?? null,
        correctionReason: row.reason,
      },
    } satisfies Serialised;
  },
};

const ticket: EntitySerialiser = {
  async list(db, from, to) {
    return (await db.selectFrom('queue_ticket').select('id').where('day', '>=', from).where('day', '<=', to).execute()).map((r) => ({ id: r.id, version: 1 }));
  },
  async read(db, id) {
    const t = await db.selectFrom('queue_ticket').selectAll().where('id', '=', id).executeTakeFirst();
    if (!t) return null;
    const minutes = (a: string | null, b: string | null) => (a && b ? Math.round((Date.parse(b) - Date.parse(a)) / 60_000) : null);
    return {
      day: t.day,
      clear: {
        helpKind: t.help_kind, procedure: t.procedure, status: t.status, outcome: t.outcome, priority: t.priority === 1,
        walkIn: t.walk_in === 1, waitMinutes: minutes(t.issued_at, t.called_at), serviceMinutes: minutes(t.served_at, t.finished_at),
      },
      categories: { priorityGroups: json<string[]>(t.priority_groups, []) },
      // The holder's name and phone are for calling them back at the point only: never sent.
      personal: { language: t.language },
    };
  },
};

const attendance: EntitySerialiser = {
  async list(db, from, to) {
    return (await db.selectFrom('attendance').select(['id', 'version']).where('day', '>=', from).where('day', '<=', to).execute());
  },
  async read(db, id) {
    const a = await db.selectFrom('attendance').innerJoin('member', 'member.id', 'attendance.member_id')
      .select(['attendance.day', 'attendance.member_id', 'attendance.planned', 'attendance.signed_in_at', 'attendance.signed_out_at', 'member.full_name'])
      .where('attendance.id', '=', id).executeTakeFirst();
    if (!a) return null;
    return {
      day: a.day,
      clear: { member: `member:${a.member_id}`, planned: a.planned === 1, status: 'present', signedIn: a.signed_in_at, signedOut: a.signed_out_at },
      categories: {},
      personal: { memberName: a.full_name },
    };
  },
};

const activity: EntitySerialiser = {
  async list(db, from, to) {
    return (await db.selectFrom('activity').select(['id', 'version']).where('day', '>=', from).where('day', '<=', to).execute());
  },
  async read(db, id) {
    const a = await db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirst();
    if (!a) return null;
    return {
      day: a.day,
      clear: { kind: a.kind, status: a.status, startTime: a.start_time, targetGroup: a.target_group, topic: a.topic, peopleReached: a.people_reached },
      categories: {},
      // Free text may name people: sealed.
      personal: { place: a.place, village: a.village, result: a.result },
    };
  },
};

/** Roster days: how many members were planned, as published (entity id = the day as YYYYMMDD). */
const roster_day: EntitySerialiser = {
  async list(db, from, to) {
    const rows = await db.selectFrom('roster_shift').innerJoin('roster_month', 'roster_month.month', 'roster_shift.month')
      .select(['roster_shift.day', 'roster_month.version']).where('roster_month.status', '=', 'published')
      .where('roster_shift.day', '>=', from).where('roster_shift.day', '<=', to).groupBy(['roster_shift.day', 'roster_month.version']).execute();
    return rows.map((r) => ({ id: rosterDayId(r.day), version: r.version }));
  },
  async read(db, id) {
    const digits = String(id);
    const day = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
    const shifts = await db.selectFrom('roster_shift').select(['member_id', 'shift']).where('day', '=', day).execute();
    return {
      day,
      clear: { members: new Set(shifts.map((s) => s.member_id)).size, shifts: shifts.length },
      categories: {},
      personal: {},
    };
  },
};

export const SERIALISERS: Record<RecordEntity, EntitySerialiser> = { logbook_entry, ticket, attendance, activity, roster_day };
