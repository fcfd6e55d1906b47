import { BOARD_PHRASE, uiKey } from '#shared/community/keys';
import type { CommunityLanguage } from '#shared/community/schemas';
import { CALL_VOCABULARY, callSentence, callWords } from '#shared/queue/speech';
import { play, recordingUrl } from '../community/playback';
import { clipName } from './audio/clip-name';

/** Recorded words shipped with the app (made offline with espeak-ng), by file name without extension. */
const CLIPS = Object.fromEntries(
  Object.entries(
    import.meta.glob('./audio/*.wav', { eager: true, query: '?url', import: 'default' }) as Record<string, string>,
  ).map(([path, url]) => [path.replace(/^.*\/|\.wav$/g, ''), url]),
);

export type VoiceMode = 'speech' | 'clips' | 'chime';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Call {
  number: string;
  desk: number;
  /** The citizen's language, when the team recorded the board's phrase in it. */
  language?: CommunityLanguage;
}

/**
 * Calls aloud, one after another and never cut off: a chime, then "Mời số A012 đến bàn số 2"
 * by the system's Vietnamese voice, else by the recorded clips, else the chime alone; then, for
 * a citizen who chose Jrai or Bahnar, the phrase a member recorded in that language.
 */
export class Announcer {
  #audio: AudioContext | null = null;
  #queue: Call[] = [];
  #running = false;
  #buffers = new Map<string, AudioBuffer>();
  mode: VoiceMode = 'chime';
  /** Told when the phrase in a minority language starts (the language) and ends (null). */
  onPhrase: (language: CommunityLanguage | null) => void = () => undefined;

  get enabled(): boolean {
    return this.#audio !== null && this.#audio.state === 'running';
  }

  /**
   * Turn sound on. In a browser it needs a touch first; where the shell allows sound without
   * one (the Electron board window) it works at once. Resolves null when sound is still refused.
   */
  async enable(waitMs = 1500): Promise<VoiceMode | null> {
    this.#audio ??= new AudioContext();
    const audio = this.#audio;
    await Promise.race([audio.resume(), new Promise((r) => setTimeout(r, waitMs))]);
    if (audio.state !== 'running') return null;
    this.mode = (await vietnameseVoice())
      ? 'speech'
      : CALL_VOCABULARY.every((w) => CLIPS[clipName(w)])
        ? 'clips'
        : 'chime';
    return this.mode;
  }

  announce(number: string, desk: number, language?: CommunityLanguage): void {
    this.#queue.push({ number, desk, ...(language ? { language } : {}) });
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
        if (next.language) await this.#phrase(next.language);
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

  /** The community's recording of the board phrase in the citizen's language, if there is one. */
  async #phrase(language: CommunityLanguage): Promise<void> {
    const url = await recordingUrl(language, uiKey(BOARD_PHRASE));
    if (!url) return;
    await pause(300);
    this.onPhrase(language);
    try {
      await play(url);
    } finally {
      this.onPhrase(null);
    }
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
      speechSynthesis.addEventListener(
        'voiceschanged',
        () => {
          clearTimeout(done);
          resolve();
        },
        { once: true },
      );
    });
    voices = speechSynthesis.getVoices();
  }
  return voices.find((v) => v.lang.toLowerCase().replace('_', '-').startsWith('vi')) ?? null;
}
