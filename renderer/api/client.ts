import type { ErrorBody, Input, LiveEvent, MethodName, Output } from '#shared/contract';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

export class ApiError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.code);
  }
}

const TOKEN_KEY = 'dhs.session';

/** The renderer's only way to the core, typed by the contract. Transport is chosen once. */
export function createClient(transport: Transport) {
  let token: string | null = sessionStorage.getItem(TOKEN_KEY);
  return {
    transport: transport.kind,
    async call<N extends MethodName>(name: N, input: Input<N>): Promise<Output<N>> {
      const response = await transport.call(name, input, token);
      if (!response.ok) throw new ApiError(response.error);
      return response.result as Output<N>;
    },
    subscribe(listener: (event: LiveEvent) => void, onConnection?: (connected: boolean) => void) {
      return transport.subscribe(listener, onConnection);
    },
    setToken(next: string | null) {
      token = next;
      if (next) sessionStorage.setItem(TOKEN_KEY, next);
      else sessionStorage.removeItem(TOKEN_KEY);
    },
    get signedIn() {
      return token !== null;
    },
  };
}

function deviceFromHash(): string {
  const route = location.hash.replace(/^#\/?/, '').split('/')[0];
  return route === 'kiosk' || route === 'board' ? route : 'staff';
}

export const api = createClient(window.dhs ? ipcTransport(window.dhs) : httpTransport(deviceFromHash()));
