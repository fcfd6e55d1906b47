import type { App } from './app';
import { seedLogbookDemo } from './logbook/demo';
import { hashPin } from './settings/pin';
import { completeSetup } from './settings/service';
import { seedTeamDemo } from './team/demo';
import { seedQueueDemo } from './queue/demo';
import { seedUploadsDemo } from './uploads/demo';

import type { Origin, SubGroup, TeamPosition } from '#shared/team/schemas';
import { DEMO_PINS } from './demo-pins';

export { DEMO_PINS };

interface DemoMember {
  name: string;
  position: TeamPosition;
  origin: Origin;
  subGroup: SubGroup;
  village: string;
  skills: string[];
  languages: string[];
}

/** A team of 17 as the decision describes it: a leader, two deputies, three sub-groups. */
const TEAM: DemoMember[] = [
  {
    name: 'Rơ Mah Hồng Nhung',
    position: 'leader',
    origin: 'youth_union',
    subGroup: 'political_system',
    village: 'Thôn Plei Ring',
    skills: ['dvc', 'vneid', 'signature'],
    languages: ['vi', 'jrai'],
  },
  {
    name: 'Nguyễn Văn Bình',
    position: 'deputy',
    origin: 'police',
    subGroup: 'citizens_business',
    village: 'Thôn 1',
    skills: ['vneid', 'scam'],
    languages: ['vi'],
  },
  {
    name: 'Đinh Thị Hạnh',
    position: 'deputy',
    origin: 'committee_office',
    subGroup: 'political_system',
    village: 'Thôn 2',
    skills: ['dvc', 'signature'],
    languages: ['vi', 'bahnar'],
  },
  {
    name: "Siu H'Lan",
    position: 'member',
    origin: 'village_youth',
    subGroup: 'village_standing',
    village: 'Thôn Plei Ring',
    skills: ['smartphone', 'vneid'],
    languages: ['vi', 'jrai'],
  },
  {
    name: 'Trần Minh Quân',
    position: 'member',
    origin: 'telecom',
    subGroup: 'citizens_business',
    village: 'Thôn 3',
    skills: ['payment', 'ecommerce', 'smartphone'],
    languages: ['vi'],
  },
  {
    name: 'Lê Thị Thu Trang',
    position: 'member',
    origin: 'womens_union',
    subGroup: 'village_standing',
    village: 'Thôn 1',
    skills: ['payment', 'scam'],
    languages: ['vi'],
  },
  {
    name: 'Kpă Y Thuận',
    position: 'member',
    origin: 'village_youth',
    subGroup: 'village_standing',
    village: 'Làng Bông',
    skills: ['vneid', 'smartphone'],
    languages: ['vi', 'jrai'],
  },
  {
    name: 'Phạm Quốc Huy',
    position: 'member',
    origin: 'school',
    subGroup: 'citizens_business',
    village: 'Thôn 2',
    skills: ['dvc', 'smartphone'],
    languages: ['vi', 'en'],
  },
  {
    name: 'Đinh Văn Hyơk',
    position: 'member',
    origin: 'village_youth',
    subGroup: 'village_standing',
    village: 'Làng Kon Jri',
    skills: ['vneid', 'payment'],
    languages: ['vi', 'bahnar'],
  },
  {
    name: 'Võ Thị Mỹ Duyên',
    position: 'member',
    origin: 'culture_office',
    subGroup: 'political_system',
    village: 'Thôn 3',
    skills: ['scam', 'dvc'],
    languages: ['vi'],
  },
  {
    name: 'Hoàng Đức Long',
    position: 'member',
    origin: 'telecom',
    subGroup: 'citizens_business',
    village: 'Thôn 4',
    skills: ['signature', 'payment'],
    languages: ['vi'],
  },
  {
    name: 'Nguyễn Thị Hoa',
    position: 'member',
    origin: 'farmers_union',
    subGroup: 'village_standing',
    village: 'Thôn 4',
    skills: ['smartphone', 'ecommerce'],
    languages: ['vi'],
  },
  {
    name: 'Rơ Châm Blin',
    position: 'member',
    origin: 'volunteer',
    subGroup: 'village_standing',
    village: 'Làng Bông',
    skills: ['vneid', 'dvc'],
    languages: ['vi', 'jrai'],
  },
  {
    name: 'Bùi Văn Toàn',
    position: 'member',
    origin: 'veterans',
    subGroup: 'political_system',
    village: 'Thôn 1',
    skills: ['scam'],
    languages: ['vi'],
  },
  {
    name: 'Lý Thị Ngọc Ánh',
    position: 'member',
    origin: 'fatherland_front',
    subGroup: 'political_system',
    village: 'Thôn 2',
    skills: ['dvc', 'vneid'],
    languages: ['vi'],
  },
  {
    name: 'Đặng Công Phúc',
    position: 'member',
    origin: 'school',
    subGroup: 'citizens_business',
    village: 'Thôn 3',
    skills: ['ecommerce', 'payment'],
    languages: ['vi', 'en'],
  },
  {
    name: 'A Thiên',
    position: 'member',
    origin: 'village_youth',
    subGroup: 'village_standing',
    village: 'Làng Kon Jri',
    skills: ['smartphone', 'vneid'],
    languages: ['vi', 'bahnar'],
  },
];

/**
 * Fill an empty point with a living example: settings, an admin, a commune official and a team
 * of 17. The commune code is left empty on purpose: no verified code list is at hand.
 */
export async function seedDemo(app: App): Promise<boolean> {
  const configured = await app.db.selectFrom('point_setting').select('id').executeTakeFirst();
  if (configured) return false;
  const at = app.now().toISOString();
  // One at a time: each hash takes 128 MiB for a moment (settings/pin.ts).
  const [adminHash, leaderHash, memberHash, officialHash] = [
    await hashPin(DEMO_PINS.admin),
    await hashPin(DEMO_PINS.leader),
    await hashPin(DEMO_PINS.member),
    await hashPin(DEMO_PINS.official),
  ];
  // Straight to the service, not through the gate: the demo PINs are refused to real accounts.
  await app.db.transaction().execute((trx) =>
    completeSetup(
      trx,
      {
        point: {
          communeName: 'Xã Chư Păh',
          isPilotCommune: true,
          communeCode: '',
          pointName: 'Điểm hỗ trợ số xã Chư Păh',
          address: 'Trụ sở UBND xã Chư Păh, tỉnh Gia Lai',
          deskCount: 3,
          openTime: '07:30',
          closeTime: '17:00',
          saturdayOpen: false,
          localLanguages: ['jrai', 'bahnar'],
        },
        adminName: 'Quản trị điểm',
        adminPin: DEMO_PINS.admin,
      },
      new Date(at),
      adminHash,
    ),
  );
  await app.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('member')
      .values({
        full_name: 'Ksor Văn Thành',
        access_role: 'commune_official',
        position: null,
        origin: 'committee_office',
        sub_group: null,
        village: null,
        skills: '[]',
        languages: '["vi","jrai"]',
        phone: null,
        pin_hash: officialHash,
        active: 1,
        locked_until: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const m of TEAM) {
      await trx
        .insertInto('member')
        .values({
          full_name: m.name,
          access_role: m.position === 'member' ? 'duty_member' : 'team_leader',
          position: m.position,
          origin: m.origin,
          sub_group: m.subGroup,
          village: m.village,
          skills: JSON.stringify(m.skills),
          languages: JSON.stringify(m.languages),
          phone: null,
          pin_hash: m.position === 'member' ? memberHash : leaderHash,
          active: 1,
          locked_until: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  });
  await seedLogbookDemo(app, app.now());
  await seedTeamDemo(app);
  await seedQueueDemo(app, app.now());
  await seedUploadsDemo(app);
  return true;
}
