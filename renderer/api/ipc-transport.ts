import type { PreloadBridge } from '#shared/contract/bridge';
import type { Transport } from './transport';

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'ipc',
    call: (name, input, token) => bridge.call(name, input, token),
    subscribe(listener, onConnection) {
      onConnection?.(true);
      return bridge.onEvent(listener);
    },
  };
}
