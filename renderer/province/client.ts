import { useCallback, useEffect, useRef, useState } from 'react';
import type { ErrorBody } from '#shared/contract/errors';
import type { HubInput, HubMethodName, HubOutput } from '#shared/province/contract';

export class HubError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.code);
  }
}

/**
 * The hub's screens reach it only through this: typed by the one contract, over HTTP with the
 * session cookie (the page never sees the token).
 */
export async function hubCall<N extends HubMethodName>(name: N, input: HubInput<N>): Promise<HubOutput<N>> {
  let body: { ok: true; result: unknown } | { ok: false; error: ErrorBody };
  try {
    const response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
    body = await response.json();
  } catch {
    throw new HubError({
      code: 'internal',
      message: { vi: 'Không kết nối được máy chủ.', en: 'The server could not be reached.' },
    });
  }
  if (!body.ok) throw new HubError(body.error);
  return body.result as HubOutput<N>;
}

/** Listeners of the one event stream of the page: a change anywhere (a batch, an upload) refreshes what is shown. */
const listeners = new Set<() => void>();
let source: EventSource | null = null;
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!source && typeof EventSource !== 'undefined') {
    source = new EventSource('/api/events');
    source.addEventListener('hub.changed', () => {
      for (const l of [...listeners]) l();
    });
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size && source) {
      source.close();
      source = null;
    }
  };
}

export function useHub<N extends HubMethodName>(name: N, input: HubInput<N>, options: { live?: boolean } = {}) {
  const [data, setData] = useState<HubOutput<N>>();
  const [error, setError] = useState<HubError | null>(null);
  const key = JSON.stringify(input);
  const serial = useRef(0);
  const load = useCallback(() => {
    const mine = ++serial.current;
    hubCall(name, JSON.parse(key)).then(
      (result) => mine === serial.current && (setData(result), setError(null)),
      (e: unknown) =>
        mine === serial.current &&
        setError(
          e instanceof HubError ? e : new HubError({ code: 'internal', message: { vi: String(e), en: String(e) } }),
        ),
    );
  }, [name, key]);
  useEffect(() => {
    load();
    return options.live ? subscribe(load) : undefined;
  }, [load, options.live]);
  return { data, error, reload: load };
}
