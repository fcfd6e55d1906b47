import { z } from 'zod';
import { MINORITY_LANGUAGES } from '../settings/languages';
import type { EventName } from './event-names';

const event = <N extends EventName, P extends z.ZodObject>(name: N, payload: P) =>
  z.object({ name: z.literal(name), payload });

/**
 * Live events: "something changed", never personal data, so every screen (the board included)
 * may listen. Screens re-read what they show through normal methods. One schema, discriminated
 * by `name`: the gate checks each event against it before publishing, and a screen that tests
 * `event.name` gets that event's payload type. The names alone, zod-free for the kiosk's pages,
 * are in `event-names.ts` (a test keeps both lists equal).
 */
export const liveEvent = z.discriminatedUnion('name', [
  event('settings.changed', z.object({})),
  event('team.changed', z.object({})),
  event('queue.changed', z.object({ ticketId: z.number().int().optional() })),
  /** `language`: a minority language the citizen chose, so the board can add a phrase recorded in it. */
  event(
    'queue.called',
    z.object({
      ticketId: z.number().int(),
      number: z.string(),
      desk: z.number().int(),
      language: z.enum(MINORITY_LANGUAGES).optional(),
    }),
  ),
  event('roster.changed', z.object({})),
  event('guides.changed', z.object({})),
  event('logbook.changed', z.object({ day: z.string().optional() })),
  event('uploads.changed', z.object({})),
  event('community.changed', z.object({})),
]);
export type LiveEvent = z.output<typeof liveEvent>;
export { EVENT_NAMES, type EventName } from './event-names';
export type EventPayload<E extends EventName> = Extract<LiveEvent, { name: E }>['payload'];
