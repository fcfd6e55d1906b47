import type { Migration } from './migration';
import { logbookMigration0400 } from '../logbook/migrations/0400_logbook';
import { logbookMigration0401 } from '../logbook/migrations/0401_finish_records';
import { settingsMigration0002 } from '../settings/migrations/0002_settings_and_access';
import { settingsMigration0710 } from '../settings/migrations/0710_pin_state';
import { teamMigration0001 } from '../team/migrations/0001_members';
import { uploadsMigration0003 } from '../uploads/migrations/0003_outbox';
import { queueMigration0100 } from '../queue/migrations/0100_queue';
import { queueMigration0101 } from '../queue/migrations/0101_ticket_contact_index';
import { queueMigration0102 } from '../queue/migrations/0102_ticket_source';
import { queueMigration0103 } from '../queue/migrations/0103_waiting_index';
import { queueMigration0104 } from '../queue/migrations/0104_ticket_write_indexes';
import { uploadsMigration0500 } from '../uploads/migrations/0500_uploads_batches';
import { uploadsMigration0501 } from '../uploads/migrations/0501_closed_days_in_book';
import { uploadsMigration0502 } from '../uploads/migrations/0502_uploads_v2';
import { backupsMigration0600 } from '../backups/migrations/0600_backups';
import { guidesMigration0300 } from '../guides/migrations/0300_guides';
import { teamMigration0200 } from '../team/migrations/0200_roster';
import { communityMigration0800 } from '../community/migrations/0800_community';
import { teamMigration0201 } from '../team/migrations/0201_roster_notices';
import { reportsMigration0700 } from '../reports/migrations/0700_document_settings';

/**
 * Every migration of every domain, in the order they run. A test checks that each file in a
 * `migrations/` folder is listed here, in file-number order. Never edit a released migration;
 * a new one may sit before a later domain's (0401 before 0500): a database that has 0500 runs it next.
 */
export const MIGRATIONS: readonly Migration[] = [
  teamMigration0001,
  settingsMigration0002,
  uploadsMigration0003,
  queueMigration0100,
  queueMigration0101,
  queueMigration0102,
  queueMigration0103,
  queueMigration0104,
  teamMigration0200,
  teamMigration0201,
  guidesMigration0300,
  logbookMigration0400,
  logbookMigration0401,
  uploadsMigration0500,
  uploadsMigration0501,
  uploadsMigration0502,
  backupsMigration0600,
  reportsMigration0700,
  settingsMigration0710,
  communityMigration0800,
];
