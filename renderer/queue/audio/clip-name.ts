const TONES: Record<string, string> = { '\u0301': 's', '\u0300': 'f', '\u0309': 'r', '\u0303': 'x', '\u0323': 'j' };

/**
 * The clip file name of a spoken word, in Telex ('mười' → 'muwowif', 'mươi' → 'muwowi'): ASCII
 * for any file system, and tones kept, since in Vietnamese they make different words.
 */
export function clipName(word: string): string {
  let out = '';
  let tone = '';
  for (const ch of word.toLowerCase().normalize('NFD')) {
    if (TONES[ch]) tone = TONES[ch]!;
    else if (ch === '\u0302')
      out += out.slice(-1); // circumflex: â → aa, ê → ee, ô → oo
    else if (ch === '\u0306' || ch === '\u031b')
      out += 'w'; // breve and horn: ă → aw, ơ → ow, ư → uw
    else if (ch === 'đ') out += 'dd';
    else out += ch;
  }
  return out + tone;
}
