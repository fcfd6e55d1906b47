import { execAll, type Migration } from '#core/db/migration';

export const uploadsMigration0500: Migration = {
  name: '0500_uploads_batches',
  up: (db) =>
    execAll(db, [
      // The point's identity for the province and the province's public key. The signing key
      // lives here, not in a loose file: the database is what gets backed up and moved to a new
      // PC, so the point keeps one identity (and one unbroken chain) for five years; a file
      // beside it would be lost at reinstall, and file permissions mean little on Windows.
      `create table upload_identity (
        id integer primary key check (id = 1),
        point_id text not null,
        sign_private_pem text not null,
        sign_public text not null,
        fingerprint text not null,
        created_at text not null,
        province_encrypt_key text,
        province_sign_key text,
        province_fingerprint text,
        province_url text,
        province_set_at text
      ) strict`,
      // Every batch ever cut, with its exact bytes so a re-export is identical. Rows are never
      // deleted (trigger below), so a sequence number is never reused.
      `create table upload_batch (
        seq integer primary key check (seq > 0),
        batch_id text not null unique,
        kind text not null check (kind in ('closing','on_demand')),
        created_at text not null,
        period_from text,
        period_to text,
        closes_days text not null check (json_valid(closes_days)),
        record_count integer not null,
        manifest_hash text not null unique,
        prev_hash text not null,
        file_name text not null,
        content text not null,
        saved_at text,
        sent_at text,
        acknowledged_at text,
        receipt text check (receipt is null or json_valid(receipt)),
        attempts integer not null default 0,
        next_attempt_at text,
        last_error text,
        last_error_at text
      ) strict`,
      `create trigger upload_batch_keep before delete on upload_batch
        begin select raise(abort, 'batches are never deleted'); end`,
      `create table upload_closed_day (
        day text primary key,
        batch_seq integer not null references upload_batch(seq)
      ) strict`,
    ]),
};
