import { isOneOf } from '../contract/one-of';

/**
 * Composing a Vietnamese name from on-screen keys (the kiosk has no keyboard). The citizen types
 * the plain letters, then touches a vowel key (Â Ă Ê Ô Ơ Ư) and a tone key; both apply to the
 * last syllable, so the order does not matter and a tone moves by itself as letters are added.
 *
 * Tone placement follows the "new style" (kiểu mới) consistently: in open "oa", "oe", "uy" the
 * tone sits on the second vowel (hoà, khoẻ, Thuý), a vowel with its own mark (ă â ê ô ơ ư) takes
 * the tone (Nguyễn, Dương), "qu" and "gi" before a vowel are consonants (Quỳnh, Giàng).
 * Output is always NFC and title-cased (every word, and the letter after an apostrophe: H’Bia).
 */

export const TONES = ['acute', 'grave', 'hook', 'tilde', 'dot'] as const;
export type Tone = (typeof TONES)[number];
export const MARKED_VOWELS = ['â', 'ă', 'ê', 'ô', 'ơ', 'ư'] as const;
export type MarkedVowel = (typeof MARKED_VOWELS)[number];
/** The apostrophe of Jrai and Bahnar names (Ksor H’Bia), the same sign staff type. */
export const APOSTROPHE = '’';
export const NAME_MAX = 80;

export type NameKey =
  | { type: 'letter'; letter: string }
  | { type: 'vowel'; vowel: MarkedVowel }
  | { type: 'tone'; tone: Tone }
  | { type: 'space' }
  | { type: 'backspace' }
  | { type: 'clear' };

const TONE_MARK: Record<Tone, string> = {
  acute: '\u0301',
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
};
const TONE_OF_MARK = new Map(Object.entries(TONE_MARK).map(([tone, mark]) => [mark, tone as Tone]));
const VOWELS = new Set('aăâeêioôơuưy');
/** Which plain vowels each vowel key turns into itself (Ô also turns ơ back into ô, and so on). */
const SOURCES: Record<MarkedVowel, string> = { â: 'aă', ă: 'aâ', ê: 'e', ô: 'oơ', ơ: 'oô', ư: 'u' };
const BASE: Record<MarkedVowel, string> = { â: 'a', ă: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u' };

/** A letter without its tone, and the tone. */
function splitTone(ch: string): { plain: string; tone: Tone | null } {
  let tone: Tone | null = null;
  let plain = '';
  for (const c of ch.normalize('NFD')) {
    const t = TONE_OF_MARK.get(c);
    if (t) tone = t;
    else plain += c;
  }
  return { plain: plain.normalize('NFC'), tone };
}

const withTone = (plain: string, tone: Tone | null) => (tone ? (plain + TONE_MARK[tone]).normalize('NFC') : plain);

/** [start, end) of the vowel group of a lower-case, toneless syllable ("qu" and "gi" + vowel skipped). */
function nucleus(plain: string[]): [number, number] {
  let i = 0;
  if (plain[0] === 'q' && plain[1] === 'u') i = 2;
  else if (plain[0] === 'g' && plain[1] === 'i' && VOWELS.has(plain[2] ?? '')) i = 2;
  while (i < plain.length && !VOWELS.has(plain[i]!)) i++;
  let end = i;
  while (end < plain.length && VOWELS.has(plain[end]!)) end++;
  return [i, end];
}

/** Where the tone of this syllable goes, or -1 when it has no vowel. */
function tonePosition(plain: string[]): number {
  const [start, end] = nucleus(plain);
  if (start === end) return -1;
  for (let i = end - 1; i >= start; i--) if (isOneOf(MARKED_VOWELS, plain[i]!)) return i;
  const length = end - start;
  if (length === 1) return start;
  if (length >= 3) return start + 1;
  const closed = end < plain.length;
  return closed || ['oa', 'oe', 'uy'].includes(plain[start]! + plain[start + 1]!) ? start + 1 : start;
}

/** Puts the syllable's tone (or `tone` when given; null removes it) where it belongs. */
function placeTone(syllable: string[], tone?: Tone | null): string[] {
  const parts = syllable.map(splitTone);
  const current = parts.reduce<Tone | null>((found, p) => p.tone ?? found, null);
  const wanted = tone === undefined ? current : tone;
  const plain = parts.map((p) => p.plain);
  const at = tonePosition(plain);
  return plain.map((p, i) => (i === at ? withTone(p, wanted) : p));
}

/** Splits off the last syllable: what follows the last space or apostrophe. */
function lastSyllable(text: string): { head: string; syllable: string[] } {
  const chars = Array.from(text);
  let i = chars.length;
  while (i > 0 && chars[i - 1] !== ' ' && chars[i - 1] !== APOSTROPHE) i--;
  return { head: chars.slice(0, i).join(''), syllable: chars.slice(i).map((c) => c.toLowerCase()) };
}

function applyVowel(syllable: string[], vowel: MarkedVowel): string[] | null {
  const parts = syllable.map(splitTone);
  const plain = parts.map((p) => p.plain);
  const [start, end] = nucleus(plain);
  const indexes = Array.from({ length: end - start }, (_, k) => start + k);
  // Ư marks the first u (Lưu, Dương); the others the last candidate of the group.
  const pick = (set: string) =>
    vowel === 'ư'
      ? indexes.find((i) => set.includes(plain[i]!))
      : [...indexes].reverse().find((i) => set.includes(plain[i]!));
  let at = pick(SOURCES[vowel]);
  let to: string = vowel;
  if (at === undefined) {
    // Touching the same key again takes the mark off again (Telex does the same).
    at = pick(vowel);
    to = BASE[vowel];
  }
  if (at === undefined) return null;
  const changed = parts.map((p, i) => (i === at ? withTone(to, p.tone) : syllable[i]!));
  return placeTone(changed);
}

/** Upper case at the start of each word and after an apostrophe, lower case elsewhere. */
function titleCase(text: string): string {
  const chars = Array.from(text);
  return chars
    .map((c, i) => (i === 0 || chars[i - 1] === ' ' || chars[i - 1] === APOSTROPHE ? c.toUpperCase() : c.toLowerCase()))
    .join('');
}

/** What a name typed on a real keyboard (staff testing the kiosk) becomes: NFC, title case, single spaces. */
export function normalizeName(typed: string): string {
  return titleCase(typed.normalize('NFC').replace(/['‘]/g, APOSTROPHE).replace(/\s+/g, ' ').replace(/^ /, '')).slice(
    0,
    NAME_MAX,
  );
}

/** The name after one touch on the on-screen keyboard. Touches that make no sense change nothing. */
export function pressKey(name: string, key: NameKey): string {
  const text = name.normalize('NFC');
  const { head, syllable } = lastSyllable(text);
  let next: string | null;
  switch (key.type) {
    case 'clear':
      return '';
    case 'backspace': {
      const chars = Array.from(text).slice(0, -1);
      const rest = lastSyllable(chars.join(''));
      next = rest.head + placeTone(rest.syllable).join('');
      break;
    }
    case 'space':
      next = text === '' || text.endsWith(' ') ? null : `${text} `;
      break;
    case 'letter': {
      const letter = key.letter.toLowerCase();
      if (letter === APOSTROPHE) next = syllable.length === 0 ? null : text + APOSTROPHE;
      else next = head + placeTone([...syllable, letter]).join('');
      break;
    }
    case 'vowel': {
      const changed = applyVowel(syllable, key.vowel);
      next = head + (changed ?? [...syllable, key.vowel]).join('');
      break;
    }
    case 'tone': {
      const current = syllable.map(splitTone).reduce<Tone | null>((found, p) => p.tone ?? found, null);
      // The same tone twice takes it off: the easy way back from a wrong touch.
      next =
        tonePosition(syllable.map((c) => splitTone(c).plain)) < 0
          ? null
          : head + placeTone(syllable, current === key.tone ? null : key.tone).join('');
      break;
    }
  }
  if (next === null) return text;
  const result = titleCase(next.normalize('NFC'));
  return Array.from(result).length > NAME_MAX ? text : result;
}

/** Types a sequence of keys, for tests and for the screen's own use. */
export function pressKeys(name: string, keys: readonly NameKey[]): string {
  return keys.reduce(pressKey, name);
}
