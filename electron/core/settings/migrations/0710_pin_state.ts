import { execAll, type Migration } from '#core/db/migration';

/**
 * PIN guessing state per member, kept apart for the point's own screens and for LAN devices: a
 * stranger on the Wi-Fi can lock a member out of LAN sign-in, never out of the point's own PC.
 * `rounds` counts locks since the last good PIN, so each lock lasts longer than the one before.
 */
export const settingsMigration0710: Migration = {
  name: '0710_pin_state',
  up: (db) =>
    execAll(db, [
      `create table pin_state (
        member_id integer not null references member(id) on delete cascade,
        scope text not null check (scope in ('own','lan')),
        failures integer not null default 0 check (failures >= 0),
        rounds integer not null default 0 check (rounds >= 0),
        locked_until text,
        primary key (member_id, scope)
      ) strict`,
      // Set at a good sign-in with a PIN today's rules refuse (4 digits, 123456): change it.
      `alter table member add column pin_change_required integer not null default 0 check (pin_change_required in (0,1))`,
      `create index audit_event_action_at on audit_event(action, at)`,
    ]),
};
