import type { LiveEvent } from './events';

/** The live events by name, without their payloads' schemas: what a page subscribes to. */
export const EVENT_NAMES = [
  'settings.changed',
  'team.changed',
  'queue.changed',
  'queue.called',
  'roster.changed',
  'guides.changed',
  'logbook.changed',
  'uploads.changed',
  'community.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/**
 * A message of the event stream as a live event, or null if it is not one. Only its name and
 * shape are checked here (the kiosk's pages carry no zod): the server's gate checked the payload
 * against `liveEvent` before publishing it, and the stream is this point's own.
 */
export function streamEvent(name: EventName, data: string): LiveEvent | null {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return null;
  }
  return typeof payload === 'object' && payload !== null ? ({ name, payload } as LiveEvent) : null;
}
