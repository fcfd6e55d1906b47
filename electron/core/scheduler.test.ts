import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEDULED_JOBS } from './jobs';
import { startScheduler } from './scheduler';
import { openTestApp } from './testing';

describe('scheduler', () => {
  it('runs every job in order, and one failing job does not stop the others', async () => {
    const app = await openTestApp();
    const ran: string[] = [];
    const logged: string[] = [];
    try {
      const scheduler = startScheduler(
        app,
        [
          { name: 'first', run: async () => void ran.push('first') },
          {
            name: 'broken',
            run: async () => {
              throw new Error('boom');
            },
          },
          { name: 'last', run: async () => void ran.push('last') },
        ],
        { firstDelayMs: 1e9, everyMs: 1e9, log: (message) => logged.push(message) },
      );
      await scheduler.runNow();
      scheduler.stop();
      expect(ran).toEqual(['first', 'last']);
      expect(logged).toEqual(['scheduled job broken failed']);
    } finally {
      await app.cleanup();
    }
  });

  it('backs up before it erases, closes the days nobody closed before packing them, and sends last', () => {
    expect(SCHEDULED_JOBS.map((j) => j.name)).toEqual([
      'daily-backup',
      'logbook-retention',
      'logbook-auto-close',
      'uploads-pack',
      'uploads-delivery',
    ]);
  });

  it('runs the real jobs on a fresh point without failing', async () => {
    const app = await openTestApp();
    const logged: unknown[] = [];
    try {
      const scheduler = startScheduler(app, SCHEDULED_JOBS, {
        firstDelayMs: 1e9,
        everyMs: 1e9,
        log: (_m, e) => logged.push(e),
      });
      await scheduler.runNow();
      scheduler.stop();
      expect(logged).toEqual([]);
      // Without a province key the uploads job waits quietly; the backup is made.
      expect(
        readdirSync(join(app.dataDir, 'backups')).filter((f) => /^auto-\d{4}-\d{2}-\d{2}\.sqlite3$/.test(f)),
      ).toHaveLength(1);
    } finally {
      await app.cleanup();
    }
  });
});
