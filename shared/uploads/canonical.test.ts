import { describe, expect, it } from 'vitest';
import { canonicalJson, isCanonicalText } from './batch';

/** What the full canonicalisation says of a text: the quick check must agree with it on every input. */
function reference(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}

const TEXTS = [
  // Canonical: sorted keys, nested, arrays, numbers as ECMAScript writes them, non-ASCII as is.
  '{"a":1,"b":[true,false,null,{"c":"d"}],"e":{"f":-1.5,"g":1e+21,"h":0.000001}}',
  '{"batch":{"name":"Ia Grai","ref":"logbook_entry:10"},"signature":"AAAA"}',
  '{"":0,"A":1,"a":2,"é":3,"😀":4,"ｆ":5}',
  '[]',
  '{}',
  '"plain"',
  // Escapes that JCS writes (control characters) and ones it refuses (lone surrogates).
  '{"a":"\\u0001\\n\\t"}',
  '{"a":"\\u001f"}',
  '{"a":"\\ud800"}',
  '{"a":"x\\udc00y"}',
  '{"a":"\\ud83d\\ude00"}',
  '{"a":"\\u0041"}',
  '{"\\u0061":1}',
  '{"a":"back\\\\u0041slash"}',
  // Integer-like keys: the engine keeps them in numeric order, JCS in code-unit order.
  '{"10":1,"9":2}',
  '{"9":2,"10":1}',
  '{"1":1,"a":2}',
  '{"a":2,"1":1}',
  // Not canonical: unsorted, repeated, spaced, numbers and strings spelt otherwise.
  '{"b":1,"a":2}',
  '{"a":1,"a":2}',
  '{"a":1,"b":2,"a":3}',
  '{"a": 1}',
  ' {"a":1}',
  '{"a":1}\n',
  '{"a":1.0}',
  '{"a":-0}',
  '{"a":1E3}',
  '{"a":1e21}',
  '{"a":"\\/"}',
  '{"a":"é"}'.replace('é', '\\u00e9'),
  '{"a":{"z":1,"y":2}}',
  '[{"b":1,"a":2}]',
];

describe('isCanonicalText: the quick canonical check gives what the full canonicalisation gives', () => {
  it.each(TEXTS)('%s', (text) => {
    expect(isCanonicalText(text, JSON.parse(text))).toBe(reference(text));
  });

  it('the vectors above cover both answers, and the quick path and the fallback on each side', () => {
    const answers = TEXTS.map((t) => isCanonicalText(t, JSON.parse(t)));
    expect(answers.filter(Boolean).length).toBeGreaterThan(5);
    expect(answers.filter((a) => !a).length).toBeGreaterThan(10);
    // Canonical although the engine reorders its keys (decided by the fallback).
    expect(isCanonicalText('{"10":1,"9":2}', JSON.parse('{"10":1,"9":2}'))).toBe(true);
    // Refused although JSON.stringify reproduces it byte for byte: JCS refuses a lone surrogate.
    expect(JSON.stringify(JSON.parse('{"a":"\\ud800"}'))).toBe('{"a":"\\ud800"}');
    expect(isCanonicalText('{"a":"\\ud800"}', JSON.parse('{"a":"\\ud800"}'))).toBe(false);
  });

  it('agrees on random documents, canonical and shuffled', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const keys = ['a', 'b', 'B', '1', '10', '2', 'é', 'ref', '', 'z_1'];
    const leaf = () => pick<unknown>([0, -3, 1.25, 1e-7, 123456789012, 'x', 'Gia Lai', '\u0007', true, null]);
    const value = (depth: number): unknown => {
      if (depth > 2 || random() < 0.3) return leaf();
      if (random() < 0.3) return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [pick(keys), value(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const v = value(0);
      for (const text of [canonicalJson(v), JSON.stringify(v)]) {
        expect(isCanonicalText(text, JSON.parse(text))).toBe(reference(text));
      }
    }
  });
});
