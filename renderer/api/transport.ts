import type { ErrorBody, LiveEvent } from '#shared/contract';
import type { PreloadBridge } from '#shared/contract/bridge';

/** How the renderer reaches the core: Electron IPC through the preload, or HTTP to the server. */
export interface Transport {
  call(
    name: string,
    input: unknown,
    token: string | null,
  ): Promise<{ ok: true; result: unknown } | { ok: false; error: ErrorBody }>;
  subscribe(listener: (event: LiveEvent) => void, onConnection?: (connected: boolean) => void): () => void;
  kind: 'ipc' | 'http';
}

declare global {
  interface Window {
    dhs?: PreloadBridge;
  }
}
