import { execAll, type Migration } from '#core/db/migration';

export const queueMigration0100: Migration = {
  name: '0100_queue',
  up: (db) =>
    execAll(db, [
      `create table queue_ticket (
        id integer primary key,
        day text not null check (day glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        prefix text not null check (length(prefix) = 1),
        seq integer not null check (seq > 0),
        number text not null,
        help_kind text not null,
        procedure text,
        priority_groups text not null default '[]' check (json_valid(priority_groups)),
        priority integer not null default 0 check (priority in (0,1)),
        language text not null default 'vi',
        consent integer not null default 0 check (consent in (0,1)),
        citizen_name text,
        citizen_phone text,
        status text not null check (status in ('waiting','called','serving','finished','no_show','expired')),
        desk integer,
        target_desk integer,
        member_id integer references member(id),
        walk_in integer not null default 0 check (walk_in in (0,1)),
        issued_at text not null,
        queued_at text not null,
        called_at text,
        served_at text,
        finished_at text,
        outcome text,
        recall_count integer not null default 0,
        transfer_count integer not null default 0,
        updated_at text not null,
        check (consent = 1 or (citizen_name is null and citizen_phone is null)),
        check (status <> 'finished' or outcome is not null)
      ) strict`,
      // The rule that makes a duplicate number impossible, whatever the code above it does.
      'create unique index queue_ticket_day_number on queue_ticket(day, number)',
      'create unique index queue_ticket_day_prefix_seq on queue_ticket(day, prefix, seq)',
      'create index queue_ticket_status on queue_ticket(status, day)',
      `create table queue_call (
        id integer primary key,
        ticket_id integer not null references queue_ticket(id),
        day text not null,
        number text not null,
        desk integer not null,
        kind text not null check (kind in ('call','recall')),
        priority integer not null check (priority in (0,1)),
        at text not null
      ) strict`,
      'create index queue_call_day on queue_call(day, id)',
      `create table queue_desk (
        desk integer primary key check (desk between 1 and 9),
        member_id integer not null unique references member(id),
        day text not null,
        opened_at text not null
      ) strict`,
      `create table queue_setting (
        id integer primary key check (id = 1),
        normals_per_priority integer not null,
        max_wait_minutes integer not null,
        recalls_before_no_show integer not null,
        ticket_idle_seconds integer not null,
        choice_idle_seconds integer not null,
        receipt_printer integer not null check (receipt_printer in (0,1)),
        updated_at text not null
      ) strict`,
    ]),
};
