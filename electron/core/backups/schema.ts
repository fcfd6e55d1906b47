export interface BackupSettingTable {
  id: number;
  keep_days: number;
}

export interface BackupLogTable {
  id: number | undefined;
  at: string;
  action: 'auto' | 'manual' | 'download' | 'restore_staged' | 'restore_done' | 'restore_failed';
  ok: number;
  file: string;
  bytes: number | null;
  error: string | null;
}

export interface BackupsTables {
  backup_setting: BackupSettingTable;
  backup_log: BackupLogTable;
}
