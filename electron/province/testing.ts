import { RECORD_ENTITIES, ZERO_HASH } from '#shared/uploads/batch';
import type { Db } from '#core/db/open';
import { packageBatch } from '#core/uploads/package';
import { ensureIdentity } from '#core/uploads/identity';
import type { ProvinceSecret } from './keys';
import { enrolPoint } from './registry';
import type { ProvinceDb } from './store';

/** For tests: the province enrols a point from what its admin would read out (fingerprint, commune). */
export async function enrolPointOf(store: ProvinceDb, pointDb: Db, options: { code?: string } = {}): Promise<string> {
  const identity = await ensureIdentity(pointDb, new Date());
  const setting = await pointDb
    .selectFrom('point_setting')
    .select('commune_name')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  await enrolPoint(store, {
    unit: setting.commune_name,
    fingerprint: identity.fingerprint,
    code: options.code,
    by: 'Cán bộ Sở KH&CN (test)',
    at: new Date(),
  });
  return identity.fingerprint;
}

/** A support of the logbook as a batch carries it (no personal data). */
export const supportItem = (n: number, day: string, outcome: string) => ({
  entity: 'logbook_entry',
  ref: `logbook_entry:${n}`,
  version: 1,
  supersedes: null,
  day,
  late: false,
  state: 'recorded' as const,
  clear: { helpKinds: ['dvc'], procedure: 'birth', outcome, channel: 'support_point', obstacles: [] },
  personal: { fullName: null },
  categories: { priorityGroups: [] },
});
export const activityItem = (n: number, day: string, kind: string, status = 'done') => ({
  entity: 'activity',
  ref: `activity:${n}`,
  version: 1,
  supersedes: null,
  day,
  late: false,
  state: 'recorded' as const,
  clear: { kind, status },
  personal: null,
  categories: null,
});
type Item = ReturnType<typeof supportItem> | ReturnType<typeof activityItem>;
const totalsOf = (items: Item[]) =>
  Object.fromEntries(RECORD_ENTITIES.map((e) => [e, items.filter((i) => i.entity === e).length]));

/** A point's closing batch per day, chained from its first; `skip` leaves a seq out (sent, never received). */
export function chainOfBatches(input: {
  province: ProvinceSecret;
  key: { publicRaw: string; privatePem: string };
  pointId: string;
  communeName: string;
  days: [string, Item[]][];
  skip?: number | null;
}): string[] {
  let prev = ZERO_HASH;
  const texts: string[] = [];
  input.days.forEach(([day, items], i) => {
    const made = packageBatch({
      point: {
        id: input.pointId,
        communeName: input.communeName,
        communeCode: null,
        signPublic: input.key.publicRaw,
        signPrivatePem: input.key.privatePem,
      },
      recipients: { categoriesKey: input.province.encryptPublic, personalKey: input.province.sealPublic! },
      seq: i + 1,
      prev,
      createdAt: `${day}T10:00:00.000Z`,
      kind: 'closing',
      keyChange: null,
      items: [...items].sort((a, b) => (a.ref < b.ref ? -1 : 1)),
      days: [{ day, closed: { at: `${day}T10:00:00.000Z`, by: 'official' }, totals: totalsOf(items) }],
    });
    prev = made.hash;
    if (i + 1 !== input.skip) texts.push(made.text);
  });
  return texts;
}
