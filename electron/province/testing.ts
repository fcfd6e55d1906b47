import type { Db } from '../core/db/open';
import { ensureIdentity } from '../core/uploads/identity';
import { enrolPoint } from './registry';
import type { ProvinceDb } from './store';

/** For tests: the province enrols a point from what its admin would read out (fingerprint, commune). */
export async function enrolPointOf(store: ProvinceDb, pointDb: Db, options: { code?: string } = {}): Promise<string> {
  const identity = await ensureIdentity(pointDb, new Date());
  const setting = await pointDb.selectFrom('point_setting').select('commune_name').where('id', '=', 1).executeTakeFirstOrThrow();
  await enrolPoint(store, { unit: setting.commune_name, fingerprint: identity.fingerprint, code: options.code, by: 'Cán bộ Sở KH&CN (test)', at: new Date() });
  return identity.fingerprint;
}
