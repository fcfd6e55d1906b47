import { execAll, type Migration } from '#core/db/migration';

/** Community translations (Jrai, Bahnar) and the packs that brought some from other communes. See community/schema.ts. */
export const communityMigration0800: Migration = {
  name: '0800_community',
  up: (db) =>
    execAll(db, [
      `create table community_audio (
        sha256 text primary key check (length(sha256) = 64),
        mime text not null check (mime in ('audio/webm', 'audio/ogg')),
        bytes integer not null check (bytes > 0),
        data blob not null check (length(data) = bytes)
      ) strict`,
      `create table community_text (
        language text not null check (language in ('jrai', 'bahnar')),
        key text not null check (length(key) between 3 and 160),
        text text not null check (length(text) between 1 and 600),
        translator_id integer,
        translator_name text not null check (length(translator_name) between 1 and 120),
        reviewer_id integer,
        reviewer_name text check (reviewer_name is null or length(reviewer_name) between 1 and 120),
        reviewed_at text,
        audio_sha256 text references community_audio(sha256),
        origin text not null check (origin in ('local', 'pack')),
        source_commune text,
        pack_version integer,
        updated_at text not null,
        updated_by integer,
        primary key (language, key),
        check ((reviewer_name is null) = (reviewed_at is null))
      ) strict`,
      `create table community_pack (
        version integer primary key check (version >= 1),
        issued text not null,
        issuer text not null,
        key_id text not null,
        item_count integer not null,
        installed_at text not null,
        installed_by integer
      ) strict`,
    ]),
};
