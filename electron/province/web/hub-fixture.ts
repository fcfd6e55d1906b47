import { randomUUID } from 'node:crypto';
import { workingDaysBetween } from '#shared/reports/calendar';
import { RECORD_ENTITIES, ZERO_HASH } from '#shared/uploads/batch';
import { fingerprint, generateSigningKey } from '#core/crypto/signing';
import { packageBatch } from '#core/uploads/package';
import type { ProvinceSecret } from '../keys';
import { enrolPoint } from '../registry';
import type { ProvinceDb } from '../store';

/**
 * For tests and the bench: a point of a unit that makes real signed, sealed closing batches day
 * after day (supports with a kind of help, an outcome and an obstacle now and then; a support
 * session every week), exactly as a point packages them.
 */
export interface FixturePoint {
  unit: string;
  id: string;
  key: { publicRaw: string; privatePem: string };
  seq: number;
  prev: string;
  ref: number;
}

export function fixturePoint(unit: string): FixturePoint {
  const key = generateSigningKey();
  return { unit, id: randomUUID(), key, seq: 0, prev: ZERO_HASH, ref: 0 };
}

export async function enrolFixture(store: ProvinceDb, point: FixturePoint): Promise<void> {
  await enrolPoint(store, {
    unit: point.unit,
    fingerprint: fingerprint(point.key.publicRaw),
    by: 'Cán bộ Sở KH&CN (test)',
    at: new Date('2026-01-01T01:00:00Z'),
  });
}

const KINDS = ['dvc', 'vneid', 'payment', 'smartphone'];
const OUTCOMES = ['filed_online', 'filed_online', 'filed_with_help', 'guided_only', 'referred'];

/** The closing batch of `day` with `supports` supports (0 is a real report of zero). */
export function closingBatch(
  point: FixturePoint,
  secret: ProvinceSecret,
  day: string,
  supports: number,
  options: { session?: boolean } = {},
): string {
  point.seq++;
  const items = Array.from({ length: supports }, (_, i) => ({
    entity: 'logbook_entry',
    ref: `logbook_entry:${++point.ref}`,
    version: 1,
    supersedes: null,
    day,
    late: false,
    state: 'recorded' as const,
    clear: {
      helpKinds: [KINDS[(point.ref + i) % KINDS.length]],
      procedure: 'birth',
      outcome: OUTCOMES[point.ref % OUTCOMES.length],
      channel: 'support_point',
      obstacles: point.ref % 4 === 0 ? ['no_internet'] : point.ref % 7 === 0 ? ['otp_not_received'] : [],
    },
    personal: { fullName: `Người dân ${point.ref}`, phone: null },
    categories: { priorityGroups: point.ref % 5 === 0 ? ['elderly'] : [] },
  }));
  if (options.session) {
    items.push({
      entity: 'activity',
      ref: `activity:${++point.ref}`,
      version: 1,
      supersedes: null,
      day,
      late: false,
      state: 'recorded' as const,
      clear: { kind: 'support_session', status: 'done', participants: 12 } as never,
      personal: null as never,
      categories: null as never,
    });
  }
  const totals = Object.fromEntries(RECORD_ENTITIES.map((e) => [e, items.filter((i) => i.entity === e).length]));
  const batch = packageBatch({
    point: {
      id: point.id,
      communeName: point.unit,
      communeCode: null,
      signPublic: point.key.publicRaw,
      signPrivatePem: point.key.privatePem,
    },
    recipients: { categoriesKey: secret.encryptPublic, personalKey: secret.sealPublic! },
    seq: point.seq,
    prev: point.prev,
    createdAt: `${day}T10:05:00.000Z`,
    kind: 'closing',
    keyChange: null,
    items,
    days: [{ day, closed: { at: `${day}T10:00:00.000Z`, by: 'official' }, totals }],
  });
  point.prev = batch.hash;
  return batch.text;
}

/** Every working day of [from, to] as closing batches, a support session on Mondays. */
export function workingDayBatches(
  point: FixturePoint,
  secret: ProvinceSecret,
  from: string,
  to: string,
  supportsPerDay: number,
): { day: string; text: string }[] {
  return workingDaysBetween(from, to, false, []).map((day) => ({
    day,
    text: closingBatch(point, secret, day, supportsPerDay, { session: new Date(`${day}T00:00:00Z`).getUTCDay() === 1 }),
  }));
}
