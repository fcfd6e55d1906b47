import { formatTicketNumber, prefixOf } from '#shared/queue/schemas';
import type { CommonProcedure, Outcome, PriorityGroup } from '#shared/logbook/vocabulary';
import type { Language } from '#shared/settings/schemas';
import type { HelpKind } from '#shared/team/schemas';
import { vnDay, vnDayStart } from '#shared/time/vietnam';
import type { App } from '../app';
import { OUTSIDE_GATE, type CoreContext } from '../context';
import { recordVisit } from '../logbook/tickets';
import { parseJsonColumn } from '../json';
import { languagesColumn } from '../team/columns';

interface DemoTicket {
  kind: HelpKind;
  /** Minutes before now it was taken. */
  ago: number;
  status: 'waiting' | 'called' | 'serving' | 'finished' | 'no_show';
  priority?: PriorityGroup[];
  language?: Language;
  desk?: 1 | 2;
  /** Minutes of waiting and of service. */
  wait?: number;
  service?: number;
  outcome?: Outcome;
  procedure?: CommonProcedure;
}

const TICKETS: DemoTicket[] = [
  {
    kind: 'dvc',
    ago: 80,
    status: 'finished',
    desk: 1,
    wait: 5,
    service: 14,
    outcome: 'filed_with_help',
    procedure: 'birth',
  },
  {
    kind: 'vneid',
    ago: 75,
    status: 'finished',
    desk: 2,
    wait: 3,
    service: 9,
    outcome: 'filed_online',
    priority: ['elderly'],
  },
  { kind: 'payment', ago: 60, status: 'no_show', desk: 2, wait: 12 },
  {
    kind: 'vneid',
    ago: 50,
    status: 'finished',
    desk: 2,
    wait: 8,
    service: 11,
    outcome: 'guided_only',
    language: 'jrai',
  },
  { kind: 'dvc', ago: 35, status: 'serving', desk: 1, wait: 10, procedure: 'permanent_residence' },
  { kind: 'smartphone', ago: 25, status: 'waiting' },
  { kind: 'vneid', ago: 18, status: 'waiting', priority: ['pregnant'] },
  { kind: 'scam', ago: 9, status: 'waiting', language: 'jrai' },
  { kind: 'dvc', ago: 4, status: 'waiting', procedure: 'marriage' },
];

/**
 * A morning at the point: a few tickets finished, one not come, one being served at desk 1,
 * four waiting. Desk 1 is held by the team leader, desk 2 by a Jrai-speaking member.
 */
export async function seedQueueDemo(app: App, now = new Date()): Promise<void> {
  const day = vnDay(now);
  const earliest = vnDayStart(day).getTime() + 60_000;
  const at = (minutesAgo: number) => new Date(Math.max(earliest, now.getTime() - minutesAgo * 60_000)).toISOString();
  const members = await app.db
    .selectFrom('member')
    .select(['id', 'position', 'languages'])
    .where('active', '=', 1)
    .execute();
  const leader = members.find((m) => m.position === 'leader');
  const jrai = members.find(
    (m) => m.position === 'member' && parseJsonColumn(languagesColumn, m.languages).includes('jrai'),
  );
  if (!leader || !jrai) return;
  const deskMember = { 1: leader.id, 2: jrai.id } as const;
  const seqs = new Map<string, number>();
  await app.db.transaction().execute(async (trx) => {
    for (const [desk, memberId] of Object.entries(deskMember)) {
      await trx
        .insertInto('queue_desk')
        .values({ desk: Number(desk), member_id: memberId, day, opened_at: at(90) })
        .execute();
      // Whoever sits at a desk is on duty (opening a desk signs them in, as through the app).
      const planned = await trx
        .selectFrom('roster_shift')
        .select('id')
        .where('day', '=', day)
        .where('member_id', '=', memberId)
        .executeTakeFirst();
      await trx
        .insertInto('attendance')
        .values({
          member_id: memberId,
          day,
          signed_in_at: at(95),
          signed_out_at: null,
          planned: planned ? 1 : 0,
          updated_at: at(95),
        })
        .execute();
    }
    for (const d of TICKETS) {
      const prefix = prefixOf(d.kind);
      const seq = (seqs.get(prefix) ?? 0) + 1;
      seqs.set(prefix, seq);
      const called = d.wait !== undefined ? at(d.ago - d.wait) : null;
      const served = d.status === 'finished' || d.status === 'serving' ? called : null;
      const finished =
        d.status === 'finished'
          ? at(d.ago - d.wait! - d.service!)
          : d.status === 'no_show'
            ? at(d.ago - d.wait! - 3)
            : null;
      // A finished ticket has its logbook entry (the database insists): written as the desk's finish writes it.
      const t = await trx
        .insertInto('queue_ticket')
        .values({
          day,
          prefix,
          seq,
          number: formatTicketNumber(prefix, seq),
          help_kind: d.kind,
          procedure: d.procedure ?? null,
          priority_groups: JSON.stringify(d.priority ?? []),
          priority: d.priority ? 1 : 0,
          language: d.language ?? 'vi',
          consent: 0,
          citizen_name: null,
          citizen_phone: null,
          status: d.status === 'finished' ? 'serving' : d.status,
          desk: d.desk ?? null,
          target_desk: null,
          member_id: d.desk ? deskMember[d.desk] : null,
          walk_in: 0,
          issued_at: at(d.ago),
          queued_at: at(d.ago),
          called_at: called,
          served_at: served,
          finished_at: finished,
          outcome: d.outcome ?? null,
          recall_count: d.status === 'no_show' ? 2 : 0,
          transfer_count: 0,
          updated_at: finished ?? called ?? at(d.ago),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (d.status === 'finished') {
        const member = deskMember[d.desk!];
        const ctx: CoreContext = {
          db: trx,
          caller: { role: 'duty_member', memberId: member, sessionKey: null, device: 'staff', peer: 'system' },
          now: () => new Date(finished!),
          emit: () => undefined,
          dataDir: app.dataDir,
          guidesDir: app.guidesDir,
          log: app.log,
          afterCommit: () => undefined,
          ...OUTSIDE_GATE,
          step: (work) => work(trx),
        };
        await recordVisit(ctx, t.id);
        await trx.updateTable('queue_ticket').set({ status: 'finished' }).where('id', '=', t.id).execute();
      }
      if (called) {
        await trx
          .insertInto('queue_call')
          .values({
            ticket_id: t.id,
            day,
            number: formatTicketNumber(prefix, seq),
            desk: d.desk!,
            kind: 'call',
            priority: d.priority ? 1 : 0,
            at: called,
          })
          .execute();
      }
    }
  });
}
