import type { ErrorBody, LiveEvent } from '#shared/contract';
import { EVENT_NAMES, streamEvent } from '#shared/contract/event-names';
import { errorBody } from '#shared/i18n/translate';
import type { Transport } from './transport';

type Listener = (event: LiveEvent) => void;
type ConnectionListener = (connected: boolean) => void;

/**
 * One event stream per page, shared by every screen part that listens: a browser keeps only six
 * connections to one server, so a stream per query would starve the calls themselves.
 */
const liveStream = (() => {
  const listeners = new Set<Listener>();
  const connectionListeners = new Set<ConnectionListener>();
  let source: EventSource | null = null;
  const open = () => {
    source = new EventSource('/api/events');
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (e: MessageEvent<string>) => {
        const event = streamEvent(name, e.data);
        if (event) for (const listener of [...listeners]) listener(event);
      });
    }
    source.onopen = () => connectionListeners.forEach((l) => l(true));
    source.onerror = () => connectionListeners.forEach((l) => l(false));
  };
  return {
    subscribe(listener: Listener, onConnection?: ConnectionListener): () => void {
      listeners.add(listener);
      if (onConnection) connectionListeners.add(onConnection);
      if (!source) open();
      return () => {
        listeners.delete(listener);
        if (onConnection) connectionListeners.delete(onConnection);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
  };
})();

export function httpTransport(device: string): Transport {
  return {
    kind: 'http',
    async call(name, input, token) {
      try {
        const response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-device': device,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(input ?? {}),
        });
        const body = (await response.json()) as
          | { ok: true; result: unknown }
          | { ok: false; error: ErrorBody }
          | ErrorBody;
        if ('ok' in body) return body;
        return { ok: false, error: body };
      } catch {
        return { ok: false, error: { ...errorBody('internal'), code: 'internal' } };
      }
    },
    subscribe(listener, onConnection) {
      return liveStream.subscribe(listener, onConnection);
    },
  };
}
