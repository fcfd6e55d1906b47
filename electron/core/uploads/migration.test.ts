import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZERO_HASH } from '#shared/uploads/batch';
import { generateProvinceKeys } from '#province/keys';
import { packageV1 } from '#province/v1-fixture';
import { generateSigningKey } from '../crypto/signing';
import { migrate } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openDatabase } from '../db/open';

describe('a point upgrading from dhs-batch/1', () => {
  it('builds its ledger of what the province holds by replaying its own /1 batches, newest version per record', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhs-upgrade-'));
    const db = openDatabase(join(dir, 'point.sqlite3'));
    try {
      await migrate(
        db,
        MIGRATIONS.slice(
          0,
          MIGRATIONS.findIndex((m) => m.name === '0502_uploads_v2'),
        ),
      );
      const key = generateSigningKey();
      const province = generateProvinceKeys().secret;
      const point = {
        pointId: '3b9a6c1e-2f4d-4a5b-8c6d-7e8f9a0b1c2d',
        communeCode: '23410',
        communeName: 'Xã Ia Grai',
        signPublic: key.publicRaw,
        signPrivatePem: key.privatePem,
      };
      const item = (ref: string, version: number, day: string, erased = false) => ({
        entity: ref.split(':')[0] as 'logbook_entry',
        ref,
        version,
        supersedes: version > 1 ? version - 1 : null,
        day,
        late: false,
        erased,
        clear: {},
        secret: erased ? null : { personal: {}, categories: {} },
      });
      const one = packageV1({
        point,
        province,
        seq: 1,
        prevHash: ZERO_HASH,
        createdAt: 'x',
        closesDays: ['2026-11-02'],
        items: [item('logbook_entry:1', 1, '2026-11-02'), item('activity:7', 1, '2026-11-02')],
      });
      const two = packageV1({
        point,
        province,
        seq: 2,
        prevHash: one.hash,
        createdAt: 'x',
        closesDays: [],
        items: [item('logbook_entry:1', 2, '2026-11-03'), item('activity:7', 1, '2026-11-02', true)],
      });
      for (const [seq, made] of [
        [1, one],
        [2, two],
      ] as const) {
        await db
          .insertInto('upload_batch')
          .values({
            seq,
            batch_id: made.file.manifest.batchId,
            kind: made.file.manifest.kind,
            created_at: 'x',
            period_from: null,
            period_to: null,
            closes_days: '[]',
            record_count: 2,
            manifest_hash: made.hash,
            prev_hash: made.file.manifest.prevHash,
            file_name: `f${seq}`,
            content: made.text,
            saved_at: null,
            sent_at: null,
            acknowledged_at: null,
            receipt: null,
            attempts: 0,
            next_attempt_at: null,
            last_error: null,
            last_error_at: null,
          })
          .execute();
      }
      expect(await migrate(db, MIGRATIONS)).toContain('0502_uploads_v2');
      expect(await db.selectFrom('upload_sent').selectAll().orderBy('entity').execute()).toEqual([
        { entity: 'activity', entity_id: 7, version: 1, day: '2026-11-02', state: 'deleted', batch_seq: 2 },
        { entity: 'logbook_entry', entity_id: 1, version: 2, day: '2026-11-03', state: 'recorded', batch_seq: 2 },
      ]);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
