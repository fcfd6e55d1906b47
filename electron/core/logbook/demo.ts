import { vnDay, vnDayStart, vnTime } from '#shared/time/vietnam';
import type { App } from '../app';
import { OUTSIDE_GATE, type CoreContext } from '../context';
import { correctEntry, createEntry } from './entries';
import { generateEntries } from './generate';
import { parseJsonColumn } from '../json';
import { consentColumn, factsColumn, personColumn } from './columns';

const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

/**
 * A few days of the book, today included: entries made through the same service as the desk
 * (so versions and the province's outbox are real), older days closed by the official, and one
 * late correction to show what a history looks like.
 */
export async function seedLogbookDemo(app: App, now = new Date()): Promise<void> {
  const members = await app.db.selectFrom('member').select(['id', 'access_role']).where('active', '=', 1).execute();
  const helpers = members
    .filter((m) => m.access_role === 'duty_member' || m.access_role === 'team_leader')
    .map((m) => m.id);
  const official = members.find((m) => m.access_role === 'commune_official')?.id ?? null;
  if (!helpers.length) return;
  const today = vnDay(now);
  await app.db.transaction().execute(async (db) => {
    const ctx = (memberId: number | null, at: Date): CoreContext => ({
      db,
      caller: { role: 'duty_member', memberId, sessionKey: null, device: 'staff', peer: 'system' },
      now: () => at,
      emit: () => undefined,
      dataDir: app.dataDir,
      guidesDir: app.guidesDir,
      log: app.log,
      afterCommit: () => undefined,
      ...OUTSIDE_GATE,
      step: (work) => work(db),
    });
    const ids: number[] = [];
    for (const entry of generateEntries({ seed: 20261125, endDay: today, days: 5, perDay: 7, memberIds: helpers })) {
      if (entry.day === today) {
        // Today's visits are squeezed into the hours already past, so none lies in the future.
        const nowMinute = minuteOf(vnTime(now));
        if (nowMinute < 460) continue;
        const m = 450 + Math.floor(((minuteOf(entry.time) - 450) * (nowMinute - 455)) / 570);
        entry.time = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        entry.minutes = Math.min(entry.minutes, nowMinute - m);
      }
      const at = new Date(vnDayStart(entry.day).getTime() + (minuteOf(entry.time) + entry.minutes) * 60_000);
      ids.push((await createEntry(ctx(entry.memberIds[0]!, at), entry)).id);
    }
    const closedDays = await db
      .selectFrom('logbook_entry')
      .select('day')
      .distinct()
      .where('day', '<', today)
      .orderBy('day')
      .execute();
    for (const { day } of closedDays.slice(0, -1)) {
      await db
        .insertInto('logbook_day_close')
        .values({
          day,
          closed_at: new Date(vnDayStart(day).getTime() + 17 * 3_600_000).toISOString(),
          closed_by: official,
        })
        .execute();
    }
    const first = ids[0];
    if (first) {
      const v = await db
        .selectFrom('logbook_version')
        .select(['facts', 'person', 'consent'])
        .where('entry_id', '=', first)
        .executeTakeFirstOrThrow();
      const facts = parseJsonColumn(factsColumn, v.facts);
      const person = parseJsonColumn(personColumn, v.person) ?? {
        fullName: null,
        phone: null,
        birthYear: null,
        ethnicity: null,
        applicationCode: null,
      };
      const consent = parseJsonColumn(consentColumn, v.consent);
      await correctEntry(ctx(helpers[0]!, now), {
        id: first,
        expectedVersion: 1,
        reason: 'Ghi thiếu thời gian hỗ trợ',
        entry: {
          ...facts,
          ...person,
          minutes: facts.minutes + 10,
          consent: { contact: !!consent.contact, ethnicity: !!consent.ethnicity, disability: !!consent.disability },
        },
      });
    }
  });
}
