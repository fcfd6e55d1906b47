import type { KeyObject } from 'node:crypto';
import { SEAL_INFO, personalAad } from '#shared/uploads/batch';
import type { SealedV1 } from '#shared/uploads/batch-v1';
import { hpkeOpen } from '#core/crypto/hpke';
import { fingerprint, rawPublicKey } from '#core/crypto/signing';
import { openStoredV1 } from './legacy-v1';
import { findUnit } from './registry';
import type { ProvinceDb } from './store';

/**
 * Open the sealed personal part of a point's record, to answer a citizen's access request or to
 * audit an erasure. Needs the key it was sealed to: the personal-data key (`province-seal.pem`
 * and its passphrase) or, for what points holding a /1 key file sealed, the receiving key. Every
 * opening is logged with who and why before anything is shown. The point finds a person's entries
 * (their refs, `logbook_entry:<id>`) from its own logbook; the province opens those refs.
 */
export class OpenError extends Error {}

export interface Opened {
  ref: string;
  version: number;
  day: string;
  personal: unknown;
}

export async function openPersonal(
  db: ProvinceDb,
  target: { unit: string; ref: string },
  keys: KeyObject[],
  who: { by: string; reason: string; at: Date },
): Promise<Opened[]> {
  if (!who.by.trim() || !who.reason.trim()) throw new OpenError('say who opens the data and why (--by, --reason)');
  const unit = await findUnit(db, target.unit);
  const point = await db
    .selectFrom('point')
    .select(['id', 'point_uuid'])
    .where('unit_id', '=', unit.id)
    .where('point_uuid', 'is not', null)
    .orderBy('status')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!point) throw new OpenError(`nothing has been received from ${unit.name}`);
  const rows = await db
    .selectFrom('record')
    .select(['ref', 'version', 'day', 'personal', 'state'])
    .where('point_id', '=', point.id!)
    .where('ref', '=', target.ref)
    .orderBy('version')
    .execute();
  if (!rows.length) throw new OpenError(`no record ${target.ref} from ${unit.name}`);
  const byFingerprint = new Map(keys.map((k) => [fingerprint(rawPublicKey(k)), k]));
  const sealed = rows.filter((r) => r.personal !== null);
  return db.transaction().execute(async (trx) => {
    const opened: Opened[] = [];
    for (const row of sealed) {
      const stored = JSON.parse(row.personal!) as {
        to: string;
        hpke?: { enc: string; ct: string };
        v1?: SealedV1;
        ephemeralKey?: string;
        batchId?: string;
      };
      const key = byFingerprint.get(stored.to);
      if (!key)
        throw new OpenError(`${target.ref} version ${row.version} is sealed to key ${stored.to}, which was not given`);
      await trx
        .insertInto('opening')
        .values({
          id: undefined,
          at: who.at.toISOString(),
          by: who.by.trim(),
          reason: who.reason.trim(),
          point_id: point.id!,
          ref: row.ref,
          version: row.version,
        })
        .execute();
      const personal = stored.hpke
        ? JSON.parse(
            hpkeOpen(
              key,
              { enc: Buffer.from(stored.hpke.enc, 'base64'), ct: Buffer.from(stored.hpke.ct, 'base64') },
              Buffer.from(SEAL_INFO.personal),
              Buffer.from(personalAad(point.point_uuid!, row.ref, row.version)),
            ).toString('utf8'),
          )
        : openStoredV1(key, stored as { v1: SealedV1; ephemeralKey: string; batchId: string }, row.ref, row.version);
      opened.push({ ref: row.ref, version: row.version, day: row.day, personal });
    }
    return opened;
  });
}
