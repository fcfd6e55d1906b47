import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../uploads/batch';
import { parseProvinceKey, formatProvinceKey } from '../uploads/provinceKey';
import { computeReport, type FactRecord } from './kpis';
import { mergeReports } from './merge';
import { periodOf, resolvePeriod } from './period';

const support = (
  day: string,
  outcome: string,
  extra: Partial<FactRecord['clear']> = {},
  groups: string[] = [],
): FactRecord => ({
  entity: 'logbook_entry',
  ref: `logbook_entry:${day}-${outcome}-${Math.random()}`,
  day,
  clear: { helpKinds: ['dvc'], outcome, procedure: 'birth', channel: 'support_point', obstacles: [], ...extra },
  categories: { priorityGroups: groups },
});
const activity = (day: string, kind: string, status = 'done'): FactRecord => ({
  entity: 'activity',
  ref: `activity:${day}${kind}`,
  day,
  clear: { kind, status },
  categories: {},
});

describe('the decision’s measures', () => {
  const november = resolvePeriod({ kind: 'month', key: '2026-11' });

  it('share filed fully online counts applications only (filed online, with help, referred)', () => {
    const r = computeReport(
      [
        support('2026-11-02', 'filed_online'),
        support('2026-11-02', 'filed_online'),
        support('2026-11-03', 'filed_with_help'),
        support('2026-11-03', 'referred'),
        support('2026-11-04', 'guided_only'),
        support('2026-11-05', 'not_completed'),
        support('2026-12-01', 'filed_online'),
      ],
      november,
      [],
    );
    expect(r.supports.total).toBe(6);
    expect(r.applications).toEqual({ total: 4, fullyOnline: 2, sharePercent: 50 });
  });

  it('judges monthly minimums per month, yearly ones only over a year', () => {
    const acts = [
      activity('2026-11-03', 'support_session'),
      activity('2026-11-10', 'support_session'),
      activity('2026-11-17', 'support_session', 'planned'),
      activity('2026-11-20', 'training_class'),
      activity('2026-11-21', 'scam_awareness'),
      activity('2026-05-21', 'scam_awareness'),
    ];
    const month = computeReport(acts, november, []);
    expect(month.activities.find((a) => a.kind === 'support_session')).toMatchObject({
      held: 2,
      minimum: 3,
      met: false,
    });
    expect(month.activities.find((a) => a.kind === 'training_class')).toMatchObject({ held: 1, minimum: 1, met: true });
    expect(month.activities.find((a) => a.kind === 'scam_awareness')).toMatchObject({
      held: 1,
      minimum: null,
      met: null,
    });
    const year = computeReport(acts, resolvePeriod({ kind: 'year', key: '2026' }), []);
    expect(year.activities.find((a) => a.kind === 'scam_awareness')).toMatchObject({ held: 2, minimum: 2, met: true });
    expect(year.activities.find((a) => a.kind === 'support_session')).toMatchObject({ minimum: 36 });
  });

  it('measures duty against the roster on working days only, a double sign-in counting once', () => {
    const roster = (day: string, members: number): FactRecord => ({
      entity: 'roster_day',
      ref: `roster_day:${day}`,
      day,
      clear: { members },
      categories: {},
    });
    const came = (day: string, member: number, planned = true): FactRecord => ({
      entity: 'attendance',
      ref: `attendance:${day}${member}${Math.random()}`,
      day,
      clear: { member: `member:${member}`, planned, status: 'present' },
      categories: {},
    });
    const r = computeReport(
      [
        roster('2026-11-02', 2),
        roster('2026-11-03', 2),
        came('2026-11-02', 1),
        came('2026-11-02', 1),
        came('2026-11-02', 2),
        came('2026-11-08', 1),
      ],
      november,
      ['2026-11-02', '2026-11-03', '2026-11-04'],
    );
    expect(r.duty).toEqual({
      workingDays: 3,
      rosteredDays: 2,
      coveredDays: 1,
      shiftsPlanned: 4,
      shiftsPresent: 2,
      coveragePercent: 33.3,
    });
  });

  it('ranks difficulties and priority groups, and adds communes up with shares recomputed', () => {
    const a = computeReport(
      [
        support('2026-11-02', 'filed_online', { obstacles: ['otp_not_received', 'no_internet'] }, ['elderly']),
        support('2026-11-02', 'referred', { obstacles: ['no_internet'] }),
      ],
      november,
      ['2026-11-02'],
    );
    expect(a.obstacles.slice(0, 2)).toEqual([
      { key: 'no_internet', count: 2 },
      { key: 'otp_not_received', count: 1 },
    ]);
    expect(a.priority.byGroup.find((g) => g.key === 'elderly')?.count).toBe(1);
    const b = computeReport([support('2026-11-03', 'filed_online'), support('2026-11-03', 'filed_online')], november, [
      '2026-11-03',
    ]);
    const both = mergeReports([a, b], a.period);
    expect(both.supports.total).toBe(4);
    expect(both.applications).toEqual({ total: 4, fullyOnline: 3, sharePercent: 75 });
  });
});

describe('periods, canonical JSON and the key file', () => {
  it('resolves months, quarters and leap years', () => {
    expect(resolvePeriod({ kind: 'month', key: '2028-02' })).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
      months: 1,
    });
    expect(resolvePeriod({ kind: 'quarter', key: '2026-Q4' })).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      months: 3,
    });
    expect(periodOf('quarter', '2026-05-20')).toEqual({ kind: 'quarter', key: '2026-Q2' });
  });
  it('canonical JSON (RFC 8785) does not depend on key order and sorts by UTF-16 code units', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
    // RFC 8785 §3.2.3: "\u20ac" sorts after "\r" and before the astral "\ud83d\ude00"; strings stay as typed (no escapes for Đ).
    expect(canonicalJson({ '😀': 1, '€': 2, '\r': 3, Đ: 4 })).toBe('{"\\r":3,"Đ":4,"€":2,"😀":1}');
    expect(canonicalJson({ n: [1e21, 0.1, -0, 100] })).toBe('{"n":[1e+21,0.1,0,100]}');
  });
  it('reads back both key files it writes and refuses anything else', () => {
    const v1 = { province: '52', encrypt: `${'A'.repeat(43)}=`, seal: null, sign: `${'B'.repeat(43)}=` };
    const v2 = { ...v1, seal: `${'C'.repeat(43)}=` };
    expect(parseProvinceKey(formatProvinceKey(v1))).toEqual(v1);
    expect(parseProvinceKey(formatProvinceKey(v2))).toEqual(v2);
    expect(formatProvinceKey(v2)).toMatch(/^DHS-PROVINCE-KEY\/2\n/);
    expect(parseProvinceKey(formatProvinceKey(v2).replace(/seal: .*\n/, ''))).toBeNull();
    expect(parseProvinceKey(formatProvinceKey(v1).replace('DHS-PROVINCE-KEY/1', 'OTHER'))).toBeNull();
    expect(parseProvinceKey('')).toBeNull();
  });
});
