import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { backupsMethods } from '../../../shared/backups/contract';
import type { Handlers } from '../context';
import { audit } from '../settings/audit';
import { cancelRestore, readFailed, readPending, stageRestore } from './restore';
import { backupsDir, createBackup, listBackups, logBackup, readBackupSettings, recordDailyBackup, saveBackupSettings, stamp, writeBackup } from './service';

export const backupsHandlers: Handlers<typeof backupsMethods> = {
  'backups.status': async (ctx) => {
    const { keepDays } = await readBackupSettings(ctx.db);
    const last = await ctx.db.selectFrom('backup_log').select(['at', 'ok', 'error']).where('action', 'in', ['auto', 'manual', 'download'])
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    const lastOk = await ctx.db.selectFrom('backup_log').select('at').where('action', 'in', ['auto', 'manual', 'download']).where('ok', '=', 1)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    const restored = await ctx.db.selectFrom('backup_log').select(['at', 'file']).where('action', '=', 'restore_done')
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    const stored = listBackups(ctx.dataDir);
    // A restored database does not know of backups made after its own copy: the files do.
    const lastBackupAt = [lastOk?.at, stored[0]?.at].filter((x): x is string => !!x).sort().pop() ?? null;
    const failed = readFailed(ctx.dataDir);
    const lastRestore = failed && (!restored || failed.stagedAt > restored.at)
      ? { at: failed.stagedAt, ok: false, source: failed.source }
      : restored ? { at: restored.at, ok: true, source: restored.file } : null;
    return {
      keepDays,
      directory: backupsDir(ctx.dataDir),
      backups: stored.map(({ day: _day, ...b }) => b),
      lastBackupAt,
      lastError: last && !last.ok ? last.error : null,
      pendingRestore: readPending(ctx.dataDir),
      lastRestore,
    };
  },
  'backups.updateSettings': async (ctx, input) => {
    await saveBackupSettings(ctx.db, input);
    await audit(ctx, 'backups.updateSettings', input);
    return { ok: true };
  },
  'backups.create': async (ctx, input) => {
    const made = await createBackup(ctx.db, ctx.dataDir, ctx.now(), input.directory);
    await audit(ctx, 'backups.create', { file: made.fileName, bytes: made.bytes });
    return made;
  },
  'backups.download': async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'dhs-backup-'));
    try {
      const fileName = `diem-ho-tro-so-${stamp(ctx.now())}.sqlite3`;
      const bytes = await writeBackup(ctx.db, join(dir, fileName));
      await logBackup(ctx.db, ctx.now(), { action: 'download', ok: 1, file: fileName, bytes, error: null });
      await audit(ctx, 'backups.download', { file: fileName, bytes });
      return { fileName, mime: 'application/vnd.sqlite3', base64: readFileSync(join(dir, fileName)).toString('base64') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  'backups.restore': async (ctx, input) => {
    const note = await stageRestore(ctx.dataDir, input.source, ctx.now());
    await logBackup(ctx.db, ctx.now(), { action: 'restore_staged', ok: 1, file: note.source, bytes: null, error: null });
    await audit(ctx, 'backups.restore', { source: note.source });
    return { restartRequired: true };
  },
  'backups.recordDaily': (ctx, input) => recordDailyBackup(ctx.db, ctx.dataDir, ctx.now(), input),
  'backups.cancelRestore': async (ctx) => {
    cancelRestore(ctx.dataDir);
    await audit(ctx, 'backups.cancelRestore');
    return { ok: true };
  },
};
