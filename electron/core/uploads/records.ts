import type { FactRecord } from '#shared/reports/kpis';
import type { RecordEntity } from '#shared/uploads/batch';
import type { Db } from '../db/open';
import { SERIALISERS } from './serialisers';

/**
 * How one kind of record leaves the point. Each domain's data is read here (not in the domain)
 * so that what the province receives is decided in one place, field by field:
 * - `clear`: coded facts about the service (help kind, procedure, outcome, difficulty codes);
 * - `categories`: coded facts about the person a measure needs (priority groups), sealed;
 * - `personal`: everything else about the person (name, phone, village, notes…), sealed.
 */
export interface Serialised {
  day: string;
  /** `erased`: the person's part is gone at the point (request or retention); the counted facts stay. */
  state: 'recorded' | 'erased';
  clear: Record<string, unknown>;
  categories: Record<string, unknown>;
  personal: Record<string, unknown>;
}

export interface EntitySerialiser {
  /** The current version of every record whose day is in [from, to], in one query (reports). */
  range(db: Db, from: string, to: string): Promise<{ id: number; record: Serialised }[]>;
  /** The record at `version` (or as it is now when the domain keeps no history); null once it no longer exists. */
  read(db: Db, id: number, version: number): Promise<Serialised | null>;
}

export function serialiserFor(entity: RecordEntity): EntitySerialiser {
  return SERIALISERS[entity];
}

export const refOf = (entity: string, id: number) => `${entity}:${id}`;

/** The point's own records for a span of days, in the shape the KPI functions read. */
export async function pointFacts(db: Db, from: string, to: string): Promise<FactRecord[]> {
  const facts: FactRecord[] = [];
  for (const [entity, serialiser] of Object.entries(SERIALISERS)) {
    for (const { id, record } of await serialiser.range(db, from, to)) {
      facts.push({
        entity,
        ref: refOf(entity, id),
        day: record.day,
        clear: record.clear,
        categories: record.categories,
      });
    }
  }
  return facts;
}
