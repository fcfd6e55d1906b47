import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

export interface Flow<T extends HTMLElement> {
  /** The box whose height the blocks share; give it a fixed height (flex: 1; min-height: 0). */
  ref: RefObject<T | null>;
  /** Index of the first block on this page and how many are shown. */
  start: number;
  shown: number;
  /** True while the page is being measured: render every block from `start`. */
  measuring: boolean;
  hasMore: boolean;
  hasPrevious: boolean;
  next: () => void;
  previous: () => void;
}

/**
 * Pages a list of blocks so that each page fits its box without scrolling, whatever the screen
 * (1920×1080, 1080×1920, 1366×768), the language or the text size. It renders the blocks from the
 * page's first one, measures which fit entirely, and shows only those; "next" starts the next page
 * with the first block that did not fit. A block taller than the box is still shown alone. The box
 * and the blocks are watched, so a resize or a late web font measures the page again.
 */
export function useFlow<T extends HTMLElement>(count: number, resetKey: unknown): Flow<T> {
  const ref = useRef<T>(null);
  const [starts, setStarts] = useState<number[]>([0]);
  const [shown, setShown] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const heights = useRef(new WeakMap<Element, number>());
  const start = Math.min(starts[starts.length - 1] ?? 0, Math.max(0, count - 1));

  // biome-ignore lint/correctness/useExhaustiveDependencies: new content (`resetKey`, `count`) starts again on its first page.
  useLayoutEffect(() => {
    setStarts([0]);
    setShown(null);
  }, [resetKey, count]);

  useLayoutEffect(() => {
    if (typeof ResizeObserver === 'undefined') return;
    // Only real changes count: observing an element reports its size once, which changes nothing.
    observer.current = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const h = Math.round(e.contentRect.height * 10) / 10;
        const w = Math.round(e.contentRect.width);
        const key = h * 100000 + w;
        if (heights.current.get(e.target) !== key) {
          if (heights.current.has(e.target)) changed = true;
          heights.current.set(e.target, key);
        }
      }
      if (changed) setChanges((c) => c + 1);
    });
    if (ref.current) observer.current.observe(ref.current);
    return () => observer.current?.disconnect();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page (`start`) or a new size (`changes`) is measured again.
  useLayoutEffect(() => setShown(null), [start, changes]);

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    if (shown !== null) {
      for (const child of Array.from(box.children)) observer.current?.observe(child);
      return;
    }
    const limit = box.getBoundingClientRect().top + box.clientHeight + 1;
    let fits = 0;
    for (const child of Array.from(box.children)) {
      if (child.getBoundingClientRect().bottom > limit) break;
      fits++;
    }
    setShown(Math.max(1, Math.min(fits, count - start)));
  });

  const visible = shown ?? count - start;
  const next = useCallback(() => setStarts((s) => [...s, start + visible]), [start, visible]);
  const previous = useCallback(() => setStarts((s) => (s.length > 1 ? s.slice(0, -1) : s)), []);
  return {
    ref,
    start,
    shown: visible,
    measuring: shown === null,
    hasMore: start + visible < count,
    hasPrevious: starts.length > 1,
    next,
    previous,
  };
}
