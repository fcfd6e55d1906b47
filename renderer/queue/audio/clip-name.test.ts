import { describe, expect, it } from 'vitest';
import { CALL_VOCABULARY } from '#shared/queue/speech';
import { clipName } from './clip-name';

describe('clip names', () => {
  it('keep tones apart', () => {
    expect(clipName('mười')).toBe('muwowif');
    expect(clipName('mươi')).toBe('muwowi');
    expect(clipName('một')).toBe('mootj');
    expect(clipName('mốt')).toBe('moots');
    expect(clipName('đến')).toBe('ddeens');
  });
  it('give every word of a call its own file', () => {
    const words = new Set(CALL_VOCABULARY);
    expect(new Set([...words].map(clipName)).size).toBe(words.size);
  });
});
