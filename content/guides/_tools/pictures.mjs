// What each guide's pictures show: guide id → file name → template spec (see svg.mjs).
// `alt` becomes the SVG <title>; the guide's `screenShows` text is the on-screen alternative.
// Screens common to many guides are built by the small functions below so they look the same.

const loginVneid = () => ({
  template: 'form',
  app: 'vneid',
  title: 'Đăng nhập',
  alt: 'Màn hình đăng nhập VNeID, nút Đăng nhập được tô vàng',
  fields: [
    { label: 'Số định danh cá nhân', value: '0xx xxx xxx xxx' },
    { label: 'Mật khẩu', value: '••••••••' },
  ],
  button: 'Đăng nhập',
});
const loginPortal = () => ({
  template: 'menu',
  app: 'dvc',
  title: 'Đăng nhập bằng',
  alt: 'Cổng Dịch vụ công: chọn đăng nhập bằng tài khoản định danh điện tử VNeID',
  items: ['Tài khoản định danh điện tử (VNeID)', 'Cách khác'],
  hi: 0,
});
const vneidMenu = (hi, alt, items = ['Ví giấy tờ', 'Thủ tục hành chính', 'An sinh xã hội', 'Cá nhân']) => ({
  template: 'menu',
  app: 'vneid',
  title: 'Trang chủ',
  alt,
  items,
  hi,
});
const proceduresMenu = (hi, alt) => ({
  template: 'menu',
  app: 'vneid',
  title: 'Thủ tục hành chính',
  alt,
  items: ['Liên thông khai sinh, khai tử', 'Đăng ký thường trú', 'Đăng ký tạm trú', 'Thông báo lưu trú'],
  hi,
});
const submitted = (alt) => ({ template: 'success', app: 'vneid', message: 'Nộp hồ sơ thành công', sub: 'Mã hồ sơ: ghi lại mã này', alt });
const statusSms = (message, alt) => ({ template: 'sms', from: 'Tin nhắn thông báo', message, alt });
const done = (message, alt, app = 'vneid') => ({ template: 'success', app, message, alt });
const otp = (app = 'vneid') => ({ template: 'otp', app, alt: 'Ô nhập mã OTP 6 số gửi qua tin nhắn' });
const passcode = (app = 'vneid') => ({ template: 'otp', app, title: 'Nhập passcode', hint: 'Passcode 6 số của bà con', alt: 'Ô nhập passcode 6 số' });

const portalMenu = (hi, alt) => ({
  template: 'menu',
  app: 'dvc',
  title: 'Menu',
  alt,
  items: ['Thanh toán phí, lệ phí', 'Quản lý hồ sơ', 'Tra cứu hồ sơ', 'Đăng xuất'],
  hi,
});

/** The same seven screens for permanent and temporary residence; only the names differ. */
function residencePictures(service, row, paper, result) {
  return {
    'open-service.svg': proceduresMenu(row, `Danh sách thủ tục trên VNeID, dòng ${service} được tô vàng`),
    'who-for.svg': { template: 'choice', app: 'vneid', title: service, options: ['Bản thân', 'Khai hộ'], hi: 0, note: 'Khai hộ: làm cho người khác', alt: 'Hai nút lớn: Bản thân và Khai hộ' },
    'household.svg': { template: 'choice', app: 'vneid', title: 'Chọn hộ', options: ['Hộ đã có', 'Lập hộ mới'], hi: 0, note: 'Ở chung với gia đình đã đăng ký: Hộ đã có', alt: 'Hai lựa chọn: Hộ đã có và Lập hộ mới' },
    'owner-consent.svg': {
      template: 'choice',
      app: 'vneid',
      title: 'Ý kiến chủ hộ',
      options: ['Xin xác nhận qua VNeID', 'Phiếu đồng ý bằng giấy'],
      hi: 0,
      note: 'Chủ hộ cần VNeID mức 2',
      alt: 'Lựa chọn Xin xác nhận qua VNeID được tô vàng',
    },
    'fill-details.svg': {
      template: 'form',
      app: 'vneid',
      title: 'Thông tin chủ hộ',
      alt: 'Ô số định danh chủ hộ, họ tên chủ hộ và quan hệ với chủ hộ',
      fields: [
        { label: 'Số định danh chủ hộ', value: '0xx xxx xxx xxx' },
        { label: 'Họ tên chủ hộ', value: 'Siu Thị C' },
        { label: 'Quan hệ với chủ hộ', value: 'Con' },
      ],
      button: 'Tiếp tục',
      hi: 0,
    },
    'attach-submit.svg': { template: 'photo', paper, alt: `Ảnh chụp ${paper.toLowerCase()} rõ chữ, thấy đủ 4 góc` },
    'check-result.svg': {
      template: 'details',
      app: 'vneid',
      title: 'Thông tin cư trú',
      alt: `Thông tin cư trú trong VNeID: dòng ${result.toLowerCase()} được tô vàng`,
      rows: [
        { label: 'Họ và tên', value: 'NGUYỄN VĂN A' },
        { label: result, value: 'Thôn …, xã …, Gia Lai' },
      ],
      hi: 1,
    },
  };
}

export const PICTURES = {
  'birth-registration': {
    'login.svg': loginVneid(),
    'choose-service.svg': proceduresMenu(0, 'Danh sách thủ tục trên VNeID, dòng Liên thông khai sinh, khai tử được tô vàng'),
    'fill-form.svg': {
      template: 'form',
      app: 'vneid',
      title: 'Tờ khai khai sinh',
      alt: 'Tờ khai khai sinh: ô họ tên của bé được tô vàng',
      fields: [
        { label: 'Họ, chữ đệm, tên của bé', value: 'Nguyễn Thị Hoa' },
        { label: 'Ngày sinh', value: '__/__/____' },
        { label: 'Giới tính', value: 'Nữ' },
      ],
      button: 'Tiếp tục',
      hi: 0,
    },
    'attach-certificate.svg': { template: 'photo', paper: 'GIẤY CHỨNG SINH', alt: 'Ảnh chụp Giấy chứng sinh rõ chữ, thấy đủ 4 góc' },
    'submit-pay.svg': submitted('Thông báo nộp hồ sơ thành công, có mã hồ sơ'),
    'watch-messages.svg': statusSms('Hồ sơ khai sinh của bà con đã được tiếp nhận, đang xử lý.', 'Tin nhắn báo hồ sơ khai sinh đang được xử lý'),
    'confirm-draft.svg': {
      template: 'document',
      paper: 'GIẤY KHAI SINH',
      badge: 'BẢN NHÁP',
      lines: ['Họ tên: ...', 'Ngày sinh: ...', 'Cha: ...', 'Mẹ: ...'],
      button: 'Xác nhận',
      alt: 'Bản nháp giấy khai sinh và nút Xác nhận được tô vàng',
    },
    'receive.svg': done('Hồ sơ đã hoàn thành', 'Thông báo hồ sơ khai sinh đã hoàn thành'),
  },
  'death-registration': {
    'login.svg': loginVneid(),
    'choose-service.svg': proceduresMenu(0, 'Danh sách thủ tục trên VNeID, dòng Liên thông khai sinh, khai tử được tô vàng'),
    'choose-size.svg': {
      template: 'choice',
      app: 'vneid',
      title: 'Chọn số thủ tục',
      alt: 'Ba lựa chọn: 2 việc, 3 việc (thêm mai táng phí), 4 việc (thêm tử tuất)',
      options: ['2 việc: khai tử, xóa thường trú', '3 việc: thêm mai táng phí', '4 việc: thêm tử tuất'],
      hi: 2,
    },
    'fill-form.svg': {
      template: 'form',
      app: 'vneid',
      title: 'Tờ khai khai tử',
      alt: 'Tờ khai khai tử: ô ngày mất được tô vàng',
      fields: [
        { label: 'Họ tên người đã mất', value: 'Nguyễn Văn B' },
        { label: 'Ngày mất', value: '__/__/____' },
        { label: 'Nơi mất', value: '' },
      ],
      button: 'Tiếp tục',
      hi: 1,
    },
    'attach-notice.svg': { template: 'photo', paper: 'GIẤY BÁO TỬ', alt: 'Ảnh chụp Giấy báo tử rõ chữ, thấy đủ 4 góc' },
    'submit-pay.svg': submitted('Thông báo nộp hồ sơ khai tử thành công, có mã hồ sơ'),
    'receive.svg': done('Hồ sơ đã hoàn thành', 'Thông báo hồ sơ khai tử đã hoàn thành'),
  },
  'marriage-registration': {
    'login.svg': loginPortal(),
    'search.svg': {
      template: 'form',
      app: 'dvc',
      title: 'Tìm thủ tục',
      alt: 'Ô tìm kiếm có chữ đăng ký kết hôn được tô vàng',
      fields: [{ label: 'Gõ tên thủ tục', value: 'đăng ký kết hôn' }],
      button: 'Tìm kiếm',
      hi: 0,
    },
    'fill-form.svg': {
      template: 'form',
      app: 'dvc',
      title: 'Tờ khai kết hôn',
      alt: 'Tờ khai đăng ký kết hôn có thông tin bên nam, bên nữ; nút Nộp trực tuyến',
      fields: [
        { label: 'Bên nam: họ tên', value: 'Rơ Mah A' },
        { label: 'Bên nữ: họ tên', value: 'Kpă H’B' },
        { label: 'Xã nhận hồ sơ', value: '' },
      ],
      button: 'Nộp trực tuyến',
    },
    'attach.svg': { template: 'photo', app: 'dvc', paper: 'XÁC NHẬN TÌNH TRẠNG HÔN NHÂN', alt: 'Ảnh chụp giấy xác nhận tình trạng hôn nhân rõ chữ, đủ 4 góc' },
    'wait-appointment.svg': statusSms('Mời hai anh chị đến UBND xã ngày … lúc … để ký giấy chứng nhận kết hôn.', 'Tin nhắn hẹn ngày giờ đến xã ký giấy kết hôn'),
    'sign-in-person.svg': {
      template: 'office',
      place: 'UBND XÃ',
      caption: 'Cả hai người cùng đến ký',
      bring: ['Căn cước của cả hai', 'Mỗi người nhận 1 bản chính'],
      alt: 'Hai người ở quầy Ủy ban nhân dân xã, mang căn cước, cùng ký giấy kết hôn',
    },
  },
  'permanent-residence': residencePictures('Đăng ký thường trú', 1, 'GIẤY TỜ NHÀ Ở', 'Nơi thường trú mới'),
  'temporary-residence': residencePictures('Đăng ký tạm trú', 2, 'HỢP ĐỒNG THUÊ NHÀ', 'Nơi tạm trú mới'),
  'vneid-level-1': {
    'install.svg': { template: 'store', appName: 'VNeID', publisher: 'Bộ Công an', alt: 'Cửa hàng ứng dụng: VNeID của Bộ Công an, nút Cài đặt được tô vàng' },
    'register.svg': {
      template: 'form',
      app: 'vneid',
      title: 'Đăng ký',
      alt: 'Màn hình Đăng ký VNeID có ô số định danh cá nhân và ô số điện thoại',
      fields: [
        { label: 'Số định danh cá nhân', value: '0xx xxx xxx xxx' },
        { label: 'Số điện thoại chính chủ', value: '09x xxx xxxx' },
      ],
      button: 'Đăng ký',
    },
    'portrait.svg': { template: 'face', alt: 'Khung hình bầu dục để chụp ảnh khuôn mặt' },
    'wait-approval.svg': statusSms('Tài khoản định danh điện tử của bạn đã được phê duyệt.', 'Tin nhắn báo tài khoản định danh điện tử đã được duyệt'),
    'activate.svg': otp(),
    'password.svg': {
      template: 'form',
      app: 'vneid',
      title: 'Đặt mật khẩu',
      alt: 'Ô mật khẩu, ô nhập lại mật khẩu và nút Tiếp tục',
      fields: [
        { label: 'Mật khẩu (8–20 ký tự)', value: '••••••••••' },
        { label: 'Nhập lại mật khẩu', value: '••••••••••' },
      ],
      button: 'Tiếp tục',
    },
    'security-questions.svg': done('Kích hoạt thành công', 'Trang chủ VNeID báo kích hoạt tài khoản thành công'),
  },
  'vneid-level-2': {
    'check-level.svg': {
      template: 'details',
      app: 'vneid',
      title: 'Thông tin tài khoản',
      alt: 'Thông tin tài khoản VNeID, dòng Mức định danh được tô vàng',
      rows: [
        { label: 'Họ và tên', value: 'NGUYỄN VĂN A' },
        { label: 'Số định danh', value: '0xx xxx xxx xxx' },
        { label: 'Mức định danh', value: 'Mức 2' },
      ],
      hi: 2,
    },
    'go-police.svg': {
      template: 'office',
      place: 'CÔNG AN XÃ',
      caption: 'Làm VNeID mức 2 tại đây',
      bring: ['Căn cước gắn chip', 'Điện thoại, số chính chủ'],
      alt: 'Quầy Công an xã; người dân mang căn cước gắn chip và điện thoại',
    },
    'photo-fingerprints.svg': { template: 'face', title: 'Chụp ảnh tại quầy', tip: 'Cán bộ chụp ảnh, lấy vân tay', alt: 'Khung chụp ảnh khuôn mặt tại quầy Công an' },
    'activate.svg': statusSms('Tài khoản định danh điện tử mức 2 của bạn đã được phê duyệt.', 'Tin nhắn báo tài khoản mức 2 đã được duyệt'),
  },
  'vneid-add-documents': {
    'open-wallet.svg': vneidMenu(0, 'Trang chủ VNeID, mục Ví giấy tờ được tô vàng'),
    'health-card.svg': {
      template: 'form',
      app: 'vneid',
      title: 'Thẻ bảo hiểm y tế',
      alt: 'Ô nơi cấp và ô số thẻ bảo hiểm y tế; nút Gửi yêu cầu',
      fields: [
        { label: 'Nơi cấp', value: 'BHXH tỉnh Gia Lai' },
        { label: 'Số thẻ BHYT', value: 'xxxxxxxxxx' },
      ],
      button: 'Gửi yêu cầu',
      hi: 1,
    },
    'health-card-send.svg': done('Đã gửi yêu cầu', 'Thông báo đã gửi yêu cầu tích hợp thẻ bảo hiểm y tế'),
    'licence.svg': {
      template: 'menu',
      app: 'vneid',
      title: 'Ví giấy tờ',
      alt: 'Ví giấy tờ: dòng Thông tin chờ xác nhận tích hợp được tô vàng',
      items: ['Thông tin chờ xác nhận tích hợp', 'Thẻ bảo hiểm y tế', 'Giấy phép lái xe', 'Tình trạng hôn nhân'],
      hi: 0,
    },
    'licence-confirm.svg': {
      template: 'document',
      paper: 'GIẤY PHÉP LÁI XE',
      lines: ['Số: ...', 'Hạng: A1', 'Có giá trị đến: ...'],
      button: 'Xác nhận',
      alt: 'Thông tin giấy phép lái xe và nút Xác nhận được tô vàng',
    },
    'bank-open.svg': vneidMenu(2, 'Trang chủ VNeID, mục An sinh xã hội được tô vàng'),
    'bank-details.svg': {
      template: 'form',
      app: 'vneid',
      title: 'Tài khoản hưởng ASXH',
      alt: 'Ô chọn ngân hàng và ô số tài khoản được tô vàng',
      fields: [
        { label: 'Ngân hàng', value: 'Chọn ngân hàng ▾' },
        { label: 'Số tài khoản', value: 'xxxxxxxxxxxx' },
      ],
      button: 'Gửi yêu cầu',
      hi: 1,
    },
    'bank-send.svg': {
      template: 'details',
      app: 'vneid',
      title: 'Lịch sử đăng ký',
      alt: 'Lịch sử đăng ký: tài khoản ngân hàng đã được xác nhận',
      rows: [
        { label: 'Ngân hàng', value: 'Ngân hàng của bà con' },
        { label: 'Trạng thái', value: 'Đã xác nhận' },
      ],
      hi: 1,
    },
  },
  'pay-fees-online': {
    'open-applications.svg': portalMenu(1, 'Menu Cổng Dịch vụ công, dòng Quản lý hồ sơ được tô vàng'),
    'payment-request.svg': {
      template: 'details',
      app: 'dvc',
      title: 'Yêu cầu thanh toán',
      alt: 'Yêu cầu thanh toán: mã hồ sơ và số tiền phải nộp',
      rows: [
        { label: 'Mã hồ sơ', value: 'H21.xx-xxxxxx-xxxx' },
        { label: 'Số tiền', value: '7.000 đồng' },
        { label: 'Trạng thái', value: 'Chưa thanh toán' },
      ],
      hi: 1,
    },
    'choose-gateway.svg': {
      template: 'menu',
      app: 'dvc',
      title: 'Chọn cách trả',
      alt: 'Danh sách ngân hàng và ví điện tử; một ngân hàng được tô vàng',
      items: ['Ngân hàng của bà con', 'Ngân hàng khác', 'Ví điện tử'],
      hi: 0,
    },
    'pay.svg': done('Thanh toán thành công', 'Ứng dụng ngân hàng báo thanh toán thành công', 'bank'),
    'receipt.svg': {
      template: 'document',
      app: 'dvc',
      paper: 'BIÊN LAI ĐIỆN TỬ',
      lines: ['Mã hồ sơ: ...', 'Số tiền: 7.000 đ', 'Đã thanh toán'],
      button: 'Tải biên lai',
      alt: 'Biên lai điện tử có số tiền và mã hồ sơ; nút Tải biên lai',
    },
  },
  'track-application': {
    'open-lookup.svg': portalMenu(2, 'Menu Cổng Dịch vụ công, dòng Tra cứu hồ sơ được tô vàng'),
    'enter-code.svg': {
      template: 'form',
      app: 'dvc',
      title: 'Tra cứu hồ sơ',
      alt: 'Ô nhập mã hồ sơ được tô vàng và nút Tra cứu',
      fields: [{ label: 'Mã hồ sơ', value: 'H21.65-220914-0011' }],
      button: 'Tra cứu',
      hi: 0,
    },
    'read-status.svg': {
      template: 'details',
      app: 'dvc',
      title: 'Kết quả tra cứu',
      alt: 'Kết quả tra cứu: trạng thái đang xử lý và ngày hẹn trả được tô vàng',
      rows: [
        { label: 'Trạng thái', value: 'Đang xử lý' },
        { label: 'Ngày nộp', value: '02/03/2026' },
        { label: 'Ngày hẹn trả', value: '05/03/2026' },
      ],
      hi: 2,
    },
    'supplement.svg': {
      template: 'document',
      app: 'dvc',
      paper: 'YÊU CẦU BỔ SUNG',
      lines: ['Thiếu: ảnh giấy tờ', 'Hạn bổ sung: ...'],
      button: 'Đính kèm và gửi',
      alt: 'Thông báo yêu cầu bổ sung hồ sơ và nút Đính kèm và gửi',
    },
    'get-result.svg': done('Đã hoàn thành', 'Trạng thái hồ sơ: đã hoàn thành', 'dvc'),
  },
};
