import type { BackupsTables } from '../backups/schema';
import type { GuidesTables } from '../guides/schema';
import type { LogbookTables } from '../logbook/schema';
import type { SettingsTables } from '../settings/schema';
import type { TeamTables } from '../team/schema';
import type { UploadsTables } from '../uploads/schema';
import type { QueueTables } from '../queue/schema';
import type { CommunityTables } from '../community/schema';
import type { ReportsTables } from '../reports/schema';

/** The database as Kysely sees it: the union of every domain's tables. */
export interface Database
  extends QueueTables,
    SettingsTables,
    TeamTables,
    UploadsTables,
    BackupsTables,
    GuidesTables,
    LogbookTables,
    ReportsTables,
    CommunityTables {}
