import communes from './gia-lai-communes-2025.json';

/**
 * The 135 commune-level units of Gia Lai (25 wards, 110 communes) after Resolution
 * 1664/NQ-UBTVQH15: the list the setup wizard picks from and the province's registry is seeded
 * with. `gia-lai-communes-2025.json` beside this file says where it comes from. It holds names
 * only: official codes (Decision 19/2025/QĐ-TTg) could not be verified, so none is stored; the
 * province enters each unit's code when it enrols the unit's point.
 */
export interface AdministrativeUnit {
  name: string;
  kind: 'ward' | 'commune';
}

export const GIA_LAI_UNITS: readonly AdministrativeUnit[] = communes.units as AdministrativeUnit[];
export const UNIT_NAMES: readonly string[] = GIA_LAI_UNITS.map((u) => u.name);
export const COMMUNE_LIST_ABOUT: string = communes.about;

export function isGiaLaiUnit(name: string): boolean {
  return UNIT_NAMES.includes(name);
}

/**
 * The 30 pilot "nucleus communes" of the decision's appendix (seed, Phụ lục), spelt as the
 * appendix spells them; one ("Xã Đăk Đoa") is spelt "Xã Đak Đoa" in the list of units.
 */
export const PILOT_COMMUNES = [
  'Phường Quy Nhơn',
  'Phường Quy Nhơn Nam',
  'Xã Tuy Phước',
  'Phường An Nhơn Nam',
  'Xã Đề Gi',
  'Xã Canh Vinh',
  'Xã Tây Sơn',
  'Xã Vĩnh Thạnh',
  'Xã Phù Mỹ Bắc',
  'Xã Ân Tường',
  'Xã An Hòa',
  'Phường Tam Quan',
  'Phường Pleiku',
  'Xã Biển Hồ',
  'Xã Chư Păh',
  'Xã Chư Prông',
  'Xã Chư Sê',
  'Xã Chư Pưh',
  'Phường An Bình',
  'Xã Đak Pơ',
  'Xã Kbang',
  'Xã Kông Chro',
  'Phường Ayun Pa',
  'Xã Phú Thiện',
  'Xã Ia Pa',
  'Xã Phú Túc',
  'Xã Đăk Đoa',
  'Xã Mang Yang',
  'Xã Ia Grai',
  'Xã Đức Cơ',
] as const;

/** The appendix's spellings that differ from the list of units (shown where pilots are listed). */
export const PILOT_SPELLING_VARIANTS: Readonly<Record<string, string>> = communes.pilotSpellingVariants;
const VARIANTS = PILOT_SPELLING_VARIANTS;

/** The pilot communes under their names in the list of units. */
export const PILOT_UNIT_NAMES: readonly string[] = PILOT_COMMUNES.map((name) => VARIANTS[name] ?? name);

export function isPilotUnit(name: string): boolean {
  return PILOT_UNIT_NAMES.includes(name);
}

export const PROVINCE = { code: '52', name: 'Gia Lai' } as const;
