import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vnDay } from '#shared/time/vietnam';
import { seedDemo } from '../demo';
import { openTestApp, signInAs } from '../testing';

type TestApp = Awaited<ReturnType<typeof openTestApp>>;

describe('team demo data', () => {
  let app: TestApp;
  beforeEach(async () => (app = await openTestApp({ setup: false })));
  afterEach(() => app.cleanup());

  it('publishes this month, with attendance on past days and a plan of activities', async () => {
    expect(await seedDemo(app)).toBe(true);
    const admin = await signInAs(app, 'admin');
    const month = vnDay(new Date()).slice(0, 7);
    const view = await app.invoke('roster.month', { month }, admin);
    expect(view.status).toBe('published');
    expect(view.days.filter((d) => d.working).every((d) => d.shifts.every((s) => s.state === 'ok'))).toBe(true);
    const plan = await app.invoke('activity.list', { month }, admin);
    expect(plan.activities.length).toBeGreaterThan(0);
  });
});
