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
  items: ['Đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT', 'Đăng ký thường trú', 'Đăng ký tạm trú', 'Cấp thẻ căn cước cho người dưới 14 tuổi'],
  hi,
});
const submitted = (alt, app = 'vneid') => ({ template: 'success', app, message: 'Đã nộp hồ sơ', sub: 'Mã hồ sơ: ghi lại mã này', alt });
const statusSms = (message, alt) => ({ template: 'sms', from: 'Tin nhắn thông báo', message, alt });
const done = (message, alt, app = 'vneid', sub) => ({ template: 'success', app, message, alt, ...(sub ? { sub } : {}) });
/** The card picture of a guide. */
const cover = (glyph, color, alt) => ({ template: 'icon', glyph, color, alt });
const otp = (app = 'vneid') => ({ template: 'otp', app, alt: 'Ô nhập mã OTP 6 số gửi qua tin nhắn' });
const passcode = (app = 'vneid') => ({ template: 'otp', app, title: 'Nhập passcode', message: '', hint: 'Passcode 6 số của bà con', alt: 'Ô nhập passcode 6 số' });

const searchPortal = (words, alt) => ({
  template: 'form',
  app: 'dvc',
  title: 'Tìm thủ tục',
  alt,
  fields: [{ label: 'Ô tìm kiếm', value: words }],
  button: 'Tìm kiếm',
  hi: 0,
});
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
      options: ['Xin xác nhận qua VNeID', 'Tờ khai CT01 bằng giấy'],
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
    'cover.svg': cover('baby', '#c2255c', 'Hình em bé'),
    'login.svg': loginVneid(),
    'choose-service.svg': proceduresMenu(0, 'Danh sách thủ tục trên VNeID, dòng Đăng ký khai sinh, đăng ký thường trú, cấp thẻ BHYT được tô vàng'),
    'fill-form.svg': {
      template: 'form', app: 'vneid', title: 'Tờ khai', alt: 'Tờ khai: ô họ, chữ đệm, tên của bé được tô vàng',
      fields: [
        { label: 'Họ, chữ đệm, tên của bé', value: 'Nguyễn Thị Hoa' },
        { label: 'Ngày sinh', value: '__/__/____' },
        { label: 'Giới tính', value: 'Nữ' },
      ],
      button: 'Tiếp tục', hi: 0,
    },
    'attach-certificate.svg': { template: 'photo', paper: 'GIẤY CHỨNG SINH', alt: 'Ảnh chụp Giấy chứng sinh rõ chữ, thấy đủ 4 góc' },
    'submit-pay.svg': submitted('Thông báo đã nộp hồ sơ, có mã hồ sơ'),
    'watch-messages.svg': statusSms('Hồ sơ khai sinh của bà con đã được tiếp nhận, đang xử lý.', 'Tin nhắn báo hồ sơ khai sinh đang được xử lý'),
    'confirm-draft.svg': {
      template: 'document', paper: 'GIẤY KHAI SINH', badge: 'BẢN NHÁP', lines: ['Họ tên: ...', 'Ngày sinh: ...', 'Cha: ...', 'Mẹ: ...'],
      button: 'Xác nhận', alt: 'Bản nháp giấy khai sinh và nút Xác nhận được tô vàng',
    },
    'receive.svg': { template: 'document', paper: 'GIẤY KHAI SINH', lines: ['Họ tên: ...', 'Số định danh: ...', 'Ngày sinh: ...'], alt: 'Giấy khai sinh của bé có số định danh' },
    'child-id-card.svg': proceduresMenu(3, 'Danh sách thủ tục trên VNeID, dòng Cấp thẻ căn cước cho người dưới 14 tuổi được tô vàng'),
  },
  'death-registration': {
    'cover.svg': cover('flower', '#5f3dc4', 'Hình bông hoa tưởng nhớ'),
    'login.svg': loginVneid(),
    'choose-service.svg': {
      template: 'menu', app: 'vneid', title: 'Thủ tục hành chính', alt: 'Danh sách dịch vụ, dòng Dịch vụ công liên thông khai sinh, khai tử được tô vàng',
      items: ['Dịch vụ công liên thông khai sinh, khai tử', 'Đăng ký thường trú', 'Đăng ký tạm trú'], hi: 0,
    },
    'choose-size.svg': {
      template: 'choice', app: 'vneid', title: 'Chọn số thủ tục', alt: 'Ba lựa chọn: 2, 3 hoặc 4 thủ tục; 4 thủ tục được tô vàng',
      options: ['2 thủ tục: khai tử, xóa thường trú', '3 thủ tục: thêm mai táng phí', '4 thủ tục: thêm tử tuất'], hi: 2,
    },
    'fill-form.svg': {
      template: 'form', app: 'vneid', title: 'Tờ khai khai tử', alt: 'Tờ khai khai tử: ô ngày mất được tô vàng',
      fields: [
        { label: 'Họ tên người đã mất', value: 'Nguyễn Văn B' },
        { label: 'Ngày mất', value: '__/__/____' },
        { label: 'Nơi mất', value: '' },
      ],
      button: 'Tiếp tục', hi: 1,
    },
    'attach-notice.svg': { template: 'photo', paper: 'GIẤY BÁO TỬ', alt: 'Ảnh chụp Giấy báo tử rõ chữ, thấy đủ 4 góc' },
    'submit-pay.svg': submitted('Thông báo đã nộp hồ sơ khai tử, có mã hồ sơ'),
    'receive.svg': { template: 'document', paper: 'TRÍCH LỤC KHAI TỬ', lines: ['Họ tên: ...', 'Ngày mất: ...', 'Nơi mất: ...'], alt: 'Trích lục khai tử đã được cấp' },
  },
  'marriage-registration': {
    'cover.svg': cover('rings', '#d6336c', 'Hình hai chiếc nhẫn cưới'),
    'login.svg': loginPortal(),
    'search.svg': searchPortal('đăng ký kết hôn', 'Ô tìm kiếm có chữ đăng ký kết hôn được tô vàng'),
    'fill-form.svg': {
      template: 'form', app: 'dvc', title: 'Tờ khai kết hôn', alt: 'Tờ khai đăng ký kết hôn có ô bên nam, bên nữ và xã phường nhận hồ sơ',
      fields: [
        { label: 'Bên nam', value: 'Rơ Mah A' },
        { label: 'Bên nữ', value: 'Kpă H’B' },
        { label: 'Xã/phường nhận hồ sơ', value: '' },
      ],
      button: 'Nộp trực tuyến', hi: 0,
    },
    'attach.svg': { template: 'photo', app: 'dvc', paper: 'GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN', alt: 'Ảnh chụp giấy xác nhận tình trạng hôn nhân rõ chữ, đủ 4 góc' },
    'wait-appointment.svg': statusSms('Mời hai anh chị đến UBND xã/phường ngày … lúc … để ký giấy chứng nhận kết hôn.', 'Tin nhắn hẹn ngày giờ đến ký giấy chứng nhận kết hôn'),
    'sign-in-person.svg': {
      template: 'office', place: 'UBND XÃ/PHƯỜNG', caption: 'Cả hai người cùng đến ký', bring: ['Căn cước của cả hai', 'Mỗi người nhận 1 bản chính'],
      alt: 'Hai người ở quầy Ủy ban nhân dân xã, phường, mang căn cước, cùng ký giấy chứng nhận kết hôn',
    },
  },
  'marital-status': {
    'cover.svg': cover('idcard', '#1971c2', 'Hình tờ giấy xác nhận có ảnh'),
    'try-vneid.svg': {
      template: 'menu', app: 'vneid', title: 'Ví giấy tờ', alt: 'Ví giấy tờ trong VNeID, dòng Tình trạng hôn nhân được tô vàng',
      items: ['Thông tin chờ xác nhận tích hợp', 'Thẻ bảo hiểm y tế', 'Tình trạng hôn nhân', 'Thông tin cư trú'], hi: 2,
    },
    'login-portal.svg': loginPortal(),
    'search.svg': searchPortal('xác nhận tình trạng hôn nhân', 'Ô tìm kiếm có chữ xác nhận tình trạng hôn nhân được tô vàng'),
    'fill-form.svg': {
      template: 'form', app: 'dvc', title: 'Tờ khai', alt: 'Tờ khai xác nhận tình trạng hôn nhân: ô mục đích sử dụng được tô vàng',
      fields: [
        { label: 'Nơi cư trú', value: 'Xã …, tỉnh Gia Lai' },
        { label: 'Mục đích sử dụng', value: 'Để đăng ký kết hôn' },
      ],
      button: 'Nộp hồ sơ', hi: 1,
    },
    'submit.svg': submitted('Thông báo đã nộp hồ sơ, có mã hồ sơ', 'dvc'),
  },
  'civil-status-copy': {
    'cover.svg': cover('copy', '#0b7285', 'Hình hai tờ giấy: bản gốc và bản sao'),
    'login.svg': loginPortal(),
    'search.svg': searchPortal('bản sao trích lục hộ tịch', 'Ô tìm kiếm có chữ bản sao trích lục hộ tịch được tô vàng'),
    'choose-record.svg': {
      template: 'menu', app: 'dvc', title: 'Loại giấy cần sao', alt: 'Danh sách loại giấy cần sao, trích lục khai sinh được tô vàng',
      items: ['Trích lục khai sinh', 'Trích lục kết hôn', 'Trích lục khai tử'], hi: 0,
    },
    'submit.svg': submitted('Thông báo đã nộp hồ sơ, có mã hồ sơ', 'dvc'),
  },
  'permanent-residence': { 'cover.svg': cover('house', '#2f9e44', 'Hình ngôi nhà'), ...residencePictures('Đăng ký thường trú', 1, 'GIẤY TỜ NHÀ Ở', 'Nơi thường trú mới') },
  'temporary-residence': { 'cover.svg': cover('bag', '#e67700', 'Hình chiếc vali đi xa'), ...residencePictures('Đăng ký tạm trú', 2, 'HỢP ĐỒNG THUÊ NHÀ', 'Nơi tạm trú mới') },
  'residence-confirmation': {
    'cover.svg': cover('housecheck', '#087f5b', 'Hình ngôi nhà có dấu tích'),
    'open-wallet.svg': {
      template: 'menu', app: 'vneid', title: 'Ví giấy tờ', alt: 'Ví giấy tờ trong VNeID, dòng Thông tin cư trú được tô vàng',
      items: ['Căn cước điện tử', 'Thẻ bảo hiểm y tế', 'Thông tin cư trú', 'Giấy phép lái xe'], hi: 2,
    },
    'show-info.svg': {
      template: 'details', app: 'vneid', title: 'Thông tin cư trú', alt: 'Thông tin cư trú trong VNeID: nơi thường trú được tô vàng, chủ hộ',
      rows: [
        { label: 'Nơi thường trú', value: 'Thôn …, xã …, Gia Lai' },
        { label: 'Nơi ở hiện tại', value: 'Thôn …, xã …' },
        { label: 'Chủ hộ', value: 'NGUYỄN VĂN A' },
      ],
      hi: 0,
    },
    'wrong-info.svg': {
      template: 'office', place: 'CÔNG AN XÃ/PHƯỜNG', caption: 'Sửa thông tin cư trú', bring: ['Căn cước gắn chip', 'Giấy tờ đúng để đối chiếu'],
      alt: 'Quầy Công an xã, phường, nơi sửa thông tin cư trú bị sai',
    },
    'request-paper.svg': {
      template: 'menu', app: 'vneid', title: 'Thủ tục hành chính', alt: 'Danh sách thủ tục, dòng Xác nhận thông tin về cư trú được tô vàng',
      items: ['Đăng ký thường trú', 'Đăng ký tạm trú', 'Xác nhận thông tin về cư trú'], hi: 2,
    },
    'receive.svg': {
      template: 'document', paper: 'XÁC NHẬN THÔNG TIN VỀ CƯ TRÚ', lines: ['Mẫu CT07', 'Họ tên: ...', 'Nơi thường trú: ...'],
      alt: 'Giấy xác nhận thông tin về cư trú, mẫu CT07',
    },
  },
  'land-registration': {
    'cover.svg': cover('land', '#a61e4d', 'Hình mảnh đất có cắm cờ mốc'),
    'prepare.svg': { template: 'papers', title: 'Giấy tờ cần mang', items: ['Đơn đăng ký Mẫu số 15', 'Giấy tờ về quyền sử dụng đất', 'Sơ đồ nhà (nếu có)', 'Căn cước'], alt: 'Danh sách giấy tờ cần mang khi làm sổ đỏ' },
    'submit.svg': { template: 'office', place: 'BỘ PHẬN MỘT CỬA', caption: 'Nộp hồ sơ đất đai', bring: ['Đơn và giấy tờ đất', 'Nhận phiếu hẹn'], alt: 'Quầy Bộ phận một cửa nhận hồ sơ đất đai' },
    'receipt.svg': { template: 'document', app: 'dvc', paper: 'PHIẾU HẸN TRẢ KẾT QUẢ', lines: ['Mã hồ sơ: ...', 'Ngày hẹn: __/__/____'], alt: 'Phiếu hẹn trả kết quả có mã hồ sơ và ngày hẹn' },
    'pay-obligations.svg': { template: 'document', app: 'dvc', paper: 'THÔNG BÁO NỘP TIỀN', lines: ['Người nộp: ...', 'Số tiền: ...', 'Hạn nộp: ...'], button: 'Thanh toán', alt: 'Thông báo nộp tiền của cơ quan thuế và nút Thanh toán được tô vàng' },
    'receive.svg': { template: 'document', app: 'dvc', paper: 'GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT', lines: ['Người sử dụng: ...', 'Số thửa: ...', 'Diện tích: ... m²'], alt: 'Giấy chứng nhận quyền sử dụng đất có tên, số thửa, diện tích' },
  },
  'building-permit': {
    'cover.svg': cover('crane', '#5c940d', 'Hình cần cẩu và ngôi nhà đang xây'),
    'check-need.svg': { template: 'office', place: 'BỘ PHẬN MỘT CỬA', caption: 'Hỏi có cần giấy phép', bring: ['Địa chỉ mảnh đất', 'Giấy tờ đất'], alt: 'Quầy Bộ phận một cửa: hỏi mảnh đất có cần giấy phép xây dựng không' },
    'prepare.svg': { template: 'papers', title: 'Giấy tờ cần mang', items: ['Đơn đề nghị cấp giấy phép', 'Giấy tờ hợp pháp về đất', 'Bản vẽ thiết kế nhà'], alt: 'Danh sách giấy tờ xin giấy phép xây dựng' },
    'submit.svg': { template: 'document', app: 'dvc', paper: 'PHIẾU HẸN TRẢ KẾT QUẢ', lines: ['Mã hồ sơ: ...', 'Ngày hẹn: __/__/____'], alt: 'Phiếu hẹn trả kết quả hồ sơ xin giấy phép xây dựng' },
    'site-check.svg': { template: 'document', app: 'dvc', paper: 'YÊU CẦU BỔ SUNG HỒ SƠ', lines: ['Còn thiếu: ...', 'Hạn bổ sung: ...'], alt: 'Văn bản yêu cầu bổ sung hồ sơ ghi giấy tờ còn thiếu' },
    'receive.svg': { template: 'document', app: 'dvc', paper: 'GIẤY PHÉP XÂY DỰNG', lines: ['Chủ đầu tư: ...', 'Địa chỉ công trình: ...'], alt: 'Giấy phép xây dựng có địa chỉ công trình' },
  },
  'household-business': {
    'cover.svg': cover('store', '#e8590c', 'Hình cửa hàng nhỏ có mái hiên'),
    'check-need.svg': { template: 'papers', title: 'Cần chuẩn bị', items: ['Ngành nghề kinh doanh', 'Tên hộ kinh doanh', 'Địa chỉ kinh doanh', 'Căn cước của chủ hộ'], alt: 'Danh sách cần chuẩn bị trước khi đăng ký hộ kinh doanh' },
    'fill-form.svg': {
      template: 'form', app: 'dvc', title: 'Giấy đề nghị', alt: 'Giấy đề nghị đăng ký hộ kinh doanh: ô tên hộ kinh doanh được tô vàng',
      fields: [
        { label: 'Tên hộ kinh doanh', value: 'Hộ kinh doanh …' },
        { label: 'Ngành nghề', value: 'Bán tạp hóa' },
        { label: 'Địa chỉ', value: 'Thôn …, xã …' },
      ],
      button: 'Tiếp tục', hi: 0,
    },
    'submit.svg': { template: 'office', place: 'BỘ PHẬN MỘT CỬA', caption: 'Nộp hồ sơ hộ kinh doanh', bring: ['Giấy đề nghị (Mẫu số 1)', 'Căn cước của chủ hộ'], alt: 'Quầy Bộ phận một cửa nhận hồ sơ đăng ký hộ kinh doanh' },
    'pay-fee.svg': { template: 'document', app: 'dvc', paper: 'Lệ phí đăng ký hộ kinh doanh', lines: ['Số tiền: theo mức của tỉnh'], button: 'Thanh toán', alt: 'Thông báo lệ phí đăng ký hộ kinh doanh và nút Thanh toán' },
    'receive.svg': { template: 'document', app: 'dvc', paper: 'GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH', lines: ['Tên hộ kinh doanh: ...', 'Mã số: ...'], alt: 'Giấy chứng nhận đăng ký hộ kinh doanh' },
  },
};
