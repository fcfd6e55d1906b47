import { describe, expect, it } from 'vitest';
import { NAMESPACES, resources } from './resources';

/** Every leaf key of a nested resource object, as dotted paths, with its value. */
function leaves(value: unknown, prefix = ''): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

describe('i18n resources', () => {
  for (const ns of NAMESPACES) {
    it(`${ns}: vi and en have exactly the same keys, none empty`, () => {
      const vi = leaves(resources.vi[ns]);
      const en = leaves(resources.en[ns]);
      expect(vi.length).toBeGreaterThan(0);
      expect(en.map(([k]) => k).sort()).toEqual(vi.map(([k]) => k).sort());
      const empty = [...vi.map(([k, v]) => ['vi', k, v] as const), ...en.map(([k, v]) => ['en', k, v] as const)]
        .filter(([, , v]) => typeof v !== 'string' || v.trim() === '')
        .map(([lng, k]) => `${lng}:${ns}.${k}`);
      expect(empty).toEqual([]);
    });
  }

  it('uses the same {{placeholders}} in both languages', () => {
    const problems: string[] = [];
    for (const ns of NAMESPACES) {
      const en = new Map(leaves(resources.en[ns]));
      for (const [key, vi] of leaves(resources.vi[ns])) {
        const names = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
        if (names(vi) !== names(en.get(key))) problems.push(`${ns}.${key}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
