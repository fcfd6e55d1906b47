import { describe, expect, it } from 'vitest';
import { editDistance } from './search';

// How search behaves is tested on the shipped pack (electron/core/guides/search.test.ts), not a toy corpus.
describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('sinh', 'sinh')).toBe(0);
    expect(editDistance('sinh', 'sihn')).toBe(1);
    expect(editDistance('khai', 'kai')).toBe(1);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
  });
});
