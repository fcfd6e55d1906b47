import { z } from 'zod';
import type { CallerRole } from './roles';
import { isRealDay } from '../time/vietnam';

/**
 * How the gate runs a method:
 * - `read`: on the plain connection; it writes nothing.
 * - `write`: inside one database transaction per call (one user action = one transaction), so an
 *   acknowledged write is durable and a failed one changes nothing.
 * - `steps`: work that must not hold the point's one write transaction (copying the database
 *   file, a round trip to the province's server): it runs outside any transaction and writes only
 *   through `ctx.step`, each step a short transaction of its own, committed as it ends.
 */
export const METHOD_KINDS = ['read', 'write', 'steps'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

/** One API method: its input and output schemas, who may call it, and how it runs (`MethodKind`). */
export interface MethodSpec<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  R extends string = CallerRole,
> {
  readonly input: I;
  readonly output: O;
  /** The point's roles by default; the province hub declares its own (`shared/province/roles.ts`). */
  readonly roles: readonly R[];
  readonly kind: MethodKind;
  /** Largest accepted request body in bytes (default 256 KiB); imports raise it. */
  readonly maxBytes?: number;
  /** Short description for `GET /api/methods`. */
  readonly summary: string;
}

export function method<I extends z.ZodType, O extends z.ZodType, R extends string = CallerRole>(
  spec: MethodSpec<I, O, NoInfer<R>>,
): MethodSpec<I, O, R> {
  return spec;
}

export type MethodTable = Record<string, MethodSpec>;
type AnySpec = MethodSpec<z.ZodType, z.ZodType, string>;
export type InputOf<M extends AnySpec> = z.input<M['input']>;
export type ParsedInputOf<M extends AnySpec> = z.output<M['input']>;
export type OutputOf<M extends AnySpec> = z.output<M['output']>;

export const DEFAULT_MAX_BYTES = 256 * 1024;

/** Schemas reused by many domains. */
export const ok = z.object({ ok: z.literal(true) });
export const empty = z.object({}).strict();
export const id = z.number().int().positive();
export const isoDay = z.string().refine(isRealDay, 'common:invalidDay');
