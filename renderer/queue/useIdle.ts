import { useEffect, useRef, useState } from 'react';

/**
 * Seconds left before `onIdle`, restarted by any touch, click or key. The kiosk returns to
 * its start screen so the next citizen never sees the previous one's choices.
 */
export function useIdle(seconds: number, onIdle: () => void, resetKey: unknown): number {
  const [left, setLeft] = useState(seconds);
  // The latest callback, so a screen that passes a new closure each render never gets a stale one.
  const idle = useRef(onIdle);
  useEffect(() => {
    idle.current = onIdle;
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `resetKey` restarts the countdown when the screen moves on.
  useEffect(() => {
    let deadline = Date.now() + seconds * 1000;
    setLeft(seconds);
    const touch = () => {
      deadline = Date.now() + seconds * 1000;
      setLeft(seconds);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) window.addEventListener(e, touch);
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        window.clearInterval(timer);
        idle.current();
      }
    }, 250);
    return () => {
      window.clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touch);
    };
  }, [seconds, resetKey]);
  return left;
}
