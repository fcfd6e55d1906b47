import { describe, expect, it } from 'vitest';
import { UI_TEXT_KEYS } from '../community/keys';
import { citizenTexts } from './citizen-resources';
import { readerTexts } from './reader-resources';
import { CITIZEN_NAMESPACES, NAMESPACES, resources } from './resources';
import { staffTexts } from './staff-resources';

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
        const names = (s: unknown) =>
          [...String(s).matchAll(/\{\{(\w+)\}\}/g)]
            .map((m) => m[1])
            .sort()
            .join(',');
        if (names(vi) !== names(en.get(key))) problems.push(`${ns}.${key}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every text the citizen screens speak in the namespaces loaded with the page', () => {
    const namespace = (key: string) => key.split(':')[0] as (typeof NAMESPACES)[number];
    expect(UI_TEXT_KEYS.filter((key) => !CITIZEN_NAMESPACES.includes(namespace(key)))).toEqual([]);
  });

  it('loads each text once: a namespace split between the page and a screen shares no key between its parts', () => {
    const groups: Record<string, Record<'vi' | 'en', object>>[] = [citizenTexts, readerTexts, staffTexts];
    const shared: string[] = [];
    for (const lng of ['vi', 'en'] as const) {
      const seen = new Map<string, number>();
      groups.forEach((group, i) => {
        for (const [ns, texts] of Object.entries(group)) {
          for (const key of Object.keys(texts[lng])) {
            const earlier = seen.get(`${ns}:${key}`);
            if (earlier !== undefined && earlier !== i) shared.push(`${lng} ${ns}:${key}`);
            seen.set(`${ns}:${key}`, i);
          }
        }
      });
    }
    expect(shared).toEqual([]);
  });
});
