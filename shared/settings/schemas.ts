import { z } from 'zod';
import { isGiaLaiUnit } from './communes';
import { isTrivialPin, PIN_MAX_DIGITS, PIN_MIN_DIGITS } from './pin-rules';
import { MINORITY_LANGUAGES } from './languages';

/** Form-level problems are i18n keys under `settings:problems.*`, shown next to the field. */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'settings:problems.time');
const pinRule = (lengthProblem: string) =>
  z
    .string()
    .regex(new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`), lengthProblem)
    .refine((value) => !isTrivialPin(value), 'settings:problems.pinTrivial');
export const pin = pinRule('settings:problems.pin');
export const adminPin = pinRule('settings:problems.adminPin');
const text = (max: number) =>
  z.string().trim().min(1, 'settings:problems.required').max(max, 'settings:problems.tooLong');

export { LANGUAGES, MINORITY_LANGUAGES, type Language } from './languages';

const pointFields = z.object({
  communeName: text(80),
  isPilotCommune: z.boolean(),
  /**
   * Official 5-digit code (Decision 19/2025), typed by the user and never guessed. It may stay
   * empty: the province knows the point by its enrolled key and records the code itself; when
   * given, batches carry it and the province checks it against its registry.
   */
  communeCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, 'settings:problems.communeCode'),
  pointName: text(120),
  address: text(200),
  deskCount: z.number().int().min(1, 'settings:problems.desks').max(9, 'settings:problems.desks'),
  openTime: time,
  closeTime: time,
  saturdayOpen: z.boolean(),
  /** Minority languages spoken in the commune: the roster and queue try to cover them. */
  localLanguages: z.array(z.enum(MINORITY_LANGUAGES)).max(2),
});
const hoursInOrder = (s: { openTime: string; closeTime: string }) => s.openTime < s.closeTime;

/** The settings as stored (a point set up before the list of units may hold a typed name). */
export const pointSettings = pointFields.refine(hoursInOrder, {
  path: ['closeTime'],
  message: 'settings:problems.hours',
});
export type PointSettings = z.output<typeof pointSettings>;

/** The settings as entered: the commune is one of Gia Lai's 135 units, spelt as the list spells it. */
export const pointSettingsInput = pointFields
  .extend({ communeName: z.string().refine(isGiaLaiUnit, 'settings:problems.communeName') })
  .refine(hoursInOrder, { path: ['closeTime'], message: 'settings:problems.hours' });

export const setupInput = z.object({
  point: pointSettingsInput,
  adminName: text(80),
  adminPin,
});
export type SetupInput = z.input<typeof setupInput>;
