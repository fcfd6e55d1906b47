import { describe, expect, it } from 'vitest';
import { batchBody, batchRecord, parseBatchBody, plainRecords } from './batch';

const good = {
  entity: 'logbook_entry',
  ref: 'logbook_entry:42',
  version: 1,
  supersedes: null,
  day: '2026-03-02',
  late: false,
  state: 'recorded',
  clear: { helpKinds: ['dvc'], procedure: 'birth', outcome: 'filed_online', channel: 'support_point', obstacles: [] },
  personal: { enc: 'AAAA', ct: 'QUJD' },
};

/** Values each member may be given: the schema accepts some, refuses the others. */
const VARIANTS: Record<string, unknown[]> = {
  entity: ['activity', 'a_b', '', 'Logbook', 'logbook-entry', 'x'.repeat(41), 7, null, undefined],
  ref: ['logbook_entry:1', 'a:Z_-9', 'logbook_entry:', ':1', 'a:b:c', `a:${'1'.repeat(41)}`, 1, null],
  version: [1, 2, 2 ** 40, 0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, '1', null, Number.NaN],
  supersedes: [null, 1, 3, 0, -2, 2.5, '1', undefined, false],
  day: ['2026-02-28', '2024-02-29', '2026-02-29', '2026-13-01', '2026-1-01', '1999-01-01', '', 20260101, null],
  late: [true, false, 0, 1, 'false', null, undefined],
  state: ['recorded', 'erased', 'deleted', 'gone', '', null, undefined],
  clear: [
    {},
    { a: 1, b: { c: [1] } },
    { 2: 'x', 1: 'y', z: null },
    [],
    null,
    'x',
    undefined,
    JSON.parse('{"__proto__":{"p":1},"a":1}'),
  ],
  personal: [
    null,
    { enc: 'AA==', ct: 'AAA=' },
    { enc: 'AAAA', ct: 'QUJD', extra: 1 },
    { enc: 'A', ct: 'QUJD' },
    { enc: 'AAAA' },
    {},
    'AAAA',
    undefined,
    [],
    { enc: 'AA AA', ct: 'QUJD' },
  ],
};

/** The schema's reading of a record list, or null when it refuses it. */
function schema(records: unknown): unknown {
  const r = batchRecord.array().safeParse(records);
  return r.success ? r.data : null;
}

function cases(): unknown[][] {
  const out: unknown[][] = [[good], [good, { ...good, ref: 'logbook_entry:43' }], []];
  for (const [key, values] of Object.entries(VARIANTS)) {
    for (const v of values) {
      const r: Record<string, unknown> = { ...good };
      if (v === undefined) delete r[key];
      else r[key] = v;
      out.push([good, r]);
    }
  }
  // Unknown members are dropped by the schema; a record that is not an object is refused.
  out.push([{ ...good, extra: 'x' }], [null], ['record'], [[good]], [Object.create(null)]);
  return out;
}

describe('plainRecords reads records as batchRecord does, or leaves them to it', () => {
  it.each(cases().map((c, i) => [i, c] as const))('case %i', (_i, records) => {
    const quick = plainRecords(records);
    const full = schema(records);
    if (full === null) expect(quick).toBeNull();
    if (quick !== null) {
      expect(quick).toEqual(full);
      // The same members in the same order: what is stored is JSON text of it.
      expect(JSON.stringify(quick)).toBe(JSON.stringify(full));
    }
  });

  it('takes the ordinary shapes itself (the quick path is the one a year of batches goes by)', () => {
    expect(plainRecords([good])).not.toBeNull();
    expect(plainRecords([{ ...good, personal: null, state: 'erased', version: 3, supersedes: 2 }])).not.toBeNull();
    expect(plainRecords([{ ...good, clear: { 2: 'x', 1: 'y' } }])).not.toBeNull();
    expect(plainRecords('not a list')).toBeNull();
  });

  it('parseBatchBody gives what batchBody gives, for a good body and a bad one', () => {
    const body = JSON.parse(
      '{"format":"dhs-batch/2","provinceCode":"52","codelistVersion":"QD19-2025","point":{"id":"0b9c2a9e-1f8b-4c3a-9a7e-2f6d1c0b8a11","key":"qvTGjD8WnG2dP0oXoZgYw6Y1b2c3d4eQvTGjD8WnG2d=","fingerprint":"3F2A-91C0-0000-ABCD","communeName":"Ia Grai","communeCode":null,"appVersion":"0.1.0"},"batchId":"5f0c7b1e-3d2a-4b6c-8e9f-1a2b3c4d5e6f","seq":1,"prev":"0000000000000000000000000000000000000000000000000000000000000000","createdAt":"2026-03-02T10:05:00.000Z","kind":"closing","sealing":{"suite":"DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM","personalKey":"3F2A-91C0-0000-ABCD","categoriesKey":"3F2A-91C0-0000-ABCD"},"days":[{"day":"2026-03-02","closed":{"at":"2026-03-02T10:00:00.000Z","by":"official"},"totals":{"logbook_entry":1,"ticket":0,"attendance":0,"activity":0,"roster_day":0}}],"counts":{"records":1,"late":0,"erased":0,"deleted":0,"byEntity":{"logbook_entry":1}},"records":[],"categories":null,"keyChange":null,"later":"ignored"}',
    );
    body.records = [good];
    const full = batchBody.safeParse(body);
    expect(full.error?.issues).toBeUndefined();
    const quick = parseBatchBody(body);
    expect(JSON.stringify(quick.data)).toBe(JSON.stringify(full.data));
    for (const bad of [
      { ...body, seq: 0 },
      { ...body, records: [{ ...good, day: '2026-02-30' }] },
      { ...body, point: { ...body.point, id: 'nope' } },
    ]) {
      expect(parseBatchBody(bad).success).toBe(false);
      expect(parseBatchBody(bad).error?.issues).toEqual(batchBody.safeParse(bad).error?.issues);
    }
  });
});
