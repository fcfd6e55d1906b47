import type { BackupsTables } from '../backups/schema';
import type { SettingsTables } from '../settings/schema';
import type { TeamTables } from '../team/schema';
import type { UploadsTables } from '../uploads/schema';

/** The database as Kysely sees it: the union of every domain's tables. */
export interface Database extends SettingsTables, TeamTables, UploadsTables, BackupsTables {}
