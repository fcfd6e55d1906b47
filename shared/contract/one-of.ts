/**
 * Whether `value` is one of a closed list (a `const` array of literals), narrowing it: what
 * `(LIST as readonly string[]).includes(value)` and a cast after it would do, checked.
 */
export function isOneOf<T extends string>(list: readonly T[], value: string | null | undefined): value is T {
  return value !== null && value !== undefined && (list as readonly string[]).includes(value);
}
