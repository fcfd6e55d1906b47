import { execAll, type Migration } from '#core/db/migration';

/** Duty roster, leave, attendance, the monthly plan of activities. See team/schema.ts. */
export const teamMigration0200: Migration = {
  name: '0200_roster_attendance_activities',
  up: (db) =>
    execAll(db, [
      `alter table member add column phone_consent_at text`,
      `create table roster_setting (
        id integer primary key check (id = 1),
        shift_mode text not null default 'full' check (shift_mode in ('full','halves')),
        per_shift integer not null default 2 check (per_shift between 1 and 3),
        language_weekdays text not null default '[]' check (json_valid(language_weekdays)),
        updated_at text not null
      ) strict`,
      `create table closed_day (
        day text primary key check (day glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind text not null check (kind in ('closed','open')),
        reason text check (reason is null or length(reason) <= 120),
        updated_at text not null
      ) strict`,
      `create table roster_month (
        month text primary key check (month glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        status text not null check (status in ('draft','published')),
        version integer not null default 1,
        seed integer,
        published_at text,
        published_by integer references member(id),
        updated_at text not null
      ) strict`,
      `create table roster_shift (
        id integer primary key,
        month text not null references roster_month(month),
        day text not null,
        shift text not null check (shift in ('full','morning','afternoon')),
        member_id integer not null references member(id),
        source text not null check (source in ('auto','manual')),
        unique (day, member_id)
      ) strict`,
      `create index roster_shift_month on roster_shift(month, day)`,
      `create table member_unavailable (
        id integer primary key,
        member_id integer not null references member(id),
        from_day text not null,
        to_day text not null,
        reason text check (reason is null or length(reason) <= 120),
        created_at text not null,
        created_by integer references member(id),
        check (from_day <= to_day)
      ) strict`,
      `create index member_unavailable_member on member_unavailable(member_id, from_day)`,
      `create table attendance (
        id integer primary key,
        member_id integer not null references member(id),
        day text not null,
        signed_in_at text not null,
        signed_out_at text,
        planned integer not null check (planned in (0,1)),
        version integer not null default 1,
        updated_at text not null
      ) strict`,
      `create index attendance_day on attendance(day, member_id)`,
      `create table activity (
        id integer primary key,
        kind text not null check (kind in ('support_session','training_class','online_service_day','digital_skill','scam_awareness','door_to_door','political_system')),
        day text not null,
        start_time text,
        place text not null check (length(place) between 1 and 200),
        village text,
        responsible_member_id integer references member(id),
        target_group text not null check (length(target_group) <= 200),
        topic text,
        status text not null check (status in ('planned','done','cancelled')),
        people_reached integer check (people_reached is null or people_reached >= 0),
        result text check (result is null or length(result) <= 1000),
        version integer not null default 1,
        created_at text not null,
        updated_at text not null
      ) strict`,
      `create index activity_day on activity(day)`,
    ]),
};
