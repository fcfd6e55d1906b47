import { useHashRoute } from '../app/router';
import { vnDay, vnTime } from '#shared/time/vietnam';
import type { EntryInput } from '#shared/logbook/schemas';

/** The parts of a logbook route after its base: `/staff/logbook/entry/12/correct` → ['12', 'correct']. */
export function useRouteParts(base: string): { parts: string[]; query: URLSearchParams } {
  const route = useHashRoute();
  const [path = '', search = ''] = route.split('?');
  const rest = path.startsWith(base) ? path.slice(base.length) : '';
  return { parts: rest.split('/').filter(Boolean), query: new URLSearchParams(search) };
}

/** A new entry made by hand: now, at the point, helped by whoever is signed in. */
export function blankEntry(memberId: number | undefined, now = new Date()): EntryInput {
  return {
    day: vnDay(now),
    time: vnTime(now),
    channel: 'support_point',
    place: null,
    desk: null,
    memberIds: memberId ? [memberId] : [],
    helpKinds: [],
    procedure: null,
    guideId: null,
    procedureText: null,
    applicationCode: null,
    outcome: undefined as unknown as EntryInput['outcome'],
    obstacles: [],
    guideErrors: [],
    obstacleText: null,
    minutes: 15,
    language: 'vi',
    birthYear: null,
    ageBand: 'unknown',
    gender: 'unspecified',
    village: null,
    priorityGroups: [],
    fullName: null,
    phone: null,
    ethnicity: null,
    consent: { contact: false, ethnicity: false, disability: false },
    ticketId: null,
  };
}
