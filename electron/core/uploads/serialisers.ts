import type { Selectable } from 'kysely';
import { rosterDayId } from '../team/roster-changes';
import type { RecordEntity } from '#shared/uploads/batch';
import type { Db } from '../db/open';
import type { QueueTicketTable } from '../queue/schema';
import type { ActivityTable } from '../team/schema';
import type { LogbookVersionTable } from '../logbook/schema';
import type { EntitySerialiser, Serialised } from './records';
import { parseJsonColumn } from '../json';
import { factsColumn, personColumn } from '../logbook/columns';
import { priorityGroupsColumn } from '../queue/columns';

/**
 * What each domain's record looks like to the province. Minimisation first: what no measure
 * needs is not sent at all (ticket holders' names and phones, who helped whom, member phones);
 * what is about a person travels sealed; only coded facts about the service go in clear.
 * Each kind has one row → record mapping, used for one record (a batch) and for a range (a report).
 */
function entryRecord(row: Selectable<LogbookVersionTable>, erasedAt: string | null): Serialised {
  const f = parseJsonColumn(factsColumn, row.facts);
  const person = parseJsonColumn(personColumn, row.person);
  return {
    day: f.day,
    state: erasedAt ? 'erased' : 'recorded',
    clear: {
      helpKinds: f.helpKinds,
      procedure: f.procedure,
      guideId: f.guideId,
      outcome: f.outcome,
      channel: f.channel,
      obstacles: f.obstacles,
      minutes: f.minutes,
      guideErrors: f.guideErrors.map((e) => e.ref),
      withTicket: f.ticketId !== null,
      amendedLate: row.late === 1,
    },
    categories: { priorityGroups: f.priorityGroups },
    personal: {
      ...(person ?? {}),
      ageBand: f.ageBand,
      gender: f.gender,
      language: f.language,
      village: f.village,
      place: f.place,
      procedureText: f.procedureText,
      obstacleText: f.obstacleText,
      correctionReason: row.reason,
    },
  };
}

const logbookEntry: EntitySerialiser = {
  async range(db, from, to) {
    const rows = await db
      .selectFrom('logbook_entry')
      .innerJoin('logbook_version', (j) =>
        j
          .onRef('logbook_version.entry_id', '=', 'logbook_entry.id')
          .onRef('logbook_version.version', '=', 'logbook_entry.current_version'),
      )
      .selectAll('logbook_version')
      .select('logbook_entry.erased_at')
      .where('logbook_entry.day', '>=', from)
      .where('logbook_entry.day', '<=', to)
      .execute();
    return rows.map((r) => ({ id: r.entry_id, record: entryRecord(r, r.erased_at) }));
  },
  async read(db, id, version) {
    const row = await db
      .selectFrom('logbook_version')
      .innerJoin('logbook_entry', 'logbook_entry.id', 'logbook_version.entry_id')
      .selectAll('logbook_version')
      .select('logbook_entry.erased_at')
      .where('entry_id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? entryRecord(row, row.erased_at) : null;
  },
};

function ticketRecord(t: Selectable<QueueTicketTable>): Serialised {
  const minutes = (a: string | null, b: string | null) =>
    a && b ? Math.round((Date.parse(b) - Date.parse(a)) / 60_000) : null;
  return {
    day: t.day,
    state: 'recorded',
    clear: {
      helpKind: t.help_kind,
      procedure: t.procedure,
      status: t.status,
      outcome: t.outcome,
      priority: t.priority === 1,
      walkIn: t.walk_in === 1,
      waitMinutes: minutes(t.issued_at, t.called_at),
      serviceMinutes: minutes(t.served_at, t.finished_at),
    },
    categories: { priorityGroups: parseJsonColumn(priorityGroupsColumn, t.priority_groups) },
    // The holder's name and phone are for calling them back at the point only: never sent.
    personal: { language: t.language },
  };
}

const ticket: EntitySerialiser = {
  async range(db, from, to) {
    const rows = await db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('day', '>=', from)
      .where('day', '<=', to)
      .where('voided_at', 'is', null)
      .execute();
    return rows.map((t) => ({ id: t.id, record: ticketRecord(t) }));
  },
  async read(db, id) {
    // A voided flood ticket is gone for the province (sent as erased if it was ever sent).
    const t = await db
      .selectFrom('queue_ticket')
      .selectAll()
      .where('id', '=', id)
      .where('voided_at', 'is', null)
      .executeTakeFirst();
    return t ? ticketRecord(t) : null;
  },
};

function attendanceQuery(db: Db) {
  return db
    .selectFrom('attendance')
    .innerJoin('member', 'member.id', 'attendance.member_id')
    .select([
      'attendance.id',
      'attendance.day',
      'attendance.member_id',
      'attendance.planned',
      'attendance.signed_in_at',
      'attendance.signed_out_at',
      'member.full_name',
    ]);
}
type AttendanceRow = Awaited<ReturnType<ReturnType<typeof attendanceQuery>['executeTakeFirstOrThrow']>>;

function attendanceRecord(a: AttendanceRow): Serialised {
  return {
    day: a.day,
    state: 'recorded',
    clear: {
      member: `member:${a.member_id}`,
      planned: a.planned === 1,
      status: 'present',
      signedIn: a.signed_in_at,
      signedOut: a.signed_out_at,
    },
    categories: {},
    personal: { memberName: a.full_name },
  };
}

const attendance: EntitySerialiser = {
  async range(db, from, to) {
    const rows = await attendanceQuery(db)
      .where('attendance.day', '>=', from)
      .where('attendance.day', '<=', to)
      .execute();
    return rows.map((a) => ({ id: a.id, record: attendanceRecord(a) }));
  },
  async read(db, id) {
    const a = await attendanceQuery(db).where('attendance.id', '=', id).executeTakeFirst();
    return a ? attendanceRecord(a) : null;
  },
};

function activityRecord(a: Selectable<ActivityTable>): Serialised {
  return {
    day: a.day,
    state: 'recorded',
    clear: {
      kind: a.kind,
      status: a.status,
      startTime: a.start_time,
      targetGroup: a.target_group,
      topic: a.topic,
      peopleReached: a.people_reached,
    },
    categories: {},
    // Free text may name people: sealed.
    personal: { place: a.place, village: a.village, result: a.result },
  };
}

const activity: EntitySerialiser = {
  async range(db, from, to) {
    const rows = await db.selectFrom('activity').selectAll().where('day', '>=', from).where('day', '<=', to).execute();
    return rows.map((a) => ({ id: a.id, record: activityRecord(a) }));
  },
  async read(db, id) {
    const a = await db.selectFrom('activity').selectAll().where('id', '=', id).executeTakeFirst();
    return a ? activityRecord(a) : null;
  },
};

/** Roster days: how many members were planned, as published (entity id = the day as YYYYMMDD). */
async function rosterDays(db: Db, from: string, to: string) {
  const shifts = await db
    .selectFrom('roster_shift')
    .innerJoin('roster_month', 'roster_month.month', 'roster_shift.month')
    .select(['roster_shift.day', 'roster_shift.member_id'])
    .where('roster_month.status', '=', 'published')
    .where('roster_shift.day', '>=', from)
    .where('roster_shift.day', '<=', to)
    .execute();
  const byDay = new Map<string, number[]>();
  for (const s of shifts) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s.member_id]);
  return byDay;
}

const rosterRecord = (day: string, members: number[]): Serialised => ({
  day,
  state: 'recorded',
  clear: { members: new Set(members).size, shifts: members.length },
  categories: {},
  personal: {},
});

const rosterDay: EntitySerialiser = {
  async range(db, from, to) {
    return [...(await rosterDays(db, from, to))].map(([day, members]) => ({
      id: rosterDayId(day),
      record: rosterRecord(day, members),
    }));
  },
  async read(db, id) {
    const digits = String(id);
    const day = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
    // Sent as the published roster says now, read as `range` reads it: a day without shifts is
    // no roster day (deleted at the province), so both sides count the same days.
    const members = (await rosterDays(db, day, day)).get(day);
    return members ? rosterRecord(day, members) : null;
  },
};

export const SERIALISERS: Record<RecordEntity, EntitySerialiser> = {
  logbook_entry: logbookEntry,
  ticket,
  attendance,
  activity,
  roster_day: rosterDay,
};
