import type { LiveEvent } from '#shared/contract';

export type EventListener = (event: LiveEvent) => void;

/** In-process fan-out of live events to the IPC and HTTP shells. */
export class EventBus {
  #listeners = new Set<EventListener>();
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  publish(event: LiveEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // a broken listener (a closed stream) must not stop the others
      }
    }
  }
  get size(): number {
    return this.#listeners.size;
  }
}
