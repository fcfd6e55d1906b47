import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTCOMES, COMMON_PROCEDURES } from '#shared/logbook/vocabulary';
import { HELP_KIND_KEYS } from '#shared/team/schemas';
import { seededRandom } from '#shared/random/seeded';
import type { Db } from '../db/open';
import { openTestApp, signInAs, testClock } from '../testing';

/**
 * Finishing is recording: no finished ticket without its logbook entry, through every desk action,
 * and the database itself refuses one whatever the code above does.
 */
type TestApp = Awaited<ReturnType<typeof openTestApp>>;
const kiosk = { device: 'kiosk' as const };
let app: TestApp | undefined;
afterEach(async () => {
  await app?.cleanup();
  app = undefined;
});

/** Every finished ticket has exactly one entry, made with the ticket's outcome, and one note for the province. */
async function expectChainWhole(db: Db, label: string) {
  const { rows } = await sql<{
    id: number;
    outcome: string;
    entry: number | null;
    first: string | null;
    notes: number;
  }>`
    select t.id, t.outcome, e.id as entry,
      (select json_extract(v.facts, '$.outcome') from logbook_version v where v.entry_id = e.id and v.version = 1) as first,
      (select count(*) from outbox o where o.entity = 'logbook_entry' and o.entity_id = e.id and o.version = 1) as notes
    from queue_ticket t left join logbook_entry e on e.ticket_id = t.id where t.status = 'finished'`.execute(db);
  expect(
    rows.filter((r) => r.entry === null || r.first !== r.outcome || Number(r.notes) !== 1),
    label,
  ).toEqual([]);
  const { rows: linked } = await sql<{
    n: number;
  }>`select count(*) as n from logbook_entry e join queue_ticket t on t.id = e.ticket_id
    where t.status <> 'finished'`.execute(db);
  expect(Number(linked[0]!.n), `${label}: entries of unfinished tickets`).toBe(0);
  return rows.length;
}

async function setup() {
  const clock = testClock('2026-12-01T01:00:00.000Z'); // Tuesday 08:00 in Vietnam
  app = await openTestApp({ now: clock.now });
  const m1 = await signInAs(app, 'duty_member', {
    fullName: "Siu H'Lan",
    skills: ['dvc', 'vneid'],
    languages: ['vi', 'jrai'],
  });
  const m2 = await signInAs(app, 'duty_member', { fullName: 'Trần Minh Quân', skills: ['payment', 'smartphone'] });
  const official = await signInAs(app, 'commune_official', { fullName: 'Ksor Văn Thành' });
  await app.invoke('queue.openDesk', { desk: 1 }, m1);
  await app.invoke('queue.openDesk', { desk: 2 }, m2);
  return { app, clock, m1, m2, official };
}

describe('a finished ticket always has its entry', () => {
  it('is refused by the database itself', async () => {
    const { app, m1 } = await setup();
    const t = await app.invoke('queue.checkIn', { helpKind: 'dvc' }, kiosk);
    await expect(
      sql`update queue_ticket set status = 'finished', outcome = 'guided_only' where id = ${t.id}`.execute(app.db),
    ).rejects.toThrow(/needs its logbook entry/);
    await expect(
      sql`insert into queue_ticket (day, prefix, seq, number, help_kind, status, outcome, issued_at, queued_at, updated_at)
      values ('2026-12-01', 'A', 99, 'A099', 'dvc', 'finished', 'guided_only', 'x', 'x', 'x')`.execute(app.db),
    ).rejects.toThrow(/needs its logbook entry/);
    await app.invoke('queue.callTicket', { ticketId: t.id }, m1);
    const done = await app.invoke('queue.finish', { ticketId: t.id, outcome: 'guided_only' }, m1);
    // The entry cannot be taken away from its ticket afterwards, nor deleted.
    await expect(sql`delete from logbook_entry where id = ${done.entry.id}`.execute(app.db)).rejects.toThrow(
      /never deleted/,
    );
    await expect(
      sql`update logbook_entry set ticket_id = null where id = ${done.entry.id}`.execute(app.db),
    ).rejects.toThrow(/never changes/);
    // A failure after the entry is written takes the ticket's finish back with it: one transaction.
    const u = await app.invoke('queue.checkIn', { helpKind: 'dvc' }, kiosk);
    await app.invoke('queue.callTicket', { ticketId: u.id }, m1);
    await sql
      .raw(
        `create temp trigger refuse_outbox before insert on outbox when new.entity = 'ticket' begin select raise(abort, 'outbox down'); end`,
      )
      .execute(app.db);
    expect((await app.call('queue.finish', { ticketId: u.id, outcome: 'referred' }, m1)).ok).toBe(false);
    await sql.raw('drop trigger refuse_outbox').execute(app.db);
    expect(
      await app.db
        .selectFrom('queue_ticket')
        .select(['status', 'outcome', 'finished_at'])
        .where('id', '=', u.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'called', outcome: null, finished_at: null });
    expect(await app.db.selectFrom('logbook_entry').select('id').where('ticket_id', '=', u.id).execute()).toEqual([]);
    expect(await expectChainWhole(app.db, 'after the refusals')).toBe(1);
  });

  it('through every desk action: finish, no-show, transfer, recall, put back, walk-in, dismiss', async () => {
    const { app, clock, m1, m2, official } = await setup();
    const take = (input: Record<string, unknown>) => app.invoke('queue.checkIn', input, kiosk);
    const a = await take({
      helpKind: 'dvc',
      procedure: 'birth',
      consent: true,
      name: 'Nguyễn Thị Mai',
      phone: '0905123456',
      priority: ['elderly'],
    });
    const b = await take({ helpKind: 'vneid' });
    const c = await take({ helpKind: 'payment' });
    const d = await take({ helpKind: 'dvc' });
    const e = await take({ helpKind: 'smartphone' });

    // Called, recalled twice, not come: no entry (nobody was helped).
    clock.advance(60_000);
    const first = await app.invoke('queue.callNext', {}, m1);
    expect(first!.id).toBe(a.id);
    await app.invoke('queue.putBack', { ticketId: a.id }, m1); // stepped away to fetch a paper
    const noShow = await app.invoke('queue.callTicket', { ticketId: b.id }, m1);
    await app.invoke('queue.recall', { ticketId: noShow.id }, m1);
    await app.invoke('queue.recall', { ticketId: noShow.id }, m1);
    await app.invoke('queue.noShow', { ticketId: noShow.id }, m1);
    // A put back, then served and finished by the fair rule.
    const again = await app.invoke('queue.callTicket', { ticketId: a.id }, m1);
    await app.invoke('queue.start', { ticketId: again.id }, m1);
    clock.advance(14 * 60_000);
    const finishedA = await app.invoke('queue.finish', { ticketId: a.id, outcome: 'filed_with_help' }, m1);
    expect(finishedA).toMatchObject({ status: 'finished', entry: { version: 1, late: false, gaps: [] } });
    // Transferred while being served, then finished at the other desk.
    await app.invoke('queue.callTicket', { ticketId: c.id }, m1);
    await app.invoke('queue.transfer', { ticketId: c.id, toDesk: 2, toKind: null }, m1);
    await app.invoke('queue.callTicket', { ticketId: c.id }, m2);
    const finishedC = await app.invoke('queue.finish', { ticketId: c.id, outcome: 'guided_only' }, m2);
    // Transferred while waiting, to another kind of help; the procedure is named in the finish dialog.
    await app.invoke('queue.transfer', { ticketId: d.id, toDesk: null, toKind: 'dvc' }, m2);
    await app.invoke('queue.callTicket', { ticketId: d.id }, m2);
    const finishedD = await app.invoke(
      'queue.finish',
      { ticketId: d.id, outcome: 'filed_online', procedure: 'temporary_residence' },
      m2,
    );
    // A walk-in, finished with a public-service kind and no procedure: recorded, flagged incomplete.
    const walk = await app.invoke('queue.walkIn', { helpKind: 'dvc' }, m1);
    const finishedWalk = await app.invoke('queue.finish', { ticketId: walk.id, outcome: 'referred' }, m1);
    expect(finishedWalk.entry.gaps).toEqual(['procedure']);
    // A second finish of the same ticket is refused and leaves one entry.
    expect((await app.call('queue.finish', { ticketId: walk.id, outcome: 'guided_only' }, m1)).ok).toBe(false);
    // The last waiting citizen went home: the official ends the ticket from the day's close.
    expect(await app.invoke('queue.dismiss', { ticketIds: [e.id] }, official)).toEqual({ dismissed: 1 });

    expect(await expectChainWhole(app.db, 'after every action')).toBe(4);
    const entries = await Promise.all(
      [finishedA, finishedC, finishedD, finishedWalk].map((f) => app.invoke('logbook.get', { id: f.entry.id }, m1)),
    );
    expect(entries.map((x) => x.current)).toMatchObject([
      {
        ticketId: a.id,
        helpKinds: ['dvc'],
        procedure: 'birth',
        outcome: 'filed_with_help',
        minutes: 14,
        memberIds: [m1.memberId],
        desk: 1,
        priorityGroups: ['elderly'],
        fullName: 'Nguyễn Thị Mai',
        phone: '0905123456',
      },
      {
        ticketId: c.id,
        helpKinds: ['payment'],
        outcome: 'guided_only',
        memberIds: [m2.memberId],
        desk: 2,
        fullName: null,
      },
      { ticketId: d.id, helpKinds: ['dvc'], procedure: 'temporary_residence', outcome: 'filed_online' },
      { ticketId: walk.id, helpKinds: ['dvc'], procedure: null, outcome: 'referred' },
    ]);
    expect(entries[0]!.current.consent.contact).not.toBeNull();
    // The finish dialog's procedure is the ticket's too (the province's ticket record says it).
    expect((await app.invoke('queue.ticket', { ticketId: d.id }, m2)).procedure).toBe('temporary_residence');
    // Nothing is left open but what the official will see: the incomplete walk-in entry.
    expect(await app.invoke('logbook.openItems', { day: '2026-12-01' }, official)).toMatchObject({
      tickets: [],
      entries: [{ id: finishedWalk.entry.id, ticketNumber: walk.number, gaps: ['procedure'] }],
    });
  });

  it('holds over a random morning of desk actions at two desks, and after the day rolls over', async () => {
    const { app, clock, m1, m2, official } = await setup();
    const random = seededRandom(20261201);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const desks = [m1, m2];
    const tried = new Map<string, number>();
    const ok = new Map<string, number>();
    const open = async () =>
      app.db
        .selectFrom('queue_ticket')
        .select(['id', 'status', 'desk'])
        .where('status', 'in', ['waiting', 'called', 'serving'])
        .execute();
    for (let step = 0; step < 300; step++) {
      clock.advance(Math.floor(random() * 3 * 60_000));
      const who = pick(desks);
      const deskNo = who === m1 ? 1 : 2;
      const tickets = await open();
      const mine = tickets.filter((t) => t.desk === deskNo && t.status !== 'waiting');
      const waiting = tickets.filter((t) => t.status === 'waiting');
      const action = pick([
        'checkIn',
        'checkIn',
        'callNext',
        'callTicket',
        'recall',
        'start',
        'noShow',
        'putBack',
        'transfer',
        'walkIn',
        'finish',
        'finish',
        'finish',
        'dismiss',
      ] as const);
      const target = pick((mine.length ? mine : waiting.length ? waiting : [{ id: 1 }]).map((t) => t.id));
      const calls: Record<typeof action, () => Promise<{ ok: boolean }>> = {
        checkIn: () =>
          app.call(
            'queue.checkIn',
            { helpKind: pick(HELP_KIND_KEYS), priority: random() < 0.2 ? ['elderly'] : [] },
            kiosk,
          ),
        callNext: () => app.call('queue.callNext', {}, who),
        callTicket: () => app.call('queue.callTicket', { ticketId: waiting.length ? pick(waiting).id : target }, who),
        recall: () => app.call('queue.recall', { ticketId: target }, who),
        start: () => app.call('queue.start', { ticketId: target }, who),
        // The citizen does not come after the recalls the point asks for.
        noShow: async () => {
          await app.call('queue.recall', { ticketId: target }, who);
          await app.call('queue.recall', { ticketId: target }, who);
          return app.call('queue.noShow', { ticketId: target }, who);
        },
        putBack: () => app.call('queue.putBack', { ticketId: target }, who),
        transfer: () =>
          app.call(
            'queue.transfer',
            {
              ticketId: target,
              toDesk: random() < 0.5 ? pick([1, 2]) : null,
              toKind: random() < 0.5 ? pick(HELP_KIND_KEYS) : null,
            },
            who,
          ),
        walkIn: () => app.call('queue.walkIn', { helpKind: pick(HELP_KIND_KEYS) }, who),
        finish: () =>
          app.call(
            'queue.finish',
            { ticketId: target, outcome: pick(OUTCOMES), procedure: random() < 0.3 ? pick(COMMON_PROCEDURES) : null },
            who,
          ),
        dismiss: () =>
          app.call('queue.dismiss', { ticketIds: waiting.length ? [pick(waiting).id] : [target] }, official),
      };
      const result = await calls[action]();
      tried.set(action, (tried.get(action) ?? 0) + 1);
      if (result.ok) ok.set(action, (ok.get(action) ?? 0) + 1);
      await expectChainWhole(app.db, `step ${step} (${action})`);
    }
    // The walk is only a proof if every action really happened, finishes many times over.
    for (const action of [
      'checkIn',
      'callNext',
      'callTicket',
      'recall',
      'start',
      'noShow',
      'putBack',
      'transfer',
      'walkIn',
      'finish',
      'dismiss',
    ]) {
      expect(ok.get(action) ?? 0, `${action} succeeded (tried ${tried.get(action)})`).toBeGreaterThan(0);
    }
    expect(ok.get('finish')!).toBeGreaterThan(10);
    // The next morning yesterday's open tickets expire (nobody was helped to the end): still whole.
    clock.set('2026-12-02T00:45:00.000Z');
    await app.invoke('queue.checkIn', { helpKind: 'vneid' }, kiosk);
    const finished = await expectChainWhole(app.db, 'after the roll-over');
    expect(finished).toBe(ok.get('finish'));
    expect(await open()).toHaveLength(1);
  });
});
