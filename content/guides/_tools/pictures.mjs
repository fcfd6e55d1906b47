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
/** The card picture of a guide. */
const cover = (glyph, color, alt) => ({ template: 'icon', glyph, color, alt });
const otp = (app = 'vneid') => ({ template: 'otp', app, alt: 'Ô nhập mã OTP 6 số gửi qua tin nhắn' });
const passcode = (app = 'vneid', title = 'Nhập passcode') => ({ template: 'otp', app, title, message: '', hint: 'Passcode 6 số của bà con', point: 'passcode', alt: 'Ô nhập passcode 6 số' });

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
  'vneid-level-1': {
    'cover.svg': cover('idcard', '#c92a2a', 'Hình thẻ căn cước'),
    'install.svg': { template: 'store', appName: 'VNeID', publisher: 'Bộ Công an', alt: 'Cửa hàng ứng dụng: VNeID của Bộ Công an, nút Cài đặt được tô vàng' },
    'register.svg': { template: 'menu', app: 'vneid', title: '', items: ['Đăng nhập', 'Đăng ký tài khoản mức 1', 'Kích hoạt tài khoản'], hi: 1, alt: 'Màn hình đầu của VNeID, nút Đăng ký tài khoản mức 1 được tô vàng' },
    'scan-chip.svg': { template: 'nfc', alt: 'Màn hình Quét NFC: áp thẻ căn cước vào lưng điện thoại' },
    'portrait.svg': { template: 'face', alt: 'Khung chụp ảnh khuôn mặt, khuôn mặt ở giữa' },
    'confirm-info.svg': {
      template: 'form', app: 'vneid', title: 'Thông tin đăng ký', alt: 'Thông tin đăng ký và nút Xác nhận thông tin đăng ký được tô vàng',
      fields: [
        { label: 'Họ và tên', value: 'NGUYỄN VĂN A' },
        { label: 'Số định danh cá nhân', value: '0xx xxx xxx xxx' },
        { label: 'Email (không bắt buộc)', value: '' },
      ],
      button: 'Xác nhận thông tin đăng ký',
    },
    'wait-approval.svg': statusSms('Hồ sơ đăng ký tài khoản định danh điện tử của bà con đã được phê duyệt.', 'Tin nhắn báo hồ sơ đăng ký tài khoản định danh điện tử đã được phê duyệt'),
    'activate.svg': otp(),
    'password.svg': {
      template: 'form', app: 'vneid', title: 'Đặt mật khẩu', alt: 'Ô Mật khẩu và ô Nhập lại mật khẩu; ô Mật khẩu được tô vàng',
      fields: [
        { label: 'Mật khẩu', value: '••••••••' },
        { label: 'Nhập lại mật khẩu', value: '••••••••' },
      ],
      button: 'Tiếp tục', hi: 0,
    },
    'passcode.svg': passcode('vneid', 'Đặt passcode'),
    'security-questions.svg': {
      template: 'form', app: 'vneid', title: 'Câu hỏi bảo mật', alt: 'Hai câu hỏi bảo mật và ô câu trả lời; câu hỏi 1 được tô vàng',
      fields: [
        { label: 'Câu hỏi bảo mật 1', value: 'Chọn câu hỏi' },
        { label: 'Câu trả lời', value: '' },
        { label: 'Câu hỏi bảo mật 2', value: 'Chọn câu hỏi' },
        { label: 'Câu trả lời', value: '' },
      ],
      hi: 0,
    },
  },
  'vneid-level-2': {
    'cover.svg': cover('chip', '#1864ab', 'Hình thẻ căn cước gắn chip'),
    'check-level.svg': {
      template: 'details', app: 'vneid', title: 'Thông tin tài khoản', alt: 'Thông tin tài khoản VNeID: dòng Mức định danh được tô vàng',
      rows: [
        { label: 'Họ và tên', value: 'NGUYỄN VĂN A' },
        { label: 'Mức định danh', value: 'Mức 1' },
      ],
      hi: 1,
    },
    'go-police.svg': { template: 'office', place: 'CÔNG AN XÃ/PHƯỜNG', caption: 'Làm VNeID mức 2 tại đây', bring: ['Căn cước gắn chip', 'Điện thoại'], alt: 'Quầy Công an xã, phường: làm VNeID mức 2 tại đây' },
    'photo-fingerprints.svg': { template: 'office', place: 'CÔNG AN XÃ/PHƯỜNG', caption: 'Chụp ảnh tại quầy', bring: ['Chụp ảnh chân dung', 'Lấy vân tay'], alt: 'Tại quầy Công an: cán bộ chụp ảnh chân dung, lấy vân tay' },
    'activate.svg': statusSms('Tài khoản định danh điện tử mức 2 của bà con đã được phê duyệt.', 'Tin nhắn báo tài khoản định danh điện tử mức 2 đã được phê duyệt'),
  },
  'vneid-add-documents': {
    'cover.svg': cover('wallet', '#2b8a3e', 'Hình chiếc ví đựng giấy tờ'),
    'open-wallet.svg': vneidMenu(0, 'Trang chủ VNeID, mục Ví giấy tờ được tô vàng'),
    'health-card.svg': {
      template: 'form', app: 'vneid', title: 'Thẻ bảo hiểm y tế', alt: 'Ô Đơn vị cấp thẻ BHYT được tô vàng và ô Số thẻ BHYT',
      fields: [
        { label: 'Đơn vị cấp thẻ BHYT', value: 'BHXH tỉnh …' },
        { label: 'Số thẻ BHYT', value: 'xx xxxxxxxxxx' },
      ],
      hi: 0,
    },
    'health-card-send.svg': {
      template: 'form', app: 'vneid', title: 'Thẻ bảo hiểm y tế', alt: 'Ô xác nhận đã đánh dấu và nút Gửi yêu cầu được tô vàng',
      fields: [{ label: 'Xác nhận', value: '✓ Tôi xác nhận các thông tin ở trên là đúng' }],
      button: 'Gửi yêu cầu',
    },
    'at-clinic.svg': { template: 'office', place: 'TIẾP ĐÓN BỆNH NHÂN', caption: 'Đưa căn cước gắn chip', bring: ['Hoặc VNeID mức 2 có thẻ BHYT', 'Không cần thẻ BHYT giấy'], alt: 'Quầy tiếp đón bệnh nhân: đưa thẻ căn cước gắn chip' },
    'licence.svg': {
      template: 'menu', app: 'vneid', title: 'Ví giấy tờ', alt: 'Ví giấy tờ, dòng Thông tin chờ xác nhận tích hợp được tô vàng',
      items: ['Căn cước điện tử', 'Thẻ bảo hiểm y tế', 'Thông tin chờ xác nhận tích hợp', 'Giấy phép lái xe'], hi: 2,
    },
    'licence-confirm.svg': { template: 'document', paper: 'GIẤY PHÉP LÁI XE', lines: ['Họ tên: ...', 'Hạng: ...', 'Số: ...'], button: 'Xác nhận tích hợp', alt: 'Thông tin giấy phép lái xe và nút Xác nhận tích hợp được tô vàng' },
    'bank-open.svg': vneidMenu(2, 'Trang chủ VNeID, mục An sinh xã hội được tô vàng'),
    'bank-details.svg': {
      template: 'form', app: 'vneid', title: 'Tài khoản an sinh', alt: 'Ô Ngân hàng được tô vàng và ô Số tài khoản',
      fields: [
        { label: 'Ngân hàng', value: 'Chọn ngân hàng' },
        { label: 'Số tài khoản', value: '…' },
      ],
      hi: 0,
    },
    'bank-send.svg': {
      template: 'details', app: 'vneid', title: 'Lịch sử đăng ký', alt: 'Lịch sử đăng ký: dòng Trạng thái được tô vàng',
      rows: [
        { label: 'Ngân hàng', value: '…' },
        { label: 'Trạng thái', value: 'Đang xử lý' },
      ],
      hi: 1,
    },
  },
  'vneid-new-phone': {
    'cover.svg': cover('newphone', '#364fc7', 'Hình chiếc điện thoại cũ và chiếc điện thoại mới'),
    'lock-if-lost.svg': { template: 'details', app: 'dial', title: '', rows: [{ label: 'Đang gọi', value: '1900.0368' }], hi: 0, alt: 'Điện thoại đang gọi tổng đài 1900.0368' },
    'install-new.svg': loginVneid(),
    'code-old-phone.svg': { template: 'otp', app: 'vneid', title: 'Nhập mã xác thực', message: 'Mã gửi về VNeID trên máy cũ', hint: 'Xem mã trên máy cũ', point: 'mã xác thực', alt: 'Ô nhập mã xác thực lấy từ VNeID trên máy cũ' },
    'nfc.svg': { template: 'choice', app: 'vneid', title: 'Xác thực', options: ['Xác thực NFC bằng thẻ CCCD gắn chip', 'Mã từ máy cũ'], hi: 0, alt: 'Lựa chọn Xác thực NFC bằng thẻ CCCD gắn chip được tô vàng' },
    'done.svg': vneidMenu(0, 'Trang chủ VNeID trên máy mới, mục Ví giấy tờ'),
  },
  'bank-account-ekyc': {
    'cover.svg': cover('bank', '#0b7285', 'Hình tòa nhà ngân hàng'),
    'install.svg': { template: 'store', appName: 'Ngân hàng', publisher: 'Ngân hàng của bà con', icon: 'NH', iconColor: '#0b7285', alt: 'Cửa hàng ứng dụng: ứng dụng ngân hàng đúng nhà phát hành, nút Cài đặt được tô vàng' },
    'photo-id.svg': { template: 'photo', app: 'bank', title: 'Chụp thẻ căn cước', paper: 'THẺ CĂN CƯỚC', alt: 'Khung chụp thẻ căn cước rõ chữ, thấy đủ 4 góc' },
    'scan-chip.svg': { template: 'nfc', app: 'bank', title: 'Quét chip', alt: 'Màn hình ngân hàng: áp thẻ căn cước vào lưng điện thoại để quét chip' },
    'face-video.svg': { template: 'face', app: 'bank', title: 'Xác thực khuôn mặt', tip: 'Nhìn thẳng, quay đầu khi được bảo', alt: 'Khung xác thực khuôn mặt, khuôn mặt ở giữa' },
    'set-login.svg': {
      template: 'form', app: 'bank', title: 'Tài khoản mới', alt: 'Ô Tên đăng nhập được tô vàng và ô Mật khẩu',
      fields: [
        { label: 'Tên đăng nhập', value: 'nguyenvana' },
        { label: 'Mật khẩu', value: '••••••••' },
      ],
      button: 'Tiếp tục', hi: 0,
    },
  },
  'digital-signature': {
    'cover.svg': cover('pen', '#5f3dc4', 'Hình cây bút ký'),
    'open-vneid.svg': vneidMenu(-1, 'Trang chủ VNeID trên điện thoại'),
    'choose-provider.svg': { template: 'menu', app: 'vneid', title: 'Nhà cung cấp', items: ['Nhà cung cấp A', 'Nhà cung cấp B', 'Nhà cung cấp C'], hi: 0, alt: 'Danh sách nhà cung cấp chữ ký số, một dòng được tô vàng' },
    'confirm.svg': passcode('vneid', 'Xác nhận bằng passcode'),
    'finish.svg': { template: 'otp', app: 'vneid', title: 'Xác nhận ký số', alt: 'Ô nhập mã OTP để xác nhận khi ký số' },
  },
  'pay-fees-online': {
    'cover.svg': cover('coins', '#e67700', 'Hình chồng đồng xu'),
    'open-applications.svg': portalMenu(1, 'Menu Cổng Dịch vụ công, dòng Quản lý hồ sơ được tô vàng'),
    'payment-request.svg': { template: 'menu', app: 'dvc', title: 'Yêu cầu thanh toán', items: ['Hồ sơ của bà con', 'Hồ sơ khác'], hi: 0, alt: 'Danh sách yêu cầu thanh toán, hồ sơ của bà con được tô vàng' },
    'choose-gateway.svg': { template: 'choice', app: 'dvc', title: 'Chọn cách trả', options: ['Cổng thanh toán quốc gia', 'Cách khác'], hi: 0, alt: 'Lựa chọn Cổng thanh toán quốc gia được tô vàng' },
    'pay.svg': { template: 'document', app: 'bank', paper: 'THÔNG TIN GIAO DỊCH', lines: ['Số tiền: ... đồng', 'Người nhận: ...', 'Nội dung: mã hồ sơ'], button: 'Xác nhận', alt: 'Thông tin giao dịch có số tiền, người nhận và nút Xác nhận được tô vàng' },
    'receipt.svg': { template: 'document', app: 'dvc', title: 'Đã thanh toán', paper: 'BIÊN LAI ĐIỆN TỬ', lines: ['Mã hồ sơ: ...', 'Số tiền: ...'], button: 'Tải biên lai', alt: 'Mục Đã thanh toán có biên lai điện tử và nút Tải biên lai' },
  },
  'track-application': {
    'cover.svg': cover('search', '#1864ab', 'Hình kính lúp'),
    'open-lookup.svg': { template: 'menu', app: 'dvc', title: 'Thông tin cá nhân', items: ['Dịch vụ công của tôi', 'Đăng xuất'], hi: 0, alt: 'Menu Cổng Dịch vụ công, dòng Dịch vụ công của tôi được tô vàng' },
    'enter-code.svg': {
      template: 'form', app: 'dvc', title: 'Dịch vụ công của tôi', alt: 'Ô Mã hồ sơ hoặc tên thủ tục được tô vàng và nút Tìm kiếm',
      fields: [{ label: 'Mã hồ sơ hoặc tên thủ tục', value: 'Mã ghi trên phiếu hẹn' }],
      button: 'Tìm kiếm', hi: 0,
    },
    'read-status.svg': {
      template: 'details', app: 'dvc', title: 'Chi tiết hồ sơ', alt: 'Chi tiết hồ sơ: dòng Trạng thái được tô vàng, có ngày hẹn trả',
      rows: [
        { label: 'Thủ tục', value: 'Đăng ký thường trú' },
        { label: 'Trạng thái', value: 'Đang xử lý' },
        { label: 'Ngày hẹn trả', value: '__/__/____' },
      ],
      hi: 1,
    },
    'supplement.svg': { template: 'photo', app: 'dvc', paper: 'GIẤY TỜ BỔ SUNG', alt: 'Ảnh chụp giấy tờ bổ sung rõ chữ, thấy đủ 4 góc' },
    'get-result.svg': statusSms('Thông báo: hồ sơ đã có kết quả. Nhận theo cách đã chọn khi nộp.', 'Tin nhắn báo hồ sơ đã có kết quả'),
  },
  'health-insurance': {
    'cover.svg': cover('health', '#2f9e44', 'Hình thẻ có dấu chữ thập y tế'),
    'check-card.svg': {
      template: 'details', app: 'vneid', title: 'Thẻ BHYT', alt: 'Thông tin thẻ BHYT trong VNeID: dòng hạn thẻ được tô vàng',
      rows: [
        { label: 'Mã thẻ', value: 'GD …' },
        { label: 'Hạn thẻ', value: 'Đến __/__/____' },
      ],
      hi: 1,
    },
    'renew-open.svg': { template: 'menu', app: 'dvc', title: 'Thanh toán trực tuyến', items: ['Đóng BHXH tự nguyện và BHYT theo hộ gia đình', 'Thanh toán phí, lệ phí'], hi: 0, alt: 'Danh sách thanh toán trực tuyến, dòng đóng BHXH tự nguyện và BHYT theo hộ gia đình được tô vàng' },
    'renew-code.svg': {
      template: 'form', app: 'dvc', title: 'Gia hạn thẻ BHYT', alt: 'Ô mã thẻ BHYT bắt đầu bằng GD được tô vàng, ô số tháng và nút Tra cứu',
      fields: [
        { label: 'Mã thẻ BHYT', value: 'GD…' },
        { label: 'Số tháng', value: '12' },
      ],
      button: 'Tra cứu', hi: 0,
    },
    'renew-pay.svg': { template: 'document', app: 'dvc', paper: 'GIA HẠN BHYT HỘ GIA ĐÌNH', lines: ['Số tiền: ... đồng', 'Số tháng: ...'], button: 'Thanh toán', alt: 'Số tiền gia hạn BHYT hộ gia đình và nút Thanh toán được tô vàng' },
    'health-book.svg': vneidMenu(1, 'Trang chủ VNeID, mục Sổ sức khỏe điện tử được tô vàng', ['Ví giấy tờ', 'Sổ sức khỏe điện tử', 'Thủ tục hành chính', 'Cá nhân']),
    'at-clinic.svg': { template: 'office', place: 'TIẾP ĐÓN BỆNH NHÂN', caption: 'Đưa căn cước gắn chip', bring: ['Hoặc VNeID mức 2', 'Không cần thẻ, sổ khám giấy'], alt: 'Quầy tiếp đón bệnh nhân: đưa thẻ căn cước gắn chip' },
  },
  'education': {
    'cover.svg': cover('school', '#1971c2', 'Hình mũ học sinh'),
    'check-free.svg': { template: 'papers', title: 'Miễn học phí', items: ['Trường công lập', 'Mầm non đến trung học phổ thông', 'Từ năm học 2025–2026'], alt: 'Miễn học phí: trường công lập, mầm non đến trung học phổ thông, từ năm học 2025–2026' },
    'find-site.svg': { template: 'office', place: 'TRƯỜNG HỌC', caption: 'Hỏi lịch tuyển sinh trực tuyến', bring: ['Mã định danh của con', 'Số điện thoại của cha mẹ'], alt: 'Tại trường học: hỏi lịch và trang tuyển sinh trực tuyến' },
    'login.svg': {
      template: 'form', app: 'web', title: 'Tuyển sinh trực tuyến', alt: 'Trang tuyển sinh: ô mã định danh của con được tô vàng và ô ngày sinh',
      fields: [
        { label: 'Mã định danh của con', value: '0xx xxx xxx xxx' },
        { label: 'Ngày sinh', value: '__/__/____' },
      ],
      button: 'Đăng nhập', hi: 0,
    },
    'check-data.svg': {
      template: 'details', app: 'web', title: 'Thông tin của con', alt: 'Thông tin của con trên trang tuyển sinh: dòng nơi thường trú được tô vàng',
      rows: [
        { label: 'Họ và tên', value: 'NGUYỄN THỊ HOA' },
        { label: 'Ngày sinh', value: '__/__/____' },
        { label: 'Nơi thường trú', value: 'Thôn …, xã …' },
      ],
      hi: 2,
    },
    'choose-school.svg': { template: 'menu', app: 'web', title: 'Chọn trường', items: ['Trường gần nhà', 'Trường khác'], hi: 0, alt: 'Danh sách chọn trường, trường gần nhà được tô vàng' },
    'result.svg': statusSms('Đã có kết quả tuyển sinh của con. Xem trên trang tuyển sinh.', 'Tin nhắn báo đã có kết quả tuyển sinh'),
  },
  'bills-qr': {
    'cover.svg': cover('bill', '#0b7285', 'Hình tờ hóa đơn'),
    'open-bank.svg': { template: 'menu', app: 'bank', title: 'Trang chủ', items: ['Chuyển tiền', 'Thanh toán hóa đơn', 'Quét mã QR'], hi: 1, alt: 'Ứng dụng ngân hàng, mục Thanh toán hóa đơn được tô vàng' },
    'choose-service.svg': { template: 'menu', app: 'bank', title: 'Thanh toán hóa đơn', items: ['Tiền điện', 'Tiền nước', 'Cước điện thoại', 'Học phí', 'Viện phí'], hi: 0, alt: 'Danh sách loại hóa đơn, Tiền điện được tô vàng' },
    'customer-code.svg': {
      template: 'form', app: 'bank', title: 'Tiền điện', alt: 'Ô Mã khách hàng được tô vàng',
      fields: [
        { label: 'Nhà cung cấp', value: 'Điện lực …' },
        { label: 'Mã khách hàng', value: 'Mã in trên hóa đơn' },
      ],
      button: 'Tiếp tục', hi: 1,
    },
    'check-confirm.svg': { template: 'document', app: 'bank', paper: 'HÓA ĐƠN TIỀN ĐIỆN', lines: ['Khách hàng: ...', 'Kỳ: __/____', 'Số tiền: ... đồng'], button: 'Xác nhận', alt: 'Hóa đơn tiền điện có tên khách hàng, số tiền và nút Xác nhận được tô vàng' },
    'pay-qr.svg': { template: 'qr', app: 'bank', title: 'Quét mã QR', caption: 'Đưa mã vào giữa khung', alt: 'Màn hình quét mã QR của ứng dụng ngân hàng, mã nằm trong khung' },
    'check-name.svg': {
      template: 'details', app: 'bank', title: 'Chuyển tiền', alt: 'Màn hình chuyển tiền: dòng Người nhận được tô vàng',
      rows: [
        { label: 'Người nhận', value: 'CỬA HÀNG …' },
        { label: 'Số tiền', value: '… đồng' },
      ],
      hi: 0,
    },
  },
  'scam-check': {
    'cover.svg': cover('shield', '#c92a2a', 'Hình chiếc khiên có dấu chấm than'),
    'store-only.svg': { template: 'warning', app: 'sms', caller: 'Số lạ', message: 'Cài ứng dụng dịch vụ công mới tại link: http://dvc-…apk', rule: 'Chỉ cài từ App Store, CH Play', alt: 'Tin nhắn gửi đường link cài ứng dụng bị gạch chéo đỏ' },
    'no-phone-business.svg': { template: 'warning', app: 'call', caller: 'Xưng là công an', message: 'Ông/bà liên quan vụ án, phải chuyển tiền để điều tra', rule: 'Cúp máy. Hỏi Công an xã/phường', alt: 'Cuộc gọi xưng là công an đòi chuyển tiền bị gạch chéo đỏ' },
    'never-share-otp.svg': otp(),
    'vneid-in-person.svg': { template: 'office', place: 'CÔNG AN XÃ/PHƯỜNG', caption: 'VNeID mức 2: chỉ làm tại đây', bring: ['Căn cước gắn chip', 'Điện thoại'], alt: 'Quầy Công an xã, phường: VNeID mức 2 chỉ làm tại đây' },
    'fake-sms.svg': { template: 'warning', app: 'sms', caller: 'NGAN HANG', message: 'Tài khoản sẽ bị khóa. Cập nhật ngay tại: http://…', rule: 'Không bấm link lạ', alt: 'Tin nhắn mạo danh ngân hàng kèm đường link bị gạch chéo đỏ' },
    'prizes-social.svg': { template: 'warning', app: 'sms', caller: 'Số lạ', message: 'Chúc mừng bạn trúng thưởng xe máy! Nộp phí nhận quà, kết bạn Zalo …', rule: 'Đòi phí trước: lừa đảo', alt: 'Tin nhắn báo trúng thưởng đòi nộp phí bị gạch chéo đỏ' },
    'illegal-loans.svg': { template: 'warning', app: 'web', caller: 'Ứng dụng vay tiền', message: 'Cho phép truy cập danh bạ, ảnh, vị trí?', rule: 'Không cho. Vay ở ngân hàng', alt: 'Ứng dụng vay tiền xin quyền xem danh bạ, ảnh, vị trí bị gạch chéo đỏ' },
    'passwords-2fa.svg': { template: 'choice', app: 'settings', title: 'Bảo mật', options: ['Bật xác thực 2 lớp', 'Để sau'], hi: 0, note: 'Zalo, Facebook, Gmail', alt: 'Màn hình bảo mật, lựa chọn Bật xác thực 2 lớp được tô vàng' },
    'check-report.svg': {
      template: 'form', app: 'sms', title: 'Tin nhắn mới', alt: 'Tin nhắn mới gửi đến 156, ô nội dung bắt đầu bằng LD được tô vàng',
      fields: [
        { label: 'Gửi đến', value: '156' },
        { label: 'Nội dung', value: 'LD 09xx xxx xxx gọi xưng công an' },
      ],
      button: 'Gửi', hi: 1,
    },
    'already-scammed.svg': { template: 'papers', title: 'Lỡ bị lừa: làm ngay', items: ['Dừng chuyển tiền', 'Gọi ngân hàng của mình', 'Giữ tin nhắn, giao dịch', 'Báo Công an xã/phường', 'Báo người thân'], alt: 'Danh sách việc làm ngay khi lỡ bị lừa chuyển tiền' },
  },
  'smartphone-basics': {
    'cover.svg': cover('phone', '#495057', 'Hình chiếc điện thoại'),
    'screen-lock.svg': { template: 'otp', app: 'settings', title: 'Khóa màn hình', message: '', hint: 'Mã khóa màn hình của bà con', point: 'mã khóa màn hình', warn: 'Không đưa mã cho người lạ', alt: 'Ô nhập mã khóa màn hình' },
    'wifi-data.svg': { template: 'menu', app: 'settings', title: 'Cài đặt', items: ['Wi-Fi', 'Dữ liệu di động', 'Bảo mật'], hi: 0, alt: 'Cài đặt của điện thoại, dòng Wi-Fi được tô vàng' },
    'update.svg': { template: 'document', app: 'settings', paper: 'Có bản cập nhật', lines: ['Cắm sạc trước', 'Sao lưu dữ liệu'], button: 'Cập nhật', alt: 'Thông báo có bản cập nhật và nút Cập nhật được tô vàng' },
    'install-store.svg': { template: 'store', appName: 'VNeID', publisher: 'Bộ Công an', alt: 'Cửa hàng ứng dụng: đúng nhà phát hành, nút Cài đặt được tô vàng' },
    'photo-papers.svg': { template: 'photo', app: 'camera', title: '', paper: 'GIẤY KHAI SINH', alt: 'Ảnh chụp giấy tờ rõ chữ, thấy đủ 4 góc' },
    'official-sites.svg': { template: 'form', app: 'web', title: '', fields: [{ label: 'Địa chỉ', value: 'dichvucong.gov.vn' }], button: 'Mở', hi: 0, alt: 'Ô địa chỉ của trình duyệt có dichvucong.gov.vn' },
    'permissions.svg': { template: 'choice', app: 'settings', title: 'Xin quyền', options: ['Cho phép', 'Không cho phép'], hi: 1, note: 'Ứng dụng xin xem danh bạ, ảnh, vị trí', alt: 'Hộp hỏi quyền, nút Không cho phép được tô vàng' },
  },
  'digital-skills-course': {
    'cover.svg': cover('book', '#5f3dc4', 'Hình quyển sách mở'),
    'open-site.svg': { template: 'form', app: 'web', title: '', fields: [{ label: 'Địa chỉ', value: 'binhdanhocvuso.gov.vn' }], button: 'Mở', hi: 0, alt: 'Ô địa chỉ của trình duyệt có binhdanhocvuso.gov.vn' },
    'login.svg': { template: 'choice', app: 'learn', title: 'Đăng nhập', options: ['Đăng nhập bằng VNeID', 'Cách khác'], hi: 0, alt: 'Lựa chọn đăng nhập bằng VNeID được tô vàng' },
    'choose-course.svg': { template: 'menu', app: 'learn', title: 'Khóa học', items: ['Kỹ năng số cơ bản', 'An toàn trên mạng', 'Dịch vụ công trực tuyến'], hi: 0, alt: 'Danh sách khóa học, một khóa được tô vàng' },
    'learn.svg': { template: 'document', app: 'learn', paper: 'BÀI 1', lines: ['▶ Xem video bài học', 'Phần đọc: …'], button: 'Bài tiếp theo', alt: 'Bài học có video và phần đọc, nút Bài tiếp theo' },
    'certificate.svg': {
      template: 'details', app: 'learn', title: 'Kết quả học tập', alt: 'Trang kết quả học tập, dòng kết quả được tô vàng',
      rows: [
        { label: 'Khóa học', value: 'Kỹ năng số cơ bản' },
        { label: 'Kết quả', value: 'Đã học xong' },
      ],
      hi: 1,
    },
  },
  'online-shop': {
    'cover.svg': cover('shop', '#e8590c', 'Hình cửa hàng có mái hiên'),
    'choose-platform.svg': { template: 'choice', app: 'web', title: 'Bán ở đâu', options: ['Sàn thương mại điện tử', 'Trang mạng xã hội'], hi: 0, alt: 'Hai lựa chọn: sàn thương mại điện tử và trang mạng xã hội' },
    'register-seller.svg': {
      template: 'form', app: 'web', title: 'Đăng ký người bán', alt: 'Mẫu đăng ký người bán, ô Tên gian hàng được tô vàng',
      fields: [
        { label: 'Họ tên', value: 'Nguyễn Văn A' },
        { label: 'Mã số định danh', value: '0xx xxx xxx xxx' },
        { label: 'Tên gian hàng', value: 'Cà phê nhà A' },
      ],
      button: 'Tiếp tục', hi: 2,
    },
    'add-product.svg': {
      template: 'form', app: 'web', title: 'Đăng sản phẩm', alt: 'Mẫu đăng sản phẩm: ảnh sản phẩm được tô vàng, mô tả, giá bán',
      fields: [
        { label: 'Ảnh sản phẩm', value: '3 ảnh thật, rõ nét' },
        { label: 'Mô tả', value: 'Cà phê hạt …' },
        { label: 'Giá bán', value: '… đồng / kg' },
      ],
      button: 'Đăng', hi: 0,
    },
    'bank-link.svg': {
      template: 'form', app: 'web', title: 'Nhận tiền', alt: 'Ô số tài khoản nhận tiền được tô vàng',
      fields: [
        { label: 'Ngân hàng', value: '…' },
        { label: 'Số tài khoản nhận tiền', value: '…' },
      ],
      button: 'Lưu', hi: 1,
    },
    'qr-trace.svg': { template: 'qr', app: 'web', title: 'Quét mã QR', caption: 'Tem truy xuất nguồn gốc', alt: 'Khung quét mã QR trên tem truy xuất nguồn gốc của sản phẩm' },
    'orders-tax.svg': {
      template: 'details', app: 'web', title: 'Đơn hàng', alt: 'Đơn hàng: dòng thuế đã khấu trừ được tô vàng',
      rows: [
        { label: 'Tiền hàng', value: '… đồng' },
        { label: 'Thuế đã khấu trừ', value: '… đồng' },
        { label: 'Tiền nhận', value: '… đồng' },
      ],
      hi: 1,
    },
  },
};
