import type { CommunityLanguage } from '#shared/community/schemas';
import { api } from '../api/client';

const urls = new Map<string, Promise<string | null>>();

/** A blob: URL for a community recording, fetched once per page (null when it cannot be had). */
export function recordingUrl(language: CommunityLanguage, key: string): Promise<string | null> {
  const id = `${language} ${key}`;
  if (!urls.has(id)) {
    urls.set(
      id,
      api.call('community.audio', { language, key }).then(
        ({ mime, base64 }) =>
          URL.createObjectURL(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: mime })),
        () => null,
      ),
    );
  }
  return urls.get(id)!;
}

/** After a recording changed, fetch it again next time. */
export function forgetRecordings(): void {
  for (const url of urls.values()) void url.then((u) => u && URL.revokeObjectURL(u));
  urls.clear();
}

let current: HTMLAudioElement | null = null;

/** Play one sound to its end (or until stopped); resolves either way, never throws. */
export function play(url: string): Promise<void> {
  stopPlayback();
  const audio = new Audio(url);
  current = audio;
  return new Promise((resolve) => {
    const done = () => {
      if (current === audio) current = null;
      resolve();
    };
    audio.addEventListener('ended', done, { once: true });
    audio.addEventListener('error', done, { once: true });
    audio.addEventListener('pause', done, { once: true });
    audio.play().catch(done);
  });
}

export function stopPlayback(): void {
  current?.pause();
  current = null;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}
