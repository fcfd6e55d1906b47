import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { backupsMethods } from '#shared/backups/contract';
import type { Handlers } from '../context';
import { audit } from '../settings/audit';
import { ownScreenOnly } from '../security/devices';
import { cancelRestore, readFailed, readPending, stageRestore } from './restore';
import { AppError } from '#shared/contract';
import {
  backupsDir,
  createBackup,
  listBackups,
  logBackup,
  readBackupSettings,
  readSealKey,
  recordDailyBackup,
  saveBackupSettings,
  setBackupPassphrase,
  writeSealedBackup,
} from './service';

export const backupsHandlers: Handlers<typeof backupsMethods> = {
  'backups.status': async (ctx) => {
    const { keepDays } = await readBackupSettings(ctx.db);
    const last = await ctx.db
      .selectFrom('backup_log')
      .select(['at', 'ok', 'error'])
      .where('action', 'in', ['auto', 'manual', 'download'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const lastOk = await ctx.db
      .selectFrom('backup_log')
      .select('at')
      .where('action', 'in', ['auto', 'manual', 'download'])
      .where('ok', '=', 1)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const restored = await ctx.db
      .selectFrom('backup_log')
      .select(['at', 'file'])
      .where('action', '=', 'restore_done')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const stored = listBackups(ctx.dataDir);
    // A restored database does not know of backups made after its own copy: the files do.
    const lastBackupAt =
      [lastOk?.at, stored[0]?.at]
        .filter((x): x is string => !!x)
        .sort()
        .pop() ?? null;
    const failed = readFailed(ctx.dataDir);
    const lastRestore =
      failed && (!restored || failed.stagedAt > restored.at)
        ? { at: failed.stagedAt, ok: false, source: failed.source }
        : restored
          ? { at: restored.at, ok: true, source: restored.file }
          : null;
    return {
      keepDays,
      directory: backupsDir(ctx.dataDir),
      backups: stored.map(({ day: _day, ...b }) => b),
      lastBackupAt,
      lastError: last && !last.ok ? last.error : null,
      pendingRestore: readPending(ctx.dataDir),
      lastRestore,
      passphraseSet: readSealKey(ctx.dataDir) !== null,
    };
  },
  'backups.updateSettings': async (ctx, input) => {
    await saveBackupSettings(ctx.db, input);
    await audit(ctx, 'backups.updateSettings', input);
    return { ok: true };
  },
  'backups.create': async (ctx, input) => {
    if (input.directory !== undefined) ownScreenOnly(ctx, 'directory', 'backups.create');
    const made = await createBackup(ctx, input.directory);
    await ctx.step((db) => audit({ ...ctx, db }, 'backups.create', { file: made.fileName, bytes: made.bytes }));
    return made;
  },
  'backups.download': async (ctx) => {
    // Sealed in a private folder of the data folder, handed over, removed: nothing plain leaves.
    const dir = mkdtempSync(join(ctx.dataDir, 'download-'));
    try {
      const { fileName, path, bytes } = await writeSealedBackup(ctx.db, ctx.dataDir, dir, ctx.now());
      await ctx.step(async (db) => {
        await logBackup(db, ctx.now(), { action: 'download', ok: 1, file: fileName, bytes, error: null });
        await audit({ ...ctx, db }, 'backups.download', { file: fileName, bytes });
      });
      ctx.log.info({ event: 'backup.download', bytes, device: ctx.caller.device }, 'sealed backup downloaded');
      return { fileName, mime: 'application/octet-stream', base64: readFileSync(path).toString('base64') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  'backups.restore': async (ctx, input) => {
    if (input.source.kind === 'path') ownScreenOnly(ctx, 'source', 'backups.restore');
    let note: Awaited<ReturnType<typeof stageRestore>>;
    try {
      note = await stageRestore(ctx.dataDir, input.source, ctx.now());
    } catch (error) {
      ctx.log.warn(
        {
          event: 'backup.restoreRefused',
          kind: input.source.kind,
          reason: error instanceof AppError ? error.fields.source : 'error',
        },
        'restore refused',
      );
      throw error;
    }
    await logBackup(ctx.db, ctx.now(), {
      action: 'restore_staged',
      ok: 1,
      file: note.source,
      bytes: null,
      error: null,
    });
    await audit(ctx, 'backups.restore', { source: note.source });
    ctx.log.warn(
      { event: 'backup.restoreStaged', kind: input.source.kind, by: ctx.caller.memberId },
      'restore staged for the next start',
    );
    return { restartRequired: true };
  },
  'backups.recordDaily': (ctx, input) => recordDailyBackup(ctx.db, ctx.dataDir, ctx.now(), input),
  'backups.setPassphrase': async (ctx, input) => {
    // Typed on the point's own PC only: LAN traffic is plain HTTP on the commune's Wi-Fi.
    ownScreenOnly(ctx, 'passphrase', 'backups.setPassphrase');
    await setBackupPassphrase(ctx.dataDir, input.passphrase);
    await audit(ctx, 'backups.setPassphrase');
    ctx.log.info({ event: 'backup.passphraseSet', by: ctx.caller.memberId }, 'backup passphrase set');
    return { ok: true };
  },
  'backups.cancelRestore': async (ctx) => {
    cancelRestore(ctx.dataDir);
    await audit(ctx, 'backups.cancelRestore');
    return { ok: true };
  },
};
