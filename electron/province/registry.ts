import { foldVietnamese } from '#shared/text/fold';
import { ZERO_HASH } from '#shared/uploads/batch';
import type { ProvinceDatabase, ProvinceDb } from './store';

/**
 * The province's registry of its 135 units and the point enrolled for each. A point is enrolled
 * by the fingerprint its admin reads out over the phone (Uploads screen), the way the point is
 * given the province's; the province enters the unit's official code then, never guessed.
 * One active point per unit; a retired point's batches are refused.
 */
export class RegistryError extends Error {}

export type Unit = ProvinceDatabase['unit'] & { id: number };

/** `3f2a 91c0…`, `3F2A91C0…` and `3F2A-91C0-…` are the same fingerprint. */
export function normaliseFingerprint(text: string): string {
  const hex = text.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{16}$/.test(hex))
    throw new RegistryError(`not a key fingerprint (16 hex digits, e.g. 3F2A-91C0-77BE-0D14): ${text}`);
  return hex.match(/.{4}/g)!.join('-');
}

const withoutKind = (folded: string) => folded.replace(/^(xa|phuong) /, '');

/** A unit by its exact name, its code, or its name typed without diacritics or without "Xã"/"Phường". */
export async function findUnit(db: ProvinceDb, text: string): Promise<Unit> {
  const units = (await db.selectFrom('unit').selectAll().execute()) as Unit[];
  const exact = units.find((u) => u.name === text.trim() || (u.code !== null && u.code === text.trim()));
  if (exact) return exact;
  const folded = foldVietnamese(text);
  const matches = units.filter(
    (u) => foldVietnamese(u.name) === folded || withoutKind(foldVietnamese(u.name)) === withoutKind(folded),
  );
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new RegistryError(
      `"${text}" names several units: ${matches.map((u) => u.name).join(', ')}; give the full name`,
    );
  throw new RegistryError(`no unit named "${text}" in the registry of Gia Lai's 135 units`);
}

export interface Enrolment {
  unit: string;
  fingerprint: string;
  /** The unit's official code (Decision 19/2025/QĐ-TTg), when the province has it. */
  code?: string | undefined;
  by: string;
  at: Date;
}

export async function enrolPoint(db: ProvinceDb, input: Enrolment): Promise<{ unit: Unit; fingerprint: string }> {
  const fingerprint = normaliseFingerprint(input.fingerprint);
  if (!input.by.trim()) throw new RegistryError('say who enrols the point (--by)');
  return db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, input.unit);
    const active = await trx
      .selectFrom('point')
      .select(['enrolled_fingerprint'])
      .where('unit_id', '=', unit.id)
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (active)
      throw new RegistryError(
        `${unit.name} already has an enrolled point (${active.enrolled_fingerprint}); retire it first`,
      );
    const taken = await trx
      .selectFrom('point')
      .select('id')
      .where((eb) => eb.or([eb('enrolled_fingerprint', '=', fingerprint), eb('fingerprint', '=', fingerprint)]))
      .executeTakeFirst();
    if (taken) throw new RegistryError(`key ${fingerprint} is already enrolled`);
    if (input.code !== undefined) await setCode(trx, unit, input.code);
    await trx
      .insertInto('point')
      .values(enrolledPoint(unit.id, fingerprint, input.at, input.by.trim()))
      .execute();
    return { unit: await findUnit(trx, unit.name), fingerprint };
  });
}

async function setCode(db: ProvinceDb, unit: Unit, code: string): Promise<void> {
  if (!/^\d{5}$/.test(code)) throw new RegistryError(`a commune code has exactly 5 digits: ${code}`);
  if (unit.code === code) return;
  if (unit.code !== null) throw new RegistryError(`${unit.name} already has code ${unit.code}`);
  const other = await db.selectFrom('unit').select('name').where('code', '=', code).executeTakeFirst();
  if (other) throw new RegistryError(`code ${code} is already the code of ${other.name}`);
  await db.updateTable('unit').set({ code }).where('id', '=', unit.id).execute();
}

export async function setUnitCode(db: ProvinceDb, unitText: string, code: string): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const unit = await findUnit(trx, unitText);
    await setCode(trx, unit, code);
    return findUnit(trx, unit.name);
  });
}

/** Retire a unit's point (stolen PC, a new installation): its batches are refused from now on. */
export async function retirePoint(db: ProvinceDb, unitText: string, reason: string, at: Date): Promise<string> {
  if (!reason.trim()) throw new RegistryError('say why the point is retired (--reason)');
  const unit = await findUnit(db, unitText);
  const active = await db
    .selectFrom('point')
    .select(['id', 'fingerprint', 'enrolled_fingerprint'])
    .where('unit_id', '=', unit.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!active) throw new RegistryError(`${unit.name} has no enrolled point`);
  await db
    .updateTable('point')
    .set({ status: 'retired', retired_at: at.toISOString(), retired_reason: reason.trim() })
    .where('id', '=', active.id)
    .execute();
  return active.fingerprint ?? active.enrolled_fingerprint;
}

export async function listUnits(db: ProvinceDb) {
  return db
    .selectFrom('unit')
    .leftJoin('point', (j) => j.onRef('point.unit_id', '=', 'unit.id').on('point.status', '=', 'active'))
    .select([
      'unit.name',
      'unit.kind',
      'unit.code',
      'unit.pilot',
      'point.enrolled_fingerprint',
      'point.fingerprint',
      'point.enrolled_at',
      'point.last_seq',
      'point.point_uuid',
    ])
    .orderBy('unit.kind', 'desc')
    .orderBy('unit.name')
    .execute();
}

/** A point's row when it is enrolled: active, and bound to its key and id by its first batch. */
export function enrolledPoint(unitId: number, fingerprint: string, at: Date, by: string) {
  return {
    id: undefined,
    unit_id: unitId,
    enrolled_fingerprint: fingerprint,
    enrolled_at: at.toISOString(),
    enrolled_by: by,
    status: 'active' as const,
    retired_at: null,
    retired_reason: null,
    point_uuid: null,
    public_key: null,
    fingerprint: null,
    last_seq: 0,
    head_hash: ZERO_HASH,
    first_received_at: null,
    first_day: null,
  };
}
