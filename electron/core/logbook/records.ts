import type { Selectable } from 'kysely';
import { ageBandOf, type EntryData, type EntryView } from '#shared/logbook/schemas';
import type { z } from 'zod';
import type { Db } from '../db/open';
import { parseJsonColumn } from '../json';
import { consentColumn, factsColumn, personColumn } from './columns';
import type { LogbookVersionTable } from './schema';

/** The personal part of an entry: erased after the retention period or on request (an application code finds the citizen's file, so it is personal too). */
export type PersonPart = z.output<typeof personColumn>;
export type FactsPart = z.output<typeof factsColumn>;
export type ConsentPart = z.output<typeof consentColumn>;
export type ConsentItem = ConsentPart['contact'];

const PERSON_KEYS = ['fullName', 'phone', 'birthYear', 'ethnicity', 'applicationCode'] as const;

/** Split what was typed into facts (kept for counts) and the person (erasable). */
export function splitEntry(entry: EntryData): { facts: FactsPart; person: PersonPart | null } {
  const { consent: _consent, fullName, phone, birthYear, ethnicity, applicationCode, ...rest } = entry;
  const facts: FactsPart = { ...rest, ageBand: birthYear ? ageBandOf(birthYear, entry.day) : rest.ageBand };
  const person: PersonPart = { fullName, phone, birthYear, ethnicity, applicationCode };
  return { facts, person: PERSON_KEYS.some((k) => person[k] !== null) ? person : null };
}

/**
 * Consent as recorded: when a consent first appears, it is stamped with now and the recorder;
 * a consent carried over from the previous version keeps its original stamp.
 */
export function stampConsent(
  given: EntryData['consent'],
  previous: ConsentPart | null,
  at: string,
  by: number | null,
): ConsentPart {
  const item = (key: keyof ConsentPart): ConsentItem => (given[key] ? (previous?.[key] ?? { at, by }) : null);
  return { contact: item('contact'), ethnicity: item('ethnicity'), disability: item('disability') };
}

const EMPTY_PERSON: PersonPart = {
  fullName: null,
  phone: null,
  birthYear: null,
  ethnicity: null,
  applicationCode: null,
};

/** A stored version back to the shape screens read; names of recorders come from `names`. */
export function toView(row: Selectable<LogbookVersionTable>, names: Map<number, string>): EntryView {
  const facts = parseJsonColumn(factsColumn, row.facts);
  const person = parseJsonColumn(personColumn, row.person) ?? EMPTY_PERSON;
  const consent = parseJsonColumn(consentColumn, row.consent);
  const named = (c: ConsentItem) => (c ? { ...c, byName: c.by === null ? null : (names.get(c.by) ?? null) } : null);
  return {
    ...facts,
    ...person,
    consent: {
      contact: named(consent.contact),
      ethnicity: named(consent.ethnicity),
      disability: named(consent.disability),
    },
  };
}

/** Every member's name in one query (the team is small): no query per row. */
export async function memberNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.selectFrom('member').select(['id', 'full_name']).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

export async function isDayClosed(db: Db, day: string): Promise<boolean> {
  return !!(await db.selectFrom('logbook_day_close').select('day').where('day', '=', day).executeTakeFirst());
}
