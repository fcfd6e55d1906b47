import { execAll, type Migration } from '#core/db/migration';

export const logbookMigration0400: Migration = {
  name: '0400_logbook',
  up: (db) =>
    execAll(db, [
      `create table logbook_entry (
        id integer primary key,
        day text not null check (day glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        time text not null,
        ticket_id integer unique,
        current_version integer not null check (current_version >= 1),
        channel text not null,
        outcome text not null,
        help_kinds text not null check (json_valid(help_kinds)),
        member_ids text not null check (json_valid(member_ids)),
        village_fold text,
        name_fold text,
        phone_digits text,
        created_at text not null,
        created_by integer,
        erased_at text,
        erased_by integer,
        erased_reason text check (erased_reason in ('retention','request'))
      ) strict`,
      // Lists and the daily book read by day; the retention purge reads old days not yet erased.
      `create index logbook_entry_day on logbook_entry(day, time, id)`,
      `create index logbook_entry_outcome_day on logbook_entry(outcome, day)`,
      `create index logbook_entry_village_day on logbook_entry(village_fold, day)`,
      `create index logbook_entry_phone on logbook_entry(phone_digits) where phone_digits is not null`,
      `create index logbook_entry_unerased on logbook_entry(day) where erased_at is null`,
      `create table logbook_version (
        entry_id integer not null references logbook_entry(id),
        version integer not null check (version >= 1),
        facts text not null check (json_valid(facts)),
        person text check (person is null or json_valid(person)),
        consent text not null check (json_valid(consent)),
        recorded_at text not null,
        recorded_by integer,
        reason text,
        late integer not null default 0 check (late in (0,1)),
        primary key (entry_id, version)
      ) strict, without rowid`,
      // Versions are immutable: only erasing the personal part is allowed.
      `create trigger logbook_version_immutable before update on logbook_version
        when new.facts is not old.facts or new.consent is not old.consent or new.recorded_at is not old.recorded_at
          or new.recorded_by is not old.recorded_by or new.reason is not old.reason or new.late is not old.late
          or new.version is not old.version or new.entry_id is not old.entry_id
          or (new.person is not null and new.person is not old.person)
        begin select raise(abort, 'logbook versions are immutable'); end`,
      `create trigger logbook_version_no_delete before delete on logbook_version
        begin select raise(abort, 'logbook versions are never deleted'); end`,
      `create table logbook_day_close (
        day text primary key,
        closed_at text not null,
        closed_by integer
      ) strict`,
      `create table logbook_setting (
        id integer primary key check (id = 1),
        retention_months integer not null check (retention_months between 1 and 120)
      ) strict`,
      `insert into logbook_setting (id, retention_months) values (1, 12)`,
    ]),
};
