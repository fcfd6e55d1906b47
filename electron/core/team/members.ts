import type { MemberSummary } from '../../../shared/team/schemas';
import type { Db } from '../db/open';
import type { MemberTable } from './schema';
import type { Selectable } from 'kysely';

export function toMemberSummary(row: Selectable<MemberTable>): MemberSummary {
  return {
    id: row.id,
    fullName: row.full_name,
    accessRole: row.access_role,
    position: row.position,
    subGroup: row.sub_group as MemberSummary['subGroup'],
    village: row.village,
    skills: JSON.parse(row.skills),
    languages: JSON.parse(row.languages),
    active: row.active === 1,
  };
}

export async function listMembers(db: Db): Promise<MemberSummary[]> {
  const rows = await db.selectFrom('member').selectAll().orderBy('active', 'desc').orderBy('full_name').execute();
  return rows.map(toMemberSummary);
}
