import type { teamMethods } from '#shared/team/contract';
import type { Handlers } from '../context';
import { listActivities, reportActivity, saveActivity } from './activities';
import { signInForDuty, signOutOfDuty, today } from './attendance';
import { addLeave, listLeave, removeLeave } from './leave';
import { listMembers, resetMemberPin, saveMember, setMemberActive, teamOverview } from './members';
import { assign, generateMonth, monthView, publish, setDay, swap, unassign, updateRosterSettings } from './roster';
import { dismissRosterNotice, editRoster, myRosterNotices } from './roster-edit';
import { exportRoster } from './roster-export';

const ok = { ok: true } as const;

export const teamHandlers: Handlers<typeof teamMethods> = {
  'team.list': (ctx) => listMembers(ctx.db),
  'team.members': (ctx) => teamOverview(ctx),
  'team.save': async (ctx, input) => ({ id: await saveMember(ctx, input) }),
  'team.setActive': async (ctx, input) => ({ removedShifts: await setMemberActive(ctx, input.id, input.active) }),
  'team.resetPin': async (ctx, input) => (await resetMemberPin(ctx, input.id, input.pin), ok),
  'roster.month': async (ctx, input) => {
    const view = await monthView(ctx.db, input.month);
    // A draft is the leaders' working copy: members see a month once it is published. Who is
    // unavailable when is for the leaders who plan around it.
    if (ctx.caller.role !== 'duty_member') return view;
    if (view.status === 'published') return { ...view, leave: [] };
    return {
      ...view,
      days: view.days.map((d) => ({
        ...d,
        shifts: d.shifts.map((s) => ({ ...s, count: 0, state: 'ok' as const, members: [] })),
      })),
      tally: [],
      leave: [],
    };
  },
  'roster.generate': (ctx, input) => generateMonth(ctx, input.month, input.seed),
  'roster.assign': async (ctx, input) => (await assign(ctx, input.day, input.shift, input.memberId), ok),
  'roster.unassign': async (ctx, input) => (await unassign(ctx, input.shiftId), ok),
  'roster.swap': async (ctx, input) => (await swap(ctx, input.a, input.b), ok),
  'roster.publish': async (ctx, input) => (await publish(ctx, input.month), ok),
  'roster.edit': (ctx, input) => editRoster(ctx, input.month, input.changes, input.confirmed),
  'roster.notices': (ctx) => myRosterNotices(ctx),
  'roster.dismissNotice': async (ctx, input) => (await dismissRosterNotice(ctx, input.id), ok),
  'roster.updateSettings': async (ctx, input) => (await updateRosterSettings(ctx, input), ok),
  'roster.setDay': async (ctx, input) => (await setDay(ctx, input.day, input.kind, input.reason), ok),
  'roster.export': (ctx, input) => exportRoster(ctx.db, input.month, input.format),
  'roster.today': (ctx) => today(ctx),
  'leave.list': (ctx, input) => listLeave(ctx, input.from),
  'leave.add': (ctx, input) => addLeave(ctx, input),
  'leave.remove': async (ctx, input) => (await removeLeave(ctx, input.id), ok),
  'attendance.signIn': (ctx, input) => signInForDuty(ctx, input.memberId, input.pin),
  'attendance.signOut': (ctx, input) => signOutOfDuty(ctx, input.memberId, input.pin),
  'activity.list': (ctx, input) => listActivities(ctx, input.month),
  'activity.save': (ctx, input) => saveActivity(ctx, input),
  'activity.report': async (ctx, input) => (await reportActivity(ctx, input), ok),
};
