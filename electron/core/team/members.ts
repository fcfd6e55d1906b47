import { AppError } from '#shared/contract';
import type { MemberDetail, MemberInput, MemberSummary } from '#shared/team/schemas';
import { teamWarnings } from '#shared/team/warnings';
import { vnDay } from '#shared/time/vietnam';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { audit } from '../settings/audit';
import { hashNewPin } from '../settings/pin';
import { readPointSettings } from '../settings/service';
import { noteRosterDays } from './roster-changes';
import type { MemberTable } from './schema';
import type { Selectable } from 'kysely';
import { parseJsonColumn } from '../json';
import { languagesColumn, skillsColumn } from './columns';

export function toMemberSummary(row: Selectable<MemberTable>): MemberSummary {
  return {
    id: row.id,
    fullName: row.full_name,
    accessRole: row.access_role,
    position: row.position,
    subGroup: row.sub_group,
    village: row.village,
    skills: parseJsonColumn(skillsColumn, row.skills),
    languages: parseJsonColumn(languagesColumn, row.languages),
    active: row.active === 1,
  };
}

export async function listMembers(db: Db): Promise<MemberSummary[]> {
  const rows = await db.selectFrom('member').selectAll().orderBy('active', 'desc').orderBy('full_name').execute();
  return rows.map(toMemberSummary);
}

/** The team for leaders: contact details and the warnings where it departs from the decision. */
export async function teamOverview(ctx: CoreContext) {
  const rows = await ctx.db.selectFrom('member').selectAll().orderBy('active', 'desc').orderBy('full_name').execute();
  const now = ctx.now().toISOString();
  const locked = new Set(
    (await ctx.db.selectFrom('pin_state').select('member_id').where('locked_until', '>', now).execute()).map(
      (r) => r.member_id,
    ),
  );
  const members: MemberDetail[] = rows.map((row) => ({
    ...toMemberSummary(row),
    origin: row.origin,
    phone: row.phone,
    phoneConsent: row.phone_consent_at !== null,
    locked: locked.has(row.id),
  }));
  const { localLanguages } = await readPointSettings(ctx.db);
  return { members, warnings: teamWarnings(members, localLanguages), localLanguages };
}

type Parsed = Omit<MemberInput, 'village' | 'phone'> & { village: string | null; phone: string | null };

async function otherActiveAdmins(db: Db, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('member')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('access_role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Add or change a member. The access role follows the position (leader and deputies lead,
 * others are duty members) unless an admin sets it; only an admin touches accounts outside the
 * team (admin, commune official) or gives such roles, and the last admin cannot be demoted.
 */
export async function saveMember(ctx: CoreContext, input: Parsed): Promise<number> {
  const isAdmin = ctx.caller.role === 'admin';
  const existing = input.id
    ? await ctx.db.selectFrom('member').selectAll().where('id', '=', input.id).executeTakeFirst()
    : undefined;
  if (input.id && !existing) throw new AppError('not_found');
  if (!isAdmin && input.position === null) throw new AppError('forbidden');
  const derived = input.position === null ? null : input.position === 'member' ? 'duty_member' : 'team_leader';
  const role = (isAdmin && input.accessRole) || derived || existing?.access_role;
  if (!role) throw new AppError('invalid_input', {}, { position: 'team:problems.positionRequired' });
  const outsideTeam = (r: string) => r === 'admin' || r === 'commune_official';
  if (
    !isAdmin &&
    (outsideTeam(role) ||
      (existing && outsideTeam(existing.access_role)) ||
      (input.accessRole && input.accessRole !== derived))
  ) {
    throw new AppError('forbidden');
  }
  if (existing?.access_role === 'admin' && role !== 'admin' && (await otherActiveAdmins(ctx.db, existing.id)) === 0) {
    throw new AppError('invalid_input', {}, { accessRole: 'team:problems.lastAdmin' });
  }
  const at = ctx.now().toISOString();
  const values = {
    full_name: input.fullName,
    access_role: role,
    position: input.position,
    origin: input.origin,
    sub_group: input.subGroup,
    village: input.village,
    skills: JSON.stringify(input.skills),
    languages: JSON.stringify(input.languages),
    phone: input.phone,
    phone_consent_at: input.phone ? (existing?.phone_consent_at ?? at) : null,
    updated_at: at,
  };
  if (existing) {
    await ctx.db.updateTable('member').set(values).where('id', '=', existing.id).execute();
    await audit(ctx, 'team.update', { memberId: existing.id, role });
    ctx.emit('team.changed', {});
    return existing.id;
  }
  const row = await ctx.db
    .insertInto('member')
    .values({ ...values, pin_hash: await hashNewPin(input.pin!, 'pin'), active: 1, locked_until: null, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, 'team.add', { memberId: row.id, role });
  ctx.emit('team.changed', {});
  return row.id;
}

/**
 * Deactivate (never delete: attendance, logbook and roster keep pointing at the member) or
 * reactivate. A deactivated member is taken off the roster from today on, so the leader sees
 * the gaps at once instead of on the day.
 */
export async function setMemberActive(ctx: CoreContext, id: number, active: boolean): Promise<number> {
  const member = await ctx.db.selectFrom('member').selectAll().where('id', '=', id).executeTakeFirst();
  if (!member) throw new AppError('not_found');
  if (ctx.caller.role !== 'admin' && (member.access_role === 'admin' || member.access_role === 'commune_official'))
    throw new AppError('forbidden');
  if (!active && id === ctx.caller.memberId)
    throw new AppError('invalid_input', {}, { id: 'team:problems.notYourself' });
  if (!active && member.access_role === 'admin' && (await otherActiveAdmins(ctx.db, id)) === 0) {
    throw new AppError('invalid_input', {}, { id: 'team:problems.lastAdmin' });
  }
  await ctx.db
    .updateTable('member')
    .set({ active: active ? 1 : 0, updated_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .execute();
  let removed = 0;
  if (!active) {
    await ctx.db.deleteFrom('session').where('member_id', '=', id).execute();
    const shifts = await ctx.db
      .selectFrom('roster_shift')
      .select(['id', 'day'])
      .where('member_id', '=', id)
      .where('day', '>=', vnDay(ctx.now()))
      .execute();
    if (shifts.length) {
      await ctx.db
        .deleteFrom('roster_shift')
        .where(
          'id',
          'in',
          shifts.map((s) => s.id),
        )
        .execute();
      await noteRosterDays(
        ctx,
        shifts.map((s) => s.day),
      );
    }
    removed = shifts.length;
  }
  await audit(ctx, active ? 'team.reactivate' : 'team.deactivate', { memberId: id, removedShifts: removed });
  ctx.emit('team.changed', {});
  return removed;
}

export async function resetMemberPin(ctx: CoreContext, id: number, pin: string): Promise<void> {
  const member = await ctx.db
    .selectFrom('member')
    .select(['id', 'access_role'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!member) throw new AppError('not_found');
  if (ctx.caller.role !== 'admin' && (member.access_role === 'admin' || member.access_role === 'commune_official'))
    throw new AppError('forbidden');
  await ctx.db
    .updateTable('member')
    .set({ pin_hash: await hashNewPin(pin, 'pin'), pin_change_required: 0, updated_at: ctx.now().toISOString() })
    .where('id', '=', id)
    .execute();
  // A new PIN lifts the locks the old one had.
  await ctx.db.deleteFrom('pin_state').where('member_id', '=', id).execute();
  await ctx.db.deleteFrom('session').where('member_id', '=', id).execute();
  await audit(ctx, 'team.resetPin', { memberId: id });
}
