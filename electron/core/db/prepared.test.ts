import { describe, expect, it } from 'vitest';
import type { MemberTable } from '../team/schema';
import { openTestApp } from '../testing';
import { preparedQuery } from './prepared';

type StaffRole = MemberTable['access_role'];

describe('prepared queries', () => {
  it('runs a query compiled once with the values of each call', async () => {
    const app = await openTestApp();
    try {
      const member = preparedQuery((db, v: { role: StaffRole; active: number }) =>
        db.selectFrom('member').select(['full_name']).where('access_role', '=', v.role).where('active', '=', v.active),
      );
      expect((await member(app.db, { role: 'admin', active: 1 })).rows).toEqual([{ full_name: 'Quản trị' }]);
      expect((await member(app.db, { role: 'admin', active: 0 })).rows).toEqual([]);
      expect((await member(app.db, { role: 'duty_member', active: 1 })).rows).toEqual([]);
    } finally {
      await app.cleanup();
    }
  });

  it('refuses a value the query never received (used in JavaScript instead of SQL)', async () => {
    const app = await openTestApp();
    try {
      const wrong = preparedQuery((db, v: { role: StaffRole; onlyActive: boolean }) => {
        const q = db.selectFrom('member').select('id').where('access_role', '=', v.role);
        return v.onlyActive ? q.where('active', '=', 1) : q;
      });
      await expect(wrong(app.db, { role: 'admin', onlyActive: false })).rejects.toThrow(
        'onlyActive was not used as a value',
      );
    } finally {
      await app.cleanup();
    }
  });
});
