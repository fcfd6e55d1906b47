/**
 * The 30 pilot "nucleus communes" of the decision's appendix (seed, Phụ lục). Their official
 * codes are not in the decision and no verified list is at hand, so none is stored here: the
 * code is typed by the user from Decision 19/2025.
 */
export const PILOT_COMMUNES = [
  'Phường Quy Nhơn', 'Phường Quy Nhơn Nam', 'Xã Tuy Phước', 'Phường An Nhơn Nam', 'Xã Đề Gi',
  'Xã Canh Vinh', 'Xã Tây Sơn', 'Xã Vĩnh Thạnh', 'Xã Phù Mỹ Bắc', 'Xã Ân Tường', 'Xã An Hòa',
  'Phường Tam Quan', 'Phường Pleiku', 'Xã Biển Hồ', 'Xã Chư Păh', 'Xã Chư Prông', 'Xã Chư Sê',
  'Xã Chư Pưh', 'Phường An Bình', 'Xã Đak Pơ', 'Xã Kbang', 'Xã Kông Chro', 'Phường Ayun Pa',
  'Xã Phú Thiện', 'Xã Ia Pa', 'Xã Phú Túc', 'Xã Đăk Đoa', 'Xã Mang Yang', 'Xã Ia Grai', 'Xã Đức Cơ',
] as const;

export const PROVINCE = { code: '52', name: 'Gia Lai' } as const;
