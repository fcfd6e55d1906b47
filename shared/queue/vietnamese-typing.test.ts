import { describe, expect, it } from 'vitest';
import { normalizeName, pressKey, pressKeys, type MarkedVowel, type NameKey, type Tone } from './vietnamese-typing';

/** "nguyen^~" style script: letters, ^â ^ă ^ê ^ô ^ơ ^ư for vowel keys, tone words in braces, _ space, < backspace. */
const TONE_WORDS: Record<string, Tone> = { s: 'acute', f: 'grave', r: 'hook', x: 'tilde', j: 'dot' };
function keys(script: string): NameKey[] {
  const out: NameKey[] = [];
  const chars = Array.from(script);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '^') out.push({ type: 'vowel', vowel: chars[++i] as MarkedVowel });
    else if (c === '/') out.push({ type: 'tone', tone: TONE_WORDS[chars[++i]!]! });
    else if (c === '_') out.push({ type: 'space' });
    else if (c === '<') out.push({ type: 'backspace' });
    else out.push({ type: 'letter', letter: c });
  }
  return out;
}
const type = (script: string, from = '') => pressKeys(from, keys(script));

describe('tone placement (new style, documented in vietnamese-typing.ts)', () => {
  it('puts the tone on the vowel with its own mark', () => {
    expect(type('nguyen^ê/x')).toBe('Nguyễn');
    expect(type('nguyen/x^ê')).toBe('Nguyễn'); // order of vowel key and tone does not matter
    expect(type('duong^ư^ơ')).toBe('Dương');
    expect(type('truong^ơ^ư/f')).toBe('Trường');
    expect(type('tuan^â/s')).toBe('Tuấn');
    expect(type('luu^ư')).toBe('Lưu');
  });
  it('puts the tone on the second vowel of oa, oe, uy, open or closed', () => {
    expect(type('hoa/f')).toBe('Hoà');
    expect(type('hoa/s')).toBe('Hoá');
    expect(type('thuy/s')).toBe('Thuý');
    expect(type('khoe/r')).toBe('Khoẻ');
    expect(type('hoang/f')).toBe('Hoàng');
    expect(type('huynh/f')).toBe('Huỳnh');
  });
  it('treats qu and gi as consonants', () => {
    expect(type('quynh/f')).toBe('Quỳnh');
    expect(type('giang/f')).toBe('Giàng');
    expect(type('gia/f')).toBe('Già');
    expect(type('gin/f')).toBe('Gìn');
  });
  it('puts it on the first vowel of other open pairs and the middle of three', () => {
    expect(type('mai/j')).toBe('Mại');
    expect(type('mua/f')).toBe('Mùa');
    expect(type('thi/j')).toBe('Thị');
    expect(type('ngoai/f')).toBe('Ngoài');
  });
  it('moves the tone as letters are added or removed', () => {
    expect(type('hu/fy')).toBe('Huỳ');
    expect(type('hu/fynh')).toBe('Huỳnh');
    expect(type('mu/fa')).toBe('Mùa');
    expect(type('hoa/sn<')).toBe('Hoá');
  });
  it('replaces a tone with another, and the same tone twice removes it', () => {
    expect(type('hoa/s/f')).toBe('Hoà');
    expect(type('hoa/s/s')).toBe('Hoa');
    expect(type('nguyen^ê^ê')).toBe('Nguyen');
  });
  it('applies vowel keys and tones to the last word only', () => {
    expect(type('nguyen^ê/x_thi/j_hoa')).toBe('Nguyễn Thị Hoa');
    expect(type('le_van/s')).toBe('Le Ván');
  });
  it('does nothing with a tone where there is no vowel, and types a vowel key as a letter when nothing fits', () => {
    expect(type('ng/s')).toBe('Ng');
    expect(type('/s')).toBe('');
    expect(type('^ân')).toBe('Ân');
    expect(type('tr^ư^ơng')).toBe('Trương');
  });
});

describe('letters, space, backspace, clear', () => {
  it('types Đ and title-cases every word', () => {
    expect(type('đinh_văn')).toBe('Đinh Văn');
    expect(type('ĐINH')).toBe('Đinh');
    expect(type('đ')).toBe('Đ');
  });
  it('capitalises after the apostrophe of Jrai and Bahnar names', () => {
    expect(type('ksor_h’bia')).toBe('Ksor H’Bia');
    expect(type('’')).toBe(''); // no apostrophe to start a word
  });
  it('backspace removes the last character, tone and all', () => {
    expect(type('nguyen^ê/x<')).toBe('Nguyễ');
    expect(type('hoa/f<')).toBe('Ho');
    expect(type('an_<')).toBe('An');
    expect(type('<')).toBe('');
  });
  it('ignores a second space or a leading one, and clears everything', () => {
    expect(type('_an__binh')).toBe('An Binh');
    expect(pressKey('Nguyễn Thị Hoa', { type: 'clear' })).toBe('');
  });
  it('always gives NFC and never goes past 80 characters', () => {
    const name = type('nguyen^ê/x');
    expect(name).toBe(name.normalize('NFC'));
    expect(Array.from(name)).toHaveLength(6);
    const long = 'A'.repeat(80);
    expect(pressKey(long, { type: 'letter', letter: 'b' })).toBe(long);
  });
});

describe('a name typed on a real keyboard', () => {
  it('becomes NFC, title case, single spaces, typographic apostrophe', () => {
    expect(normalizeName('nguye\u0302\u0303n  thị hoa')).toBe('Nguyễn Thị Hoa');
    expect(normalizeName(" ksor h'bia")).toBe('Ksor H’Bia');
  });
});
