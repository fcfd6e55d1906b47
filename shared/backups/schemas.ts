import { z } from 'zod';

/** How many days of automatic backups are kept; the default covers two working weeks. */
export const DEFAULT_KEEP_DAYS = 14;
export const backupSettings = z.object({
  keepDays: z.number().int().min(1, 'backups:problems.keepDays').max(365, 'backups:problems.keepDays'),
});
export type BackupSettings = z.output<typeof backupSettings>;

/** A stored backup's file name: no folders, no dots first, so it cannot point outside its folder. */
export const backupName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.sqlite3$/, 'backups:problems.name');

export const BACKUP_KINDS = ['auto', 'manual'] as const;
export const storedBackup = z.object({
  name: backupName,
  kind: z.enum(BACKUP_KINDS),
  at: z.string(),
  bytes: z.number().int().nonnegative(),
});

/** Where a restore reads from: a stored backup, a file on this PC (a USB stick), or an upload. */
export const restoreSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stored'), name: backupName }),
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(1000), passphrase: z.string().max(200).optional() }),
  z.object({
    kind: z.literal('upload'),
    fileName: z.string().min(1).max(200),
    base64: z.string().min(1),
    passphrase: z.string().max(200).optional(),
  }),
]);
export type RestoreSource = z.output<typeof restoreSource>;

export const backupStatus = z.object({
  keepDays: z.number().int(),
  directory: z.string(),
  backups: z.array(storedBackup),
  lastBackupAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pendingRestore: z.object({ stagedAt: z.string(), source: z.string() }).nullable(),
  lastRestore: z.object({ at: z.string(), ok: z.boolean(), source: z.string() }).nullable(),
  /** Copies for a USB stick or a download are sealed with the admin's passphrase: set yet? */
  passphraseSet: z.boolean(),
});

/** The passphrase sealed copies are made with: long enough that guessing it offline is hopeless. */
export const backupPassphrase = z.object({
  passphrase: z.string().min(12, 'backups:problems.passphraseShort').max(200, 'backups:problems.passphraseShort'),
});
