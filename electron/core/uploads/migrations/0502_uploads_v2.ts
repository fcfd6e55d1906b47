import { sql } from 'kysely';
import { execAll, type Migration } from '#core/db/migration';

/**
 * dhs-batch/2 at the point. `upload_sent` is the point's ledger of what the province holds:
 * for each record, the newest version sent and its day and state. A batch's per-day totals are
 * counted from it, so the province can check that it holds exactly what was sent. It is filled
 * here by replaying the point's own /1 batches (their bytes are kept), record by record, the way
 * the province stored them.
 */
export const uploadsMigration0502: Migration = {
  name: '0502_uploads_v2',
  async up(db) {
    await execAll(db, [
      // The province's personal-data key (DHS-PROVINCE-KEY/2): records' personal parts are
      // sealed to it; until it is imported they are sealed to the receiving key, as in /1.
      `alter table upload_identity add column province_seal_key text`,
      `create table upload_sent (
        entity text not null,
        entity_id integer not null,
        version integer not null,
        day text not null,
        state text not null check (state in ('recorded','erased','deleted')),
        batch_seq integer not null,
        primary key (entity, entity_id)
      ) strict`,
      `create index upload_sent_day on upload_sent(day, entity)`,
      // How the day was closed, as the batch told the province ('official' | 'automatic').
      `alter table upload_closed_day add column closed_at text`,
      `alter table upload_closed_day add column closed_by text`,
    ]);
    const batches = await sql<{
      seq: number;
      content: string;
    }>`select seq, content from upload_batch order by seq`.execute(db);
    for (const batch of batches.rows) {
      const items = (
        JSON.parse(batch.content) as {
          records: { items: { ref: string; version: number; day: string; erased: boolean }[] };
        }
      ).records.items;
      for (const item of items) {
        const at = item.ref.indexOf(':');
        await sql`insert into upload_sent (entity, entity_id, version, day, state, batch_seq)
          values (${item.ref.slice(0, at)}, ${Number(item.ref.slice(at + 1))}, ${item.version}, ${item.day}, ${item.erased ? 'deleted' : 'recorded'}, ${batch.seq})
          on conflict (entity, entity_id) do update set version = excluded.version, day = excluded.day, state = excluded.state, batch_seq = excluded.batch_seq
          where excluded.version >= upload_sent.version`.execute(db);
      }
    }
  },
};
