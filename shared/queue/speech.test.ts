import { describe, expect, it } from 'vitest';
import { callSentence, callWords, vietnameseNumberWords } from './speech';

const say = (n: number) => vietnameseNumberWords(n).join(' ');

describe('Vietnamese numbers read as numbers', () => {
  it.each([
    [0, 'không'],
    [7, 'bảy'],
    [10, 'mười'],
    [12, 'mười hai'],
    [15, 'mười lăm'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [30, 'ba mươi'],
    [100, 'một trăm'],
    [105, 'một trăm linh năm'],
    [115, 'một trăm mười lăm'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1005, 'một nghìn không trăm linh năm'],
    [2024, 'hai nghìn không trăm hai mươi tư'],
  ])('%i → %s', (n, words) => expect(say(n)).toBe(words));

  it('refuses what it cannot read', () => {
    expect(() => vietnameseNumberWords(-1)).toThrow(RangeError);
    expect(() => vietnameseNumberWords(1.5)).toThrow(RangeError);
  });
});

describe('the call', () => {
  it('never reads the leading zeros of A012', () => {
    expect(callWords('A012', 2)).toEqual(['mời', 'số', 'a', 'mười', 'hai', 'đến', 'bàn', 'số', 'hai']);
    expect(callSentence('A012', 2)).toBe('Mời số a mười hai, đến bàn số hai');
    expect(callSentence('K105', 3)).toBe('Mời số ca một trăm linh năm, đến bàn số ba');
  });
});
