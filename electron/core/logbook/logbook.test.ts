import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntryInput } from '#shared/logbook/schemas';
import { openTestApp, signInAs, testClock } from '../testing';
import { saveSession } from '../guides/progress';
import type { JobContext } from '../scheduler';
import { OUTSIDE_GATE } from '../context';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;
type Creds = Awaited<ReturnType<typeof signInAs>>;

let app: TestApp;
let clock: ReturnType<typeof testClock>;
let member: Creds;
let official: Creds;

// 09:00 in Vietnam on 25 November 2026.
const NOW = '2026-11-25T02:00:00.000Z';

function entry(overrides: Partial<EntryInput> = {}): EntryInput {
  return {
    day: '2026-11-25',
    time: '08:30',
    channel: 'support_point',
    memberIds: [member.memberId],
    helpKinds: ['vneid'],
    outcome: 'guided_only',
    minutes: 15,
    gender: 'female',
    ageBand: '60_plus',
    village: 'Thôn Plei Ring',
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: { body?: { code: string; fields?: Record<string, string> } }) => e,
  )) as { body: { code: string; fields?: Record<string, string> } } | null;
  expect(error, 'the call should have failed').not.toBeNull();
  return error!.body;
}

const count = async (table: 'logbook_entry' | 'logbook_version' | 'outbox') =>
  Number(
    (
      await app.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeEach(async () => {
  clock = testClock(NOW);
  app = await openTestApp({ now: clock.now });
  member = await signInAs(app, 'duty_member', { fullName: "Siu H'Lan" });
  official = await signInAs(app, 'commune_official', { fullName: 'Ksor Văn Thành' });
});
afterEach(async () => app.cleanup());

describe('entries and versions', () => {
  it('saves an entry with its outbox row, and both roll back together', async () => {
    const saved = await app.invoke('logbook.create', { entry: entry() }, member);
    expect(saved).toEqual({ id: saved.id, version: 1, late: false });
    const outbox = await app.db.selectFrom('outbox').selectAll().where('entity', '=', 'logbook_entry').execute();
    expect(outbox.map((o) => [o.entity_id, o.version, o.day])).toEqual([[saved.id, 1, '2026-11-25']]);

    // Make the outbox refuse: the entry written just before it in the same call must vanish too.
    await sql
      .raw(`create temp trigger refuse_outbox before insert on outbox begin select raise(abort, 'outbox down'); end`)
      .execute(app.db);
    const body = await failure(app.invoke('logbook.create', { entry: entry({ time: '09:00' }) }, member));
    expect(body.code).toBe('internal');
    expect(await count('logbook_entry')).toBe(1);
    expect(await count('logbook_version')).toBe(1);
  });

  it('corrects by adding a version with who, when and why; the old version stays as it was', async () => {
    const { id } = await app.invoke('logbook.create', { entry: entry() }, member);
    clock.advance(30 * 60_000);
    const fixed = await app.invoke(
      'logbook.correct',
      {
        id,
        expectedVersion: 1,
        reason: 'Ghi nhầm kết quả',
        entry: entry({ outcome: 'filed_with_help', applicationCode: 'G22.99-261125-0001' }),
      },
      official,
    );
    expect(fixed).toEqual({ id, version: 2, late: false });

    const detail = await app.invoke('logbook.get', { id }, member);
    expect(detail.currentVersion).toBe(2);
    expect(detail.current.outcome).toBe('filed_with_help');
    expect(detail.history.map((h) => [h.version, h.kind, h.recordedByName, h.reason, h.data.outcome])).toEqual([
      [1, 'create', "Siu H'Lan", null, 'guided_only'],
      [2, 'correction', 'Ksor Văn Thành', 'Ghi nhầm kết quả', 'filed_with_help'],
    ]);
    expect(detail.history[1]!.recordedAt).toBe('2026-11-25T02:30:00.000Z');
    const outbox = await app.db
      .selectFrom('outbox')
      .select(['entity_id', 'version'])
      .where('entity', '=', 'logbook_entry')
      .orderBy('id')
      .execute();
    expect(outbox).toEqual([
      { entity_id: id, version: 1 },
      { entity_id: id, version: 2 },
    ]);

    // A stale screen cannot overwrite a newer version, and an empty correction is refused.
    expect(
      (
        await failure(
          app.invoke('logbook.correct', { id, expectedVersion: 1, reason: 'Sửa lại lần nữa', entry: entry() }, member),
        )
      ).code,
    ).toBe('conflict');
    const same = await failure(
      app.invoke(
        'logbook.correct',
        {
          id,
          expectedVersion: 2,
          reason: 'Không đổi gì',
          entry: entry({ outcome: 'filed_with_help', applicationCode: 'G22.99-261125-0001' }),
        },
        member,
      ),
    );
    expect(same.fields).toEqual({ reason: 'logbook:problems.noChange' });
    expect(await count('logbook_version')).toBe(2);

    // Versions are immutable in the database itself, not only in the code.
    await expect(
      sql.raw(`update logbook_version set facts = '{}' where entry_id = ${id}`).execute(app.db),
    ).rejects.toThrow(/immutable/);
    await expect(sql.raw(`delete from logbook_version where entry_id = ${id}`).execute(app.db)).rejects.toThrow(
      /never deleted/,
    );
  });

  it('refuses bad input with field problems and changes nothing', async () => {
    const cases: [Partial<EntryInput>, string][] = [
      [{ helpKinds: [] }, 'helpKinds'],
      [{ memberIds: [9999] }, 'memberIds'],
      [{ day: '2026-11-26' }, 'day'],
      [{ minutes: 0 }, 'minutes'],
      [{ outcome: 'guided_only', applicationCode: 'X-1' }, 'applicationCode'],
      [{ phone: '12345', consent: { contact: true, ethnicity: false, disability: false } }, 'phone'],
    ];
    for (const [bad, field] of cases) {
      const body = await failure(app.invoke('logbook.create', { entry: entry(bad) }, member));
      expect(body.code, field).toBe('invalid_input');
      expect(Object.keys(body.fields ?? {}), field).toContain(`entry.${field}`);
    }
    expect(await count('logbook_entry')).toBe(0);
    expect(await count('outbox')).toBe(0);
  });
});

describe('consent', () => {
  it('refuses name, phone, ethnicity and disability without their own consent', async () => {
    const none = { contact: false, ethnicity: false, disability: false };
    const refusals: [Partial<EntryInput>, string][] = [
      [{ fullName: 'Nguyễn Văn A', consent: none }, 'entry.consent.contact'],
      [{ phone: '0912345678', consent: none }, 'entry.consent.contact'],
      [{ ethnicity: 'jrai', consent: { ...none, contact: true } }, 'entry.consent.ethnicity'],
      [{ priorityGroups: ['disability'], consent: { ...none, ethnicity: true } }, 'entry.consent.disability'],
    ];
    for (const [bad, field] of refusals) {
      const body = await failure(app.invoke('logbook.create', { entry: entry(bad) }, member));
      expect(body.fields?.[field], field).toMatch(/^logbook:problems\.consent/);
    }
    expect(await count('logbook_entry')).toBe(0);

    const { id } = await app.invoke(
      'logbook.create',
      {
        entry: entry({
          fullName: 'Nguyễn Văn A',
          phone: '0912 345 678',
          ethnicity: 'jrai',
          priorityGroups: ['elderly', 'disability'],
          consent: { contact: true, ethnicity: true, disability: true },
        }),
      },
      member,
    );
    const detail = await app.invoke('logbook.get', { id }, member);
    expect(detail.current.phone).toBe('0912345678');
    expect(detail.current.consent.ethnicity).toEqual({ at: NOW, by: member.memberId, byName: "Siu H'Lan" });

    // A later correction keeps the original consent stamp; withdrawing it requires removing the data.
    clock.advance(3_600_000);
    await app.invoke(
      'logbook.correct',
      {
        id,
        expectedVersion: 1,
        reason: 'Sửa giờ đến',
        entry: entry({
          time: '08:45',
          fullName: 'Nguyễn Văn A',
          phone: '0912345678',
          ethnicity: 'jrai',
          priorityGroups: ['elderly', 'disability'],
          consent: { contact: true, ethnicity: true, disability: true },
        }),
      },
      official,
    );
    expect((await app.invoke('logbook.get', { id }, member)).current.consent.ethnicity?.at).toBe(NOW);
  });
});

describe('closing the day', () => {
  it('lets only officials close; later changes are late amendments', async () => {
    const { id } = await app.invoke('logbook.create', { entry: entry() }, member);
    expect((await failure(app.invoke('logbook.closeDay', { day: '2026-11-25' }, member))).code).toBe('forbidden');
    await app.invoke('logbook.closeDay', { day: '2026-11-25' }, official);
    expect((await failure(app.invoke('logbook.closeDay', { day: '2026-11-25' }, official))).fields).toEqual({
      day: 'logbook:problems.alreadyClosed',
    });

    const book = await app.invoke('logbook.day', { day: '2026-11-25' }, member);
    expect(book.closed?.byName).toBe('Ksor Văn Thành');

    const corrected = await app.invoke(
      'logbook.correct',
      { id, expectedVersion: 1, reason: 'Thêm thời gian', entry: entry({ minutes: 25 }) },
      member,
    );
    expect(corrected.late).toBe(true);
    const added = await app.invoke('logbook.create', { entry: entry({ time: '16:00' }) }, member);
    expect(added.late).toBe(true);
    const history = (await app.invoke('logbook.get', { id }, member)).history;
    expect(history.map((h) => h.late)).toEqual([false, true]);
    const list = await app.invoke('logbook.list', { filter: { from: '2026-11-25', to: '2026-11-25' } }, member);
    expect(list.rows.map((r) => r.late).sort()).toEqual([true, true]);
    // Another day is unaffected.
    expect((await app.invoke('logbook.create', { entry: entry({ day: '2026-11-24' }) }, member)).late).toBe(false);
  });
});

describe('personal data', () => {
  const consented = { contact: true, ethnicity: true, disability: false };

  it('erases personal data after the retention period, from every version; counts stay', async () => {
    clock.set('2025-10-01T03:00:00.000Z');
    const old = await app.invoke(
      'logbook.create',
      {
        entry: entry({
          day: '2025-10-01',
          fullName: 'Rơ Mah Blơng',
          phone: '0987654321',
          birthYear: 1950,
          ethnicity: 'jrai',
          consent: consented,
        }),
      },
      member,
    );
    await app.invoke(
      'logbook.correct',
      {
        id: old.id,
        expectedVersion: 1,
        reason: 'Sửa số điện thoại',
        entry: entry({
          day: '2025-10-01',
          fullName: 'Rơ Mah Blơng',
          phone: '0987654322',
          birthYear: 1950,
          ethnicity: 'jrai',
          consent: consented,
        }),
      },
      member,
    );
    clock.set(NOW);
    const recent = await app.invoke(
      'logbook.create',
      { entry: entry({ fullName: 'Trần Thị B', phone: '0911111111', consent: consented }) },
      member,
    );

    const purged = await app.invokeSystem('logbook.purgeExpired');
    expect(purged).toEqual({ before: '2025-11-25', erased: 1 });
    // The point's own act, on the gate's road: one audit row with no member, named by the method.
    expect(
      await app.db
        .selectFrom('audit_event')
        .select(['member_id', 'action', 'detail'])
        .where('action', '=', 'logbook.purgeExpired')
        .execute(),
    ).toEqual([{ member_id: null, action: 'logbook.purgeExpired', detail: JSON.stringify(purged) }]);
    const versions = await app.db.selectFrom('logbook_version').selectAll().where('entry_id', '=', old.id).execute();
    expect(versions.map((v) => v.person)).toEqual([null, null]);
    const raw =
      JSON.stringify(await app.db.selectFrom('logbook_version').selectAll().execute()) +
      JSON.stringify(await app.db.selectFrom('logbook_entry').selectAll().execute());
    expect(raw).not.toMatch(/Blơng|0987654321|0987654322|blong|1950/);
    expect(raw).toContain('Trần Thị B');

    const detail = await app.invoke('logbook.get', { id: old.id }, member);
    expect(detail.erased?.reason).toBe('retention');
    expect(detail.history.map((h) => [h.reason, h.data.fullName, h.data.ageBand])).toEqual([
      [null, null, '60_plus'],
      ['Sửa số điện thoại', null, '60_plus'],
    ]);
    const list = await app.invoke('logbook.list', { filter: { from: '2025-01-01', to: '2026-12-31' } }, member);
    expect(list.total).toBe(2);
    expect((await app.invokeSystem('logbook.purgeExpired')).erased).toBe(0);
    // Nothing erased, nothing changed: no second audit row.
    expect(
      await app.db.selectFrom('audit_event').select('id').where('action', '=', 'logbook.purgeExpired').execute(),
    ).toHaveLength(1);

    // A shorter retention set by the admin reaches the recent entry too, through the admin's method.
    clock.set('2027-01-10T02:00:00.000Z');
    const admin = await signInAs(app, 'admin');
    const staff = await signInAs(app, 'duty_member');
    expect((await failure(app.invoke('logbook.purgeNow', {}, staff))).code).toBe('forbidden');
    expect(await app.invoke('logbook.purgeNow', {}, admin)).toEqual({ erased: 0 });
    await app.invoke('logbook.settings.update', { retentionMonths: 1 }, admin);
    expect(await app.invoke('logbook.purgeNow', {}, admin)).toEqual({ erased: 1 });
    expect((await app.invoke('logbook.get', { id: recent.id }, staff)).current.fullName).toBeNull();
  });

  it('finds a person by name or phone, erases on request from every version, and records each act', async () => {
    const a = await app.invoke(
      'logbook.create',
      { entry: entry({ fullName: 'Nguyễn Văn An', phone: '0912345678', consent: consented }) },
      member,
    );
    await app.invoke(
      'logbook.correct',
      {
        id: a.id,
        expectedVersion: 1,
        reason: 'Sửa kết quả',
        entry: entry({ outcome: 'referred', fullName: 'Nguyễn Văn An', phone: '0912345678', consent: consented }),
      },
      member,
    );
    const b = await app.invoke(
      'logbook.create',
      { entry: entry({ time: '10:00', fullName: 'Lê Thị Bé', phone: '+84 933 000 111', consent: consented }) },
      member,
    );

    expect((await app.invoke('logbook.findPerson', { query: 'nguyen van an' }, member)).map((r) => r.id)).toEqual([
      a.id,
    ]);
    expect((await app.invoke('logbook.findPerson', { query: '0933 000 111' }, member)).map((r) => r.id)).toEqual([
      b.id,
    ]);
    expect((await app.invoke('logbook.findPerson', { query: '345678' }, member)).map((r) => r.fullName)).toEqual([
      'Nguyễn Văn An',
    ]);

    expect(await app.invoke('logbook.erase', { ids: [a.id], reason: 'Người dân yêu cầu xóa' }, member)).toEqual({
      erased: 1,
    });
    const versions = await app.db.selectFrom('logbook_version').select('person').where('entry_id', '=', a.id).execute();
    expect(versions).toEqual([{ person: null }, { person: null }]);
    expect(await app.invoke('logbook.findPerson', { query: '0912345678' }, member)).toEqual([]);
    const detail = await app.invoke('logbook.get', { id: a.id }, member);
    expect(detail.erased?.reason).toBe('request');
    expect(detail.history.map((h) => [h.version, h.reason])).toEqual([
      [1, null],
      [2, 'Sửa kết quả'],
    ]);
    // Once erased, a correction cannot bring the data back.
    const back = await failure(
      app.invoke(
        'logbook.correct',
        {
          id: a.id,
          expectedVersion: 2,
          reason: 'Ghi lại tên',
          entry: entry({ fullName: 'Nguyễn Văn An', consent: consented }),
        },
        member,
      ),
    );
    expect(back.fields).toEqual({ 'entry.fullName': 'logbook:problems.erased' });

    expect((await app.invoke('logbook.get', { id: b.id }, member)).current.fullName).toBe('Lê Thị Bé');
    const trail = await app.db
      .selectFrom('audit_event')
      .select(['action', 'member_id', 'detail'])
      .where('action', 'like', 'logbook.%')
      .orderBy('id')
      .execute();
    expect(trail.map((t) => t.action)).toEqual([
      'logbook.correct',
      'logbook.find',
      'logbook.find',
      'logbook.find',
      'logbook.erase',
      'logbook.find',
      'logbook.show',
    ]);
    expect(JSON.parse(trail.at(-1)!.detail)).toEqual({ entryId: b.id });
    expect(trail.every((t) => t.member_id === member.memberId)).toBe(true);
    // The trail records the acts, never the names or numbers searched for.
    expect(JSON.stringify(trail)).not.toMatch(/0912|0933|nguyen|Nguyễn/i);
  });
});

describe('lists, exports and the daily book', () => {
  it('filters by range, member, kind of help, outcome and village, a page at a time', async () => {
    const other = await signInAs(app, 'duty_member', { fullName: 'Trần Minh Quân' });
    for (let i = 0; i < 12; i++) {
      await app.invoke(
        'logbook.create',
        {
          entry: entry({
            time: `0${7 + (i % 3)}:${String(i * 4).padStart(2, '0')}`,
            day: i < 9 ? '2026-11-25' : '2026-11-20',
            helpKinds: i % 2 ? ['vneid'] : ['dvc', 'payment'],
            procedure: i % 2 ? null : 'birth',
            outcome: i % 3 ? 'guided_only' : 'filed_online',
            village: i % 4 ? 'Thôn Plei Ring' : 'Làng Bông',
            memberIds: i % 5 ? [member.memberId] : [member.memberId, other.memberId],
          }),
        },
        member,
      );
    }
    const all = { from: '2026-11-01', to: '2026-11-30' };
    const list = (filter: object, page = 1) =>
      app.invoke('logbook.list', { filter: { ...all, ...filter }, page, pageSize: 10 }, member);
    expect((await list({})).total).toBe(12);
    expect((await list({})).rows).toHaveLength(10);
    expect((await list({}, 2)).rows).toHaveLength(2);
    expect((await list({ from: '2026-11-21' })).total).toBe(9);
    expect((await list({ helpKind: 'payment' })).total).toBe(6);
    expect((await list({ outcome: 'filed_online' })).total).toBe(4);
    expect((await list({ village: 'lang bong' })).total).toBe(3);
    expect((await list({ memberId: other.memberId })).total).toBe(3);
    expect((await list({ memberId: other.memberId })).rows[0]!.memberNames).toEqual(["Siu H'Lan", 'Trần Minh Quân']);
    expect((await failure(list({ from: '2026-12-01' }))).fields).toEqual({ 'filter.to': 'logbook:problems.range' });

    const csv = await app.invoke('logbook.export', { filter: { ...all, helpKind: 'payment' }, format: 'csv' }, member);
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(7);
    expect(text).toContain('Nội dung hỗ trợ');
    expect(text).toContain('Đăng ký khai sinh');
    const xlsx = await app.invoke('logbook.export', { filter: all, format: 'xlsx' }, member);
    expect(xlsx.fileName).toBe('so-theo-doi-2026-11-01-2026-11-30.xlsx');
  });

  it("prints the day's entries in order, personal fields only where consented, with totals", async () => {
    await app.invoke(
      'logbook.create',
      {
        entry: entry({
          time: '10:00',
          fullName: 'Nguyễn Văn An',
          phone: '0912345678',
          ethnicity: 'kinh',
          priorityGroups: ['disability'],
          consent: { contact: true, ethnicity: true, disability: true },
        }),
      },
      member,
    );
    await app.invoke(
      'logbook.create',
      {
        entry: entry({
          time: '08:00',
          birthYear: 1990,
          helpKinds: ['dvc', 'payment'],
          procedure: 'birth',
          outcome: 'filed_online',
          applicationCode: 'H1',
        }),
      },
      member,
    );
    const book = await app.invoke('logbook.day', { day: '2026-11-25' }, official);
    expect(book.rows.map((r) => [r.time, r.fullName, r.phone, r.ethnicity, r.birthYear, r.ageBand])).toEqual([
      ['08:00', null, null, null, 1990, '35_59'],
      ['10:00', 'Nguyễn Văn An', '0912345678', 'kinh', null, '60_plus'],
    ]);
    expect(book.totals).toEqual({
      entries: 2,
      minutes: 30,
      byHelpKind: { vneid: 1, dvc: 1, payment: 1 },
      byOutcome: { guided_only: 1, filed_online: 1 },
    });
    expect(book.preparedBy).toEqual(["Siu H'Lan"]);
    expect(book.communeName).toBe('Xã Ia Grai');
    // Exports are for counting and checking, not for carrying people's details around.
    const csv = await app.invoke(
      'logbook.export',
      { filter: { from: '2026-11-25', to: '2026-11-25' }, format: 'csv' },
      official,
    );
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(text).not.toMatch(/Nguyễn Văn An|0912345678|1990|H1/);
  });
});

describe('finishing a ticket records its entry', () => {
  it("takes time, help, desk, member, language and consented contact from the queue's ticket; the form completes it", async () => {
    // A ticket being served at desk 2 since 08:21, with a name and phone given with consent at the kiosk.
    const { rows } = await sql<{
      id: number;
    }>`insert into queue_ticket (day, prefix, seq, number, help_kind, procedure, priority_groups, priority, language, consent, citizen_name, citizen_phone, status, desk, member_id, issued_at, queued_at, called_at, served_at, updated_at)
      values ('2026-11-25', 'A', 3, 'A003', 'dvc', 'birth', '["elderly","disability"]', 1, 'jrai', 1, 'Siu Hiền', '0905111222', 'serving', 2, ${member.memberId}, '2026-11-25T01:00:00Z', '2026-11-25T01:00:00Z', '2026-11-25T01:20:00Z', '2026-11-25T01:21:00Z', '2026-11-25T01:21:00Z') returning id`.execute(
      app.db,
    );
    const ticketId = rows[0]!.id;
    // The database itself refuses a finished ticket without its entry, whatever the code does.
    await expect(
      sql`update queue_ticket set status = 'finished', outcome = 'guided_only' where id = ${ticketId}`.execute(app.db),
    ).rejects.toThrow(/needs its logbook entry/);
    // Guided mode was followed for this ticket: its steps and common errors reach the entry.
    await saveSession(
      {
        db: app.db,
        caller: { role: 'duty_member', memberId: member.memberId, sessionKey: null, device: 'staff', peer: 'system' },
        now: clock.now,
        emit: () => undefined,
        dataDir: app.dataDir,
        guidesDir: app.guidesDir,
        log: app.log,
        afterCommit: () => undefined,
        ...OUTSIDE_GATE,
        step: (work) => work(app.db),
      },
      {
        ticketId,
        guideId: 'vneid-level-1',
        stepsDone: ['install', 'register'],
        stuckStep: 'portrait',
        errors: ['otp-missing'],
      },
    );
    await app.invoke('queue.openDesk', { desk: 2, takeOver: true }, member);
    clock.set('2026-11-25T01:38:30Z');
    const done = await app.invoke('queue.finish', { ticketId, outcome: 'filed_with_help' }, member);
    // Disability needs its own consent before it is written down: the entry says what it lacks.
    expect(done.entry).toEqual({ id: done.entry.id, version: 1, late: false, gaps: ['consentDisability'] });
    const recorded = await app.invoke('logbook.get', { id: done.entry.id }, member);
    expect(recorded.current).toMatchObject({
      ticketId,
      day: '2026-11-25',
      time: '08:21',
      channel: 'support_point',
      desk: 2,
      memberIds: [member.memberId],
      helpKinds: ['dvc', 'vneid'],
      guideId: 'vneid-level-1',
      guideStepsDone: 2,
      guideErrors: [{ ref: 'vneid-level-1/otp-missing', label: 'Không nhận được mã OTP.' }],
      procedure: 'birth',
      outcome: 'filed_with_help',
      minutes: 18,
      language: 'jrai',
      priorityGroups: ['elderly'],
      fullName: 'Siu Hiền',
      phone: '0905111222',
      ageBand: 'unknown',
      gender: 'unspecified',
    });
    expect(recorded.current.consent.contact).toMatchObject({ byName: "Siu H'Lan" });
    expect(recorded).toMatchObject({ gaps: ['consentDisability'], ticketNumber: 'A003', currentVersion: 1 });
    expect((await app.invoke('logbook.openItems', { day: '2026-11-25' }, official)).entries).toEqual([
      { id: done.entry.id, time: '08:21', ticketNumber: 'A003', gaps: ['consentDisability'] },
    ]);

    // The form opens from the prefill, which now points at the entry the finish made.
    const prefill = await app.invoke('logbook.prefill', { ticketId }, member);
    expect(prefill).toMatchObject({ ticket: { number: 'A003' }, fromGuide: true, existingEntryId: done.entry.id });
    expect(prefill.entry.priorityGroups).toEqual(['elderly', 'disability']);
    const full = { ...entry(), ...prefill.entry, gender: 'female' as const };
    // Disability still needs its own consent; a second entry for the ticket cannot be made.
    const refused = await failure(
      app.invoke('logbook.refine', { id: done.entry.id, expectedVersion: 1, entry: full }, member),
    );
    expect(refused.fields).toEqual({ 'entry.consent.disability': 'logbook:problems.consentDisability' });
    expect(
      (
        await failure(
          app.invoke(
            'logbook.create',
            { entry: { ...full, consent: { contact: true, ethnicity: false, disability: true } } },
            member,
          ),
        )
      ).code,
    ).toBe('conflict');
    const refined = await app.invoke(
      'logbook.refine',
      {
        id: done.entry.id,
        expectedVersion: 1,
        entry: { ...full, consent: { contact: true, ethnicity: false, disability: true } },
      },
      member,
    );
    expect(refined).toEqual({ id: done.entry.id, version: 2, late: false });
    const after = await app.invoke('logbook.get', { id: done.entry.id }, member);
    expect(after).toMatchObject({ gaps: [], currentVersion: 2 });
    expect(after.history.map((h) => [h.kind, h.reason])).toEqual([
      ['create', null],
      ['refinement', null],
    ]);
    expect(after.current).toMatchObject({ gender: 'female', priorityGroups: ['elderly', 'disability'] });
    expect((await app.invoke('logbook.openItems', { day: '2026-11-25' }, official)).entries).toEqual([]);
    // Refining again with nothing new is refused; once the day is closed a change needs its reason.
    expect(
      (
        await failure(
          app.invoke(
            'logbook.refine',
            {
              id: done.entry.id,
              expectedVersion: 2,
              entry: { ...full, consent: { contact: true, ethnicity: false, disability: true } },
            },
            member,
          ),
        )
      ).fields,
    ).toEqual({ reason: 'logbook:problems.noChange' });
    await app.invoke('logbook.closeDay', { day: '2026-11-25' }, official);
    expect(
      (
        await failure(
          app.invoke(
            'logbook.refine',
            {
              id: done.entry.id,
              expectedVersion: 2,
              entry: { ...full, minutes: 20, consent: { contact: true, ethnicity: false, disability: true } },
            },
            member,
          ),
        )
      ).fields,
    ).toEqual({ reason: 'logbook:problems.refineClosed' });

    // Erasing the entry on request also clears the copy of the contact details on the ticket.
    await app.invoke('logbook.erase', { ids: [done.entry.id], reason: 'Người dân yêu cầu xóa' }, member);
    const ticket = (
      await sql<{
        citizen_name: string | null;
        citizen_phone: string | null;
      }>`select citizen_name, citizen_phone from queue_ticket where id = ${ticketId}`.execute(app.db)
    ).rows[0];
    expect(ticket).toEqual({ citizen_name: null, citizen_phone: null });
  });
});

describe('demo and generated data', () => {
  it('generates the same valid entries for the same seed, and the demo fills a few days with closed days', async () => {
    const { generateEntries } = await import('./generate');
    const options = { seed: 7, endDay: '2026-11-25', days: 30, perDay: 20, memberIds: [member.memberId] };
    const a = [...generateEntries(options)];
    expect(a.length).toBeGreaterThan(300);
    expect(JSON.stringify([...generateEntries(options)])).toBe(JSON.stringify(a));
    expect(JSON.stringify([...generateEntries({ ...options, seed: 8 })])).not.toBe(JSON.stringify(a));

    const { seedLogbookDemo } = await import('./demo');
    await seedLogbookDemo(app, clock.now());
    const today = await app.invoke('logbook.day', { day: '2026-11-25' }, member);
    expect(today.rows.length).toBeGreaterThan(0);
    expect(today.rows.every((r) => r.time <= '09:00')).toBe(true);
    expect(today.closed).toBeNull();
    const list = await app.invoke('logbook.list', { filter: { from: '2026-11-21', to: '2026-11-25' } }, member);
    expect(list.rows.some((r) => r.version === 2)).toBe(true);
    expect(await count('outbox')).toBe(list.total + 1);
  });
});

describe('scheduled purge', () => {
  it('runs soon after start-up and again on its interval', async () => {
    const { startScheduler } = await import('../scheduler');
    const { SCHEDULED_JOBS } = await import('../jobs');
    await app.invoke(
      'logbook.create',
      { entry: entry({ fullName: 'Đinh Thị Hằng', consent: { contact: true, ethnicity: false, disability: false } }) },
      member,
    );
    // Each run of the real purge job is counted, and the test awaits its end (the database is real).
    let started = 0;
    let finished: () => void = () => undefined;
    const runEnds = () => new Promise<void>((resolve) => (finished = resolve));
    const purge = SCHEDULED_JOBS.filter((job) => job.name === 'logbook-retention').map((job) => ({
      ...job,
      run: async (context: JobContext) => {
        started++;
        await job.run(context);
        finished();
      },
    }));
    const erasedYet = async () =>
      (await app.db.selectFrom('logbook_entry').select('erased_at').executeTakeFirstOrThrow()).erased_at;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const scheduler = startScheduler(app, purge, { firstDelayMs: 5_000, everyMs: 60_000 });
      let end = runEnds();
      await vi.advanceTimersByTimeAsync(4_999);
      expect(started).toBe(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(started).toBe(1);
      await end;
      expect(await erasedYet()).toBeNull();

      clock.set('2028-01-01T00:00:00.000Z');
      end = runEnds();
      // The interval counts from start-up: its first tick is at 60 s.
      await vi.advanceTimersByTimeAsync(54_999);
      expect(started).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(started).toBe(2);
      await end;
      scheduler.stop();
      await vi.advanceTimersByTimeAsync(120_000);
      expect(started).toBe(2);
    } finally {
      vi.useRealTimers();
    }
    expect(await erasedYet()).toBe('2028-01-01T00:00:00.000Z');
  });
});
