/** The live events by name, without their payloads' schemas: what a page subscribes to. */
export const EVENT_NAMES = [
  'settings.changed', 'team.changed', 'queue.changed', 'queue.called', 'roster.changed', 'guides.changed', 'logbook.changed', 'uploads.changed', 'community.changed',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];
