import { EVENTS, type ErrorBody, type LiveEvent } from '../../shared/contract';
import { errorBody } from '../../shared/i18n/translate';
import type { Transport } from './transport';

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
        const body = (await response.json()) as { ok: true; result: unknown } | { ok: false; error: ErrorBody } | ErrorBody;
        if ('ok' in body) return body;
        return { ok: false, error: body };
      } catch {
        return { ok: false, error: { ...errorBody('internal'), code: 'internal' } };
      }
    },
    subscribe(listener, onConnection) {
      const source = new EventSource('/api/events');
      for (const name of Object.keys(EVENTS)) {
        source.addEventListener(name, (e) => listener({ name, payload: JSON.parse((e as MessageEvent).data) } as LiveEvent));
      }
      source.onopen = () => onConnection?.(true);
      source.onerror = () => onConnection?.(false);
      return () => source.close();
    },
  };
}
