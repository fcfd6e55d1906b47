import { AppError } from '#shared/contract';
import type { PointSettings, SetupInput } from '#shared/settings/schemas';
import type { Db } from '../db/open';
import type { PointSettingTable } from './schema';
import { hashNewPin } from './pin';
import { parseJsonColumn } from '../json';
import { localLanguagesColumn } from './columns';

export async function readPointRow(db: Db): Promise<PointSettingTable | undefined> {
  return db.selectFrom('point_setting').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** The point's settings; refused before first-run setup. */
export async function readPointSettings(db: Db): Promise<PointSettings> {
  const row = await readPointRow(db);
  if (!row) throw new AppError('not_configured');
  return {
    communeName: row.commune_name,
    isPilotCommune: row.is_pilot_commune === 1,
    communeCode: row.commune_code ?? '',
    pointName: row.point_name,
    address: row.address,
    deskCount: row.desk_count,
    openTime: row.open_time,
    closeTime: row.close_time,
    saturdayOpen: row.saturday_open === 1,
    localLanguages: parseJsonColumn(localLanguagesColumn, row.local_languages),
  };
}

function toRow(point: PointSettings) {
  return {
    commune_name: point.communeName,
    is_pilot_commune: point.isPilotCommune ? 1 : 0,
    commune_code: point.communeCode || null,
    point_name: point.pointName,
    address: point.address,
    desk_count: point.deskCount,
    open_time: point.openTime,
    close_time: point.closeTime,
    saturday_open: point.saturdayOpen ? 1 : 0,
    local_languages: JSON.stringify(point.localLanguages),
  };
}

/** First run: the point's settings and the admin account, together or not at all. */
export async function completeSetup(
  db: Db,
  input: SetupInput & { point: PointSettings },
  now: Date,
  adminPinHash?: string,
): Promise<void> {
  if (await readPointRow(db)) throw new AppError('already_configured');
  const at = now.toISOString();
  await db
    .insertInto('point_setting')
    .values({ id: 1, ...toRow(input.point), configured_at: at })
    .execute();
  await db
    .insertInto('member')
    .values({
      full_name: input.adminName,
      access_role: 'admin',
      position: null,
      origin: null,
      sub_group: null,
      village: null,
      skills: '[]',
      languages: '["vi"]',
      phone: null,
      pin_hash: adminPinHash ?? (await hashNewPin(input.adminPin, 'adminPin')),
      active: 1,
      locked_until: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updatePointSettings(db: Db, point: PointSettings): Promise<void> {
  const result = await db.updateTable('point_setting').set(toRow(point)).where('id', '=', 1).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('not_configured');
}
