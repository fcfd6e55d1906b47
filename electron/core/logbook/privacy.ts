import { sql } from 'kysely';
import { phoneDigits } from '#shared/logbook/schemas';
import { foldVietnamese } from '#shared/text/fold';
import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import { truncateWal, type Db } from '../db/open';
import type { PointLog } from '../log';
import { erasedRefs, noteErasure } from './erasures';
import { audit } from '../settings/audit';
import { noteForProvince } from '../uploads/outbox';
import { parseJsonColumn } from '../json';
import { factsColumn, personColumn } from './columns';

/**
 * Freed pages are overwritten with zeros, so erased names and phones cannot be read back from
 * the database file (the law asks for deletion that cannot be undone).
 */
async function secureDelete(db: Db): Promise<void> {
  await sql`pragma secure_delete = on`.execute(db);
}

/** Find a person's entries by phone (digits) or name (folded, so diacritics do not matter). */
export async function findPerson(ctx: CoreContext, query: string) {
  const digits = query.replace(/[\s.()+-]/g, '');
  const byPhone = /^\d{4,12}$/.test(digits);
  let q = ctx.db
    .selectFrom('logbook_entry as e')
    .innerJoin('logbook_version as v', (j) =>
      j.onRef('v.entry_id', '=', 'e.id').onRef('v.version', '=', 'e.current_version'),
    )
    .select(['e.id', 'e.day', 'e.time', 'v.facts', 'v.person'])
    .where('e.erased_at', 'is', null);
  q = byPhone
    ? q.where('e.phone_digits', 'like', `%${phoneDigits(digits)}%`)
    : q.where('e.name_fold', 'like', `%${foldVietnamese(query).replace(/[%_]/g, '')}%`);
  const rows = await q.orderBy('e.day', 'desc').limit(100).execute();
  // The search term itself is personal data: the trail keeps the act, not what was typed.
  await audit(ctx, 'logbook.find', { by: byPhone ? 'phone' : 'name', matches: rows.length });
  return rows.map((r) => {
    const facts = parseJsonColumn(factsColumn, r.facts);
    const person = parseJsonColumn(personColumn, r.person);
    return {
      id: r.id,
      day: r.day,
      time: r.time,
      fullName: person?.fullName ?? null,
      phone: person?.phone ?? null,
      helpKinds: facts.helpKinds,
      outcome: facts.outcome,
    };
  });
}

/**
 * Remove the personal part from every version of the chosen entries. The versions keep who,
 * when and why; the entry keeps when and by whom it was erased; the counts do not change.
 */
async function erase(
  db: Db,
  where: { ids: number[] } | { before: string },
  at: string,
  by: number | null,
  reason: 'request' | 'retention',
): Promise<number> {
  await secureDelete(db);
  const targets = db
    .selectFrom('logbook_entry')
    .select(['id', 'day', 'current_version'])
    .where('erased_at', 'is', null)
    .where((eb) => ('ids' in where ? eb('id', 'in', where.ids) : eb('day', '<', where.before)));
  const rows = await targets.execute();
  const ids = rows.map((r) => r.id);
  if (!ids.length) return 0;
  // The erasure travels: the next batch marks each entry erased and the province drops what it holds of the person.
  await noteForProvince(
    db,
    new Date(at),
    rows.map((r) => ({ entity: 'logbook_entry', entityId: r.id, version: r.current_version, day: r.day })),
  );
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db
      .updateTable('logbook_version')
      .set({ person: null })
      .where('entry_id', 'in', chunk)
      .where('person', 'is not', null)
      .execute();
    await db
      .updateTable('logbook_entry')
      .set({ name_fold: null, phone_digits: null, erased_at: at, erased_by: by, erased_reason: reason })
      .where('id', 'in', chunk)
      .execute();
  }
  return ids.length;
}

/** The name and phone may also sit on the queue's ticket an entry came from: erased with it. */
async function eraseTicketContacts(db: Db, ids: number[]): Promise<void> {
  await sql`update queue_ticket set citizen_name = null, citizen_phone = null
    where id in (select ticket_id from logbook_entry where ticket_id is not null and id in (${sql.join(ids)}))`.execute(
    db,
  );
}

export async function eraseOnRequest(ctx: CoreContext, ids: number[], reason: string): Promise<number> {
  const at = ctx.now().toISOString();
  // Noted outside the database first, so no restored backup can bring these people back.
  await noteErasure(ctx.db, ctx.dataDir, ids, at);
  const erased = await erase(ctx.db, { ids }, at, ctx.caller.memberId, 'request');
  await eraseTicketContacts(ctx.db, ids);
  await audit(ctx, 'logbook.erase', { entryIds: ids, erased, reason });
  ctx.log.info(
    { event: 'logbook.erase', entries: ids.length, erased, by: ctx.caller.memberId },
    'personal data erased on request',
  );
  ctx.afterCommit((db) => truncateWal(db));
  ctx.emit('logbook.changed', {});
  return erased;
}

/**
 * After any restore (and at every start, it costs one query): erase again what the list outside
 * the database says was erased, matching each entry by id and creation time.
 */
export async function reapplyErasures(db: Db, dataDir: string, log: PointLog): Promise<number> {
  const refs = erasedRefs(dataDir, log);
  let erased = 0;
  for (let i = 0; i < refs.length; i += 500) {
    const chunk = refs.slice(i, i + 500);
    const rows = await db
      .selectFrom('logbook_entry')
      .select(['id', 'created_at'])
      .where('erased_at', 'is', null)
      .where(
        'id',
        'in',
        chunk.map(([id]) => id),
      )
      .execute();
    const ids = rows
      .filter((r) => chunk.some(([id, createdAt]) => id === r.id && createdAt === r.created_at))
      .map((r) => r.id);
    if (!ids.length) continue;
    await db.transaction().execute(async (trx) => {
      erased += await erase(trx, { ids }, new Date().toISOString(), null, 'request');
      await eraseTicketContacts(trx, ids);
      await trx
        .insertInto('audit_event')
        .values({
          id: undefined,
          at: new Date().toISOString(),
          member_id: null,
          action: 'logbook.eraseAgain',
          detail: JSON.stringify({ entryIds: ids }),
        })
        .execute();
    });
  }
  if (erased) {
    log.warn({ event: 'logbook.eraseAgain', erased }, 'entries erased before a restore were erased again');
    await truncateWal(db);
  }
  return erased;
}

/** The first day still inside the retention period: entries before it lose their personal part. */
export function retentionCutoff(now: Date, months: number): string {
  const [y, m, d] = vnDay(now).split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export async function retentionMonths(db: Db): Promise<number> {
  const row = await db.selectFrom('logbook_setting').select('retention_months').where('id', '=', 1).executeTakeFirst();
  return row?.retention_months ?? 12;
}

/**
 * Erase personal data older than the retention period, in the call's transaction: daily by the
 * point itself (`logbook.purgeExpired`, audited by the gate) and on an admin's demand.
 */
export async function purgeExpired(ctx: CoreContext): Promise<{ before: string; erased: number }> {
  const before = retentionCutoff(ctx.now(), await retentionMonths(ctx.db));
  const erased = await erase(ctx.db, { before }, ctx.now().toISOString(), ctx.caller.memberId, 'retention');
  if (erased) {
    ctx.log.info(
      { event: 'logbook.retentionPurge', erased, by: ctx.caller.memberId },
      'personal data past its retention erased',
    );
    // The WAL still holds the erased frames until it is checkpointed: truncated after the commit.
    ctx.afterCommit((db) => truncateWal(db));
    ctx.emit('logbook.changed', {});
  }
  return { before, erased };
}
