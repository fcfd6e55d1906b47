export interface DocumentSettingTable {
  id: number;
  report_code: string;
  /** JSON arrays of lines. */
  recipients: string;
  copies: string;
  signer_authority: string;
  signer_title: string;
  signer_name: string;
  updated_at: string;
  updated_by: number | null;
}

export interface ReportsTables {
  document_setting: DocumentSettingTable;
}
