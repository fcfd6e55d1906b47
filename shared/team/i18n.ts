export const team = {
  vi: {
    helpKinds: {
      dvc: 'Nộp hồ sơ dịch vụ công trực tuyến', vneid: 'VNeID (cài đặt, mức 2, tích hợp giấy tờ)',
      payment: 'Thanh toán không dùng tiền mặt, mở tài khoản', signature: 'Chữ ký số công cộng',
      smartphone: 'Điện thoại thông minh và ứng dụng', ecommerce: 'Bán hàng trên mạng',
      scam: 'Lừa đảo, an toàn trên mạng', other: 'Việc khác',
    },
    positions: { leader: 'Tổ trưởng', deputy: 'Tổ phó', member: 'Tổ viên' },
  },
  en: {
    helpKinds: {
      dvc: 'Online public service application', vneid: 'VNeID (install, level 2, add documents)',
      payment: 'Cashless payment, bank account', signature: 'Public digital signature',
      smartphone: 'Smartphone and apps', ecommerce: 'Selling online',
      scam: 'Scams and online safety', other: 'Something else',
    },
    positions: { leader: 'Team leader', deputy: 'Deputy leader', member: 'Member' },
  },
};
