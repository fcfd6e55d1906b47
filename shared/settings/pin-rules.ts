/**
 * What a staff PIN must be. Every staff account can see citizens' names and phones (the desk,
 * the logbook), so every one needs six digits or more; a PIN anyone would try first is refused.
 */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 8;

/** PINs people pick when told "six digits": refused whatever the rules below say. */
const COMMON = new Set([
  '123123',
  '112233',
  '121212',
  '147258',
  '159357',
  '246810',
  '135790',
  '131313',
  '696969',
  '520520',
  '123321',
  '102030',
]);

/**
 * A PIN an attacker tries first: one digit repeated, a run up or down (123456, 987654,
 * 890123), a short block repeated (121212, 123123), or one of the well-known ones.
 */
export function isTrivialPin(pin: string): boolean {
  if (!/^\d+$/.test(pin)) return false;
  if (COMMON.has(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0]!)) return true;
  for (const period of [2, 3, 4]) {
    if (pin.length % period === 0 && pin.length > period && pin === pin.slice(0, period).repeat(pin.length / period))
      return true;
  }
  return false;
}
