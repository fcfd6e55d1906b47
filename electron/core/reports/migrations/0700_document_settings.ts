import { execAll, type Migration } from '#core/db/migration';

/** Who signs the printed report and to whom it goes; one row, absent until a leader saves it. */
export const reportsMigration0700: Migration = {
  name: '0700_document_settings',
  up: (db) =>
    execAll(db, [
      `create table document_setting (
        id integer primary key check (id = 1),
        report_code text not null,
        recipients text not null check (json_valid(recipients)),
        copies text not null check (json_valid(copies)),
        signer_authority text not null check (json_valid(signer_authority)),
        signer_title text not null,
        signer_name text not null,
        updated_at text not null,
        updated_by integer references member(id) on delete set null
      ) strict`,
    ]),
};
