/**
 * How the board reads a call aloud in Vietnamese: "Mời số A không trăm mười hai…" would be
 * wrong; people say the number as a number ("A mười hai"), with the usual Vietnamese forms
 * (mốt, tư, lăm, linh/lẻ, mươi).
 */
const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

function belowHundred(n: number): string[] {
  if (n < 10) return [DIGITS[n]!];
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  const words = tens === 1 ? ['mười'] : [DIGITS[tens]!, 'mươi'];
  if (unit === 0) return words;
  if (unit === 5) return [...words, 'lăm'];
  if (unit === 1 && tens > 1) return [...words, 'mốt'];
  if (unit === 4 && tens > 1) return [...words, 'tư'];
  return [...words, DIGITS[unit]!];
}

/** Words of 0…9999 the way a Vietnamese caller says them. */
export function vietnameseNumberWords(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`number out of range: ${n}`);
  if (n < 100) return belowHundred(n);
  const words: string[] = [];
  const thousands = Math.floor(n / 1000);
  const hundreds = Math.floor((n % 1000) / 100);
  const rest = n % 100;
  if (thousands) words.push(DIGITS[thousands]!, 'nghìn');
  if (hundreds || (thousands && rest)) words.push(DIGITS[hundreds]!, 'trăm');
  if (rest === 0) return words;
  if (rest < 10) return [...words, 'linh', DIGITS[rest]!];
  return [...words, ...belowHundred(rest)];
}

/** Letters as Vietnamese read them aloud on a call ("A" = a, "B" = bê …). */
export const LETTER_WORDS: Record<string, string> = {
  A: 'a',
  B: 'bê',
  C: 'xê',
  D: 'dê',
  E: 'e',
  G: 'giê',
  H: 'hát',
  K: 'ca',
};

/** The words of "Mời số A012 đến bàn số 2": a sequence the voice or the recorded clips follow. */
export function callWords(number: string, desk: number): string[] {
  const match = /^([A-Z])(\d+)$/.exec(number);
  if (!match) throw new RangeError(`not a ticket number: ${number}`);
  const letter = LETTER_WORDS[match[1]!] ?? match[1]!.toLowerCase();
  return [
    'mời',
    'số',
    letter,
    ...vietnameseNumberWords(Number(match[2])),
    'đến',
    'bàn',
    'số',
    ...vietnameseNumberWords(desk),
  ];
}

/** The sentence for a speech voice; the letter is written as it is read so the voice says it right. */
export function callSentence(number: string, desk: number): string {
  const words = callWords(number, desk);
  return `${words.slice(0, 2).join(' ')} ${words.slice(2, -4).join(' ')}, ${words.slice(-4).join(' ')}`.replace(
    /^m/,
    'M',
  );
}

/** Every word a call can contain: the recorded clips must cover all of them. */
export const CALL_VOCABULARY: readonly string[] = [
  'mời',
  'số',
  'đến',
  'bàn',
  ...Object.values(LETTER_WORDS),
  ...DIGITS,
  'mười',
  'mươi',
  'mốt',
  'tư',
  'lăm',
  'linh',
  'trăm',
  'nghìn',
];
