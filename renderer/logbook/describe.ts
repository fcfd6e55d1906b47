import { dataKey, useT, type Translate } from '../app/useT';
import { formatDate, formatDateTime } from '#shared/format/vietnamese';
import type { DayClose, EntryView } from '#shared/logbook/schemas';
import { useQuery } from '../app/useQuery';

/** The fields a person reads on an entry, in reading order (also what a correction may change). */
export const VIEW_FIELDS = [
  'day',
  'time',
  'channel',
  'place',
  'desk',
  'memberIds',
  'helpKinds',
  'procedure',
  'procedureText',
  'outcome',
  'applicationCode',
  'obstacles',
  'guideErrors',
  'obstacleText',
  'minutes',
  'language',
  'birthYear',
  'ageBand',
  'gender',
  'village',
  'priorityGroups',
  'fullName',
  'phone',
  'ethnicity',
] as const satisfies readonly (keyof EntryView)[];
export type ViewField = (typeof VIEW_FIELDS)[number];

const LABEL_KEY: Record<ViewField, string> = {
  day: 'form.day',
  time: 'form.time',
  channel: 'form.channel',
  place: 'form.place',
  desk: 'form.desk',
  memberIds: 'form.members',
  helpKinds: 'form.helpKinds',
  procedure: 'form.procedure',
  procedureText: 'form.procedureText',
  outcome: 'form.outcome',
  applicationCode: 'form.applicationCode',
  obstacles: 'form.obstacles',
  guideErrors: 'form.guideErrors',
  obstacleText: 'form.obstacleText',
  minutes: 'form.minutes',
  language: 'form.language',
  birthYear: 'form.birthYear',
  ageBand: 'form.ageBand',
  gender: 'form.gender',
  village: 'form.village',
  priorityGroups: 'form.priorityGroups',
  fullName: 'form.fullName',
  phone: 'form.phone',
  ethnicity: 'form.ethnicity',
};

/** An instant as a Vietnamese reads it: 25/11/2026 09:30 (Vietnam's clock, whatever the PC's zone). */
export function formatInstant(iso: string): string {
  const at = new Date(iso);
  return formatDateTime(at);
}

/** Field values as words, for the detail page and the list of changes between versions. */
export function useDescribe() {
  const { t } = useT('logbook');
  const members = useMembersById();
  const describe = (field: ViewField, v: EntryView): string => {
    switch (field) {
      case 'day':
        return formatDate(v.day);
      case 'channel':
        return t(`vocabulary:channels.${v.channel}`);
      case 'memberIds':
        return v.memberIds.map((m) => members.get(m) ?? `#${m}`).join(', ');
      case 'helpKinds':
        return v.helpKinds.map((k) => t(`team:helpKinds.${k}`)).join(', ');
      case 'procedure':
        return v.procedure ? t(`vocabulary:procedures.${v.procedure}`) : '';
      case 'outcome':
        return t(`vocabulary:outcomes.${v.outcome}`);
      case 'obstacles':
        return v.obstacles.map((o) => t(`vocabulary:obstacles.${o}`)).join(', ');
      case 'guideErrors':
        return v.guideErrors.map((g) => g.label).join(', ');
      case 'language':
        return t(`common:language.${v.language}`);
      case 'ageBand':
        return t(`vocabulary:ageBands.${v.ageBand}`);
      case 'gender':
        return t(`vocabulary:genders.${v.gender}`);
      case 'priorityGroups':
        return v.priorityGroups.map((g) => t(`vocabulary:priorityGroups.${g}`)).join(', ');
      case 'ethnicity':
        return v.ethnicity ? t(`vocabulary:ethnicities.${v.ethnicity}`) : '';
      default: {
        const value = v[field];
        return value === null || value === undefined ? '' : String(value);
      }
    }
  };
  return Object.assign(describe, { label: (field: ViewField) => t(dataKey(LABEL_KEY[field])) });
}

function useMembersById(): Map<number, string> {
  const team = useQuery('team.list', {});
  return new Map((team.data ?? []).map((m) => [m.id, m.fullName]));
}

/** What a close carried, in one sentence ('' when nothing was open): only the parts that are not zero. */
export function carriedText(t: Translate<'logbook'>, carried: DayClose['carried']): string {
  const counts = { tickets: carried.tickets.length, entries: carried.entries.length };
  if (counts.tickets && counts.entries) return t('logbook:day.carried', counts);
  if (counts.tickets) return t('logbook:day.carriedTickets', counts);
  if (counts.entries) return t('logbook:day.carriedEntries', counts);
  return '';
}
