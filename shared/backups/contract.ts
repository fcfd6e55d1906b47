import { z } from 'zod';
import { empty, method, ok } from '../contract/define';
import { exportFile } from '../contract/files';
import { ALLOW } from '../contract/roles';
import { backupPassphrase, backupSettings, backupStatus, restoreSource } from './schemas';

/** An uploaded backup arrives base64 in JSON: a five-year database fits well under this. */
export const MAX_UPLOAD_BYTES = 400 * 1024 * 1024;

const madeBackup = z.object({ fileName: z.string(), path: z.string(), bytes: z.number().int() });

/** Backups of the point's database: automatic daily ones, on demand, and restore. Admin only. */
export const backupsMethods = {
  'backups.status': method({
    summary: 'Stored backups, the retention setting, the last backup and any restore waiting for a restart.',
    roles: ALLOW.admin,
    kind: 'read',
    input: empty,
    output: backupStatus,
  }),
  'backups.updateSettings': method({
    summary: 'How many days of automatic backups to keep.',
    roles: ALLOW.admin,
    kind: 'write',
    input: backupSettings,
    output: ok,
  }),
  // 'steps': VACUUM INTO cannot run inside a transaction; its log line and audit row are steps.
  'backups.create': method({
    summary: 'Back up the database now, into the backups folder or a chosen folder (a USB stick).',
    roles: ALLOW.admin,
    kind: 'steps',
    input: z.object({ directory: z.string().min(1).max(1000).optional() }).strict(),
    output: madeBackup,
  }),
  'backups.download': method({
    summary:
      'Back up the database now, sealed with the admin passphrase, and hand the file over (server mode: a download).',
    roles: ALLOW.admin,
    kind: 'steps',
    input: empty,
    output: exportFile,
  }),
  'backups.restore': method({
    summary: 'Check a backup and stage it; it replaces the database when the app next starts.',
    roles: ALLOW.admin,
    kind: 'write',
    input: z.object({ source: restoreSource }).strict(),
    output: z.object({ restartRequired: z.literal(true) }),
    maxBytes: MAX_UPLOAD_BYTES,
  }),
  'backups.setPassphrase': method({
    summary: 'Set the passphrase copies for a USB stick or a download are sealed with (on the point’s own PC).',
    roles: ALLOW.admin,
    kind: 'read',
    input: backupPassphrase.strict(),
    output: ok,
  }),
  'backups.recordDaily': method({
    summary: "The daily job's copy, recorded: its log line (made or failed), then old automatic backups pruned.",
    roles: ALLOW.system,
    kind: 'write',
    input: z
      .object({
        made: z
          .object({
            file: z.string().regex(/^auto-\d{4}-\d{2}-\d{2}\.sqlite3$/),
            bytes: z.number().int().nonnegative(),
          })
          .nullable(),
        error: z.string().max(2000).nullable(),
      })
      .strict(),
    output: z.object({ made: z.string().nullable(), failed: z.boolean(), removed: z.array(z.string()) }),
  }),
  'backups.cancelRestore': method({
    summary: 'Drop a staged restore before the restart.',
    roles: ALLOW.admin,
    kind: 'write',
    input: empty,
    output: ok,
  }),
} as const;
