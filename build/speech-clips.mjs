// Makes the recorded words the board falls back on when the PC has no Vietnamese voice.
// Run once (offline) with Debian's espeak-ng and sox installed:
//   npx tsx build/speech-clips.mjs
// One short WAV per word of CALL_VOCABULARY, silence trimmed, 16 kHz mono.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CALL_VOCABULARY } from '../shared/queue/speech.ts';
import { clipName } from '../renderer/queue/audio/clip-name.ts';

const here = fileURLToPath(new URL('../renderer/queue/audio/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'clips-'));
try {
  for (const word of new Set(CALL_VOCABULARY)) {
    const raw = join(work, 'raw.wav');
    execFileSync('espeak-ng', ['-v', 'vi', '-s', '135', '-p', '45', '-w', raw, word]);
    execFileSync('sox', [
      raw,
      '-r',
      '16000',
      '-c',
      '1',
      '-b',
      '16',
      join(here, `${clipName(word)}.wav`),
      'silence',
      '1',
      '0.02',
      '0.5%',
      'reverse',
      'silence',
      '1',
      '0.02',
      '0.5%',
      'reverse',
      'gain',
      '-n',
      '-2',
      'pad',
      '0',
      '0.08',
    ]);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
