import { CALL_VOCABULARY, callSentence, callWords } from '../../shared/queue/speech';
import { clipName } from './audio/clip-name';

/** Recorded words shipped with the app (made offline with espeak-ng), by file name without extension. */
const CLIPS = Object.fromEntries(
  Object.entries(import.meta.glob('./audio/*.wav', { eager: true, query: '?url', import: 'default' }) as Record<string, string>)
    .map(([path, url]) => [path.replace(/^.*\/|\.wav$/g, ''), url]),
);


export type VoiceMode = 'speech' | 'clips' | 'chime';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Calls aloud, one after another and never cut off: a chime, then "Mời số A012 đến bàn số 2"
 * by the system's Vietnamese voice, else by the recorded clips, else the chime alone.
 */
export class Announcer {
  #audio: AudioContext | null = null;
  #queue: { number: string; desk: number }[] = [];
  #running = false;
  #buffers = new Map<string, AudioBuffer>();
  mode: VoiceMode = 'chime';

  get enabled(): boolean {
    return this.#audio !== null;
  }

  /** Must run inside a user gesture: browsers refuse sound before one. */
  async enable(): Promise<VoiceMode> {
    this.#audio ??= new AudioContext();
    await this.#audio.resume();
    this.mode = (await vietnameseVoice()) ? 'speech' : CALL_VOCABULARY.every((w) => CLIPS[clipName(w)]) ? 'clips' : 'chime';
    return this.mode;
  }

  announce(number: string, desk: number): void {
    this.#queue.push({ number, desk });
    if (!this.#running) void this.#drain();
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
        if (!this.#audio) continue;
        await this.#chime();
        try {
          if (this.mode === 'speech') await this.#speak(next.number, next.desk);
          else if (this.mode === 'clips') await this.#clips(next.number, next.desk);
        } catch {
          // A broken voice must not stop the board: the chime and the screen still call.
        }
        await pause(800);
      }
    } finally {
      this.#running = false;
    }
  }

  /** Two soft tones, generated (no file to ship). */
  async #chime(): Promise<void> {
    const audio = this.#audio!;
    const start = audio.currentTime + 0.05;
    [880, 660].forEach((freq, i) => {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      osc.type = 'sine';
      const t0 = start + i * 0.45;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.4, t0 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.42);
      osc.connect(gain).connect(audio.destination);
      osc.start(t0);
      osc.stop(t0 + 0.45);
    });
    await pause(1000);
  }

  async #speak(number: string, desk: number): Promise<void> {
    const voice = await vietnameseVoice();
    await new Promise<void>((resolve) => {
      const u = new SpeechSynthesisUtterance(callSentence(number, desk));
      u.lang = 'vi-VN';
      if (voice) u.voice = voice;
      u.rate = 0.85;
      // Some voices never fire `end`; a generous cap keeps the queue moving without cutting speech.
      const cap = setTimeout(resolve, 12_000);
      u.onend = u.onerror = () => {
        clearTimeout(cap);
        resolve();
      };
      speechSynthesis.speak(u);
    });
  }

  async #clips(number: string, desk: number): Promise<void> {
    const audio = this.#audio!;
    for (const word of callWords(number, desk)) {
      const buffer = await this.#load(clipName(word));
      if (!buffer) continue;
      const source = audio.createBufferSource();
      source.buffer = buffer;
      source.connect(audio.destination);
      await new Promise<void>((resolve) => {
        source.onended = () => resolve();
        source.start();
      });
    }
  }

  async #load(name: string): Promise<AudioBuffer | null> {
    const url = CLIPS[name];
    if (!url) return null;
    if (!this.#buffers.has(name)) {
      const data = await (await fetch(url)).arrayBuffer();
      this.#buffers.set(name, await this.#audio!.decodeAudioData(data));
    }
    return this.#buffers.get(name)!;
  }
}

/** The system's Vietnamese voice, if any (voices load late in Chromium, hence the wait). */
async function vietnameseVoice(): Promise<SpeechSynthesisVoice | null> {
  if (typeof speechSynthesis === 'undefined') return null;
  let voices = speechSynthesis.getVoices();
  if (voices.length === 0) {
    await new Promise<void>((resolve) => {
      const done = setTimeout(resolve, 1500);
      speechSynthesis.addEventListener('voiceschanged', () => {
        clearTimeout(done);
        resolve();
      }, { once: true });
    });
    voices = speechSynthesis.getVoices();
  }
  return voices.find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null;
}
