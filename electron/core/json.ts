import type { z } from 'zod';

/** JSON text the core reads back (a file, a column), checked against its schema. */
export function parseJson<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  return schema.parse(JSON.parse(text));
}

/**
 * A JSON column read back, checked against its schema at the row boundary: a row that is not
 * what the code wrote fails here, by name, instead of three calls later as `undefined`.
 */
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string): z.output<S>;
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string | null): z.output<S> | null;
export function parseJsonColumn<S extends z.ZodType>(schema: S, text: string | null): z.output<S> | null {
  return text === null ? null : parseJson(schema, text);
}
