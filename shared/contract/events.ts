import { z } from 'zod';
import { MINORITY_LANGUAGES } from '../settings/languages';
import type { EventName } from './event-names';

/**
 * Live events: "something changed", never personal data, so every screen (the board included)
 * may listen. Screens re-read what they show through normal methods.
 */
export const EVENTS = {
  'settings.changed': z.object({}),
  'team.changed': z.object({}),
  'queue.changed': z.object({ ticketId: z.number().int().optional() }),
  /** `language`: a minority language the citizen chose, so the board can add a phrase recorded in it. */
  'queue.called': z.object({ ticketId: z.number().int(), number: z.string(), desk: z.number().int(), language: z.enum(MINORITY_LANGUAGES).optional() }),
  'roster.changed': z.object({}),
  'guides.changed': z.object({}),
  'logbook.changed': z.object({ day: z.string().optional() }),
  'uploads.changed': z.object({}),
  'community.changed': z.object({}),
} as const satisfies Record<EventName, z.ZodType>;
export { EVENT_NAMES, type EventName } from './event-names';
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;
export interface LiveEvent<E extends EventName = EventName> {
  name: E;
  payload: EventPayload<E>;
}
