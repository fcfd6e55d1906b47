import { useEffect, useRef, useState } from 'react';

/** A phrase is seconds long; a forgotten recorder stops itself. */
export const MAX_SECONDS = 60;
/** What Chromium's MediaRecorder writes, in the order we prefer (the core accepts WebM and Ogg). */
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm', 'audio/ogg'];

export interface Recording {
  blob: Blob;
  mime: string;
}

/**
 * The PC's microphone through MediaRecorder: start, then stop (or the time limit) gives the
 * recording. The microphone is released as soon as it stops.
 */
export function useRecorder(onDone: (recording: Recording) => void) {
  const [seconds, setSeconds] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => () => recorder.current?.stream.getTracks().forEach((t) => t.stop()), []);
  useEffect(() => {
    if (seconds === null) return;
    if (seconds >= MAX_SECONDS) return void recorder.current?.stop();
    const timer = setTimeout(() => setSeconds((s) => (s === null ? s : s + 1)), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);

  const start = async () => {
    setError(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
      const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
      const rec = new MediaRecorder(stream, mimeType ? { mimeType } : {});
      const chunks: Blob[] = [];
      rec.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data);
      rec.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        recorder.current = null;
        setSeconds(null);
        const mime = rec.mimeType || mimeType || 'audio/webm';
        done.current({ blob: new Blob(chunks, { type: mime }), mime });
      };
      recorder.current = rec;
      rec.start();
      setSeconds(0);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return { recording: seconds !== null, seconds: seconds ?? 0, error, start, stop: () => recorder.current?.stop() };
}
