import fc from 'fast-check';
import { z } from 'zod';
import type { MethodSpec } from '#shared/contract';

/** Keys the method's input knows about, from its JSON Schema (nested one level). */
export function inputKeys(spec: MethodSpec): string[] {
  try {
    const schema = z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }) as {
      properties?: Record<string, unknown>;
    };
    return Object.keys(schema.properties ?? {});
  } catch {
    return [];
  }
}

const nasty = fc.constantFrom<unknown>(
  '',
  ' ',
  '\u0000',
  'null',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; drop table member; --",
  'x'.repeat(5000),
  -1,
  0,
  1.5,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  true,
  false,
  null,
  [],
  {},
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: 1 } } },
  '2026-02-30',
  '9999-99-99',
  'Ngày 1',
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: nasty },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/**
 * Inputs a broken or hostile client could send: anything at all, or the right keys holding the
 * wrong things, with extra keys and prototype tricks mixed in.
 */
export function badInput(spec: MethodSpec): fc.Arbitrary<unknown> {
  const keys = inputKeys(spec);
  const shaped = keys.length
    ? fc
        .record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] })
        .chain((base) =>
          fc
            .dictionary(
              fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'role'), fc.string({ maxLength: 8 })),
              value,
              { maxKeys: 2 },
            )
            .map((extra) => ({ ...base, ...extra })),
        )
    : fc.dictionary(fc.string({ maxLength: 8 }), value, { maxKeys: 3 });
  return fc
    .oneof({ weight: 1, arbitrary: value }, { weight: 3, arbitrary: shaped }) // The gate reads a missing body as {}: judge the input as it will.
    .filter((input) => !spec.input.safeParse(input ?? {}).success);
}

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  format?: string;
};

/** Values that fit a JSON Schema (best effort): well-formed input with arbitrary meaning. */
function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => fromSchema(s, depth + 1)));
  if (schema.allOf?.length) return fromSchema(schema.allOf[0]!, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      if (schema.pattern) {
        try {
          return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 10_000));
        } catch {
          /* an unsupported pattern: plain strings below */
        }
      }
      return fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 60, 200),
        unit: 'grapheme',
      });
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -5);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 10_000);
      return fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) });
    }
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      if (depth > 4) return fc.constant([]);
      return fc.array(fromSchema(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 6),
      });
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = schema.properties ?? {};
      const keys = Object.keys(props);
      return fc.record(Object.fromEntries(keys.map((k) => [k, fromSchema(props[k]!, depth + 1)])), {
        requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)),
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Input shaped like the method's schema, with random content: valid or not, never a 500. */
export function shapedInput(spec: MethodSpec): fc.Arbitrary<unknown> {
  try {
    return fromSchema(z.toJSONSchema(spec.input, { unrepresentable: 'any', io: 'input' }) as JsonSchema);
  } catch {
    return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A fixed seed per method keeps `npm test` repeatable; FAULT_SEED explores other corners. */
export function seedFor(name: string): number {
  let h = Number(process.env.FAULT_SEED ?? 0x5eed) | 0;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h;
}
