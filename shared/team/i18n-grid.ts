/** Texts of the month grid, its confirmations and the members' notices (namespace `team`, key `grid`). */
const vi = {
  grid: {
    caption: 'Lịch trực tháng {{month}}: mỗi hàng một thành viên, mỗi cột một ngày',
    help: 'Bấm vào ô (hoặc dùng phím mũi tên rồi phím cách) để thêm, đổi ca hay bỏ người trực ngày đó. Bấm vào ngày ở hàng đầu để đóng hoặc mở cửa ngày đó.',
    legendPrint: 'x trực cả ngày · S ca sáng · C ca chiều · B báo bận · • có mặt ngoài lịch · ô xám: điểm nghỉ',
    helpPublished: 'Lịch đã công bố: các ô bạn sửa được đánh dấu và chỉ có hiệu lực sau khi bạn xác nhận.',
    member: 'Thành viên',
    total: 'Số ca',
    perDay: 'Số người trực',
    language: 'Tiếng dân tộc',
    // On paper a plain x (the mark of a paper roster, and a glyph the document font has).
    mark: {
      full: '✓',
      morning: 'S',
      afternoon: 'C',
      leave: 'B',
      presentOnly: '•',
      fullPrint: 'x',
      languageOk: '✓',
      languageOkPrint: 'x',
    },
    legend:
      '✓ trực cả ngày · S ca sáng · C ca chiều · B báo bận · • có mặt ngoài lịch · chữ xanh gạch chân: đã điểm danh · ô xám: điểm nghỉ',
    cell: '{{name}}, {{weekday}} {{date}}: {{state}}',
    state: {
      none: 'không trực',
      full: 'trực cả ngày',
      morning: 'trực ca sáng',
      afternoon: 'trực ca chiều',
      leave: 'báo bận',
      closed: 'điểm nghỉ',
    },
    present: 'đã điểm danh',
    pending: 'chưa xác nhận',
    pendingBar: '{{count}} thay đổi chưa áp dụng.',
    review: 'Xem lại và xác nhận…',
    discard: 'Bỏ các thay đổi',
    confirmTitle: 'Sửa lịch đã công bố',
    confirmIntro: 'Lịch tháng {{month}} đã công bố. Sau khi xác nhận:',
    confirmMembers:
      'mỗi thành viên có tên dưới đây sẽ thấy thông báo về thay đổi của mình trên trang chính khi đăng nhập;',
    confirmProvince: 'số người và số ca của những ngày này (không có tên) được đưa vào gói số liệu gửi tỉnh lần tới.',
    confirmApply: 'Xác nhận thay đổi',
    added: 'thêm {{date}} ({{shift}})',
    removed: 'bỏ {{date}}',
    moved: '{{date}}: {{from}} → {{to}}',
    applied: 'Đã sửa {{count}} ô.',
    appliedTold: 'Đã sửa {{count}} ô; {{told}} thành viên sẽ thấy thông báo.',
    dayPublished: 'Lịch đã công bố: nếu đóng cửa ngày này, người đang trực ngày đó sẽ được báo trên trang chính.',
  },
  notices: {
    title: 'Lịch trực của bạn đã thay đổi',
    line: 'Tháng {{month}}: {{changes}}.',
    by: 'Sửa lúc {{at}} bởi {{name}}.',
    dismiss: 'Đã xem',
  },
};

const en: typeof vi = {
  grid: {
    caption: 'Roster for {{month}}: one row a member, one column a day',
    help: 'Click a cell (or use the arrow keys, then Space) to add, change the shift of, or remove a member that day. Click a day in the top row to close or open the point that day.',
    legendPrint:
      'x full day · M morning · A afternoon · U unavailable · • present without a shift · grey: point closed',
    helpPublished: 'The month is published: the cells you change are marked and take effect only once you confirm.',
    member: 'Member',
    total: 'Shifts',
    perDay: 'On duty',
    language: 'Minority language',
    mark: {
      full: '✓',
      morning: 'M',
      afternoon: 'A',
      leave: 'U',
      presentOnly: '•',
      fullPrint: 'x',
      languageOk: '✓',
      languageOkPrint: 'x',
    },
    legend:
      '✓ full day · M morning · A afternoon · U unavailable · • present without a shift · green underlined: signed in · grey: point closed',
    cell: '{{name}}, {{weekday}} {{date}}: {{state}}',
    state: {
      none: 'not on duty',
      full: 'full day',
      morning: 'morning shift',
      afternoon: 'afternoon shift',
      leave: 'unavailable',
      closed: 'point closed',
    },
    present: 'signed in',
    pending: 'not confirmed yet',
    pendingBar: '{{count}} change(s) not applied yet.',
    review: 'Review and confirm…',
    discard: 'Discard the changes',
    confirmTitle: 'Change a published roster',
    confirmIntro: 'The roster for {{month}} is published. Once you confirm:',
    confirmMembers: 'each member named below sees a notice of their own change on their home screen when they sign in;',
    confirmProvince:
      'the number of people and shifts on these days (no names) goes into the next batch for the province.',
    confirmApply: 'Confirm the changes',
    added: 'added {{date}} ({{shift}})',
    removed: 'removed {{date}}',
    moved: '{{date}}: {{from}} → {{to}}',
    applied: '{{count}} cell(s) changed.',
    appliedTold: '{{count}} cell(s) changed; {{told}} member(s) will see a notice.',
    dayPublished:
      'The month is published: if you close the point that day, the members on duty that day are told on their home screen.',
  },
  notices: {
    title: 'Your duty roster has changed',
    line: '{{month}}: {{changes}}.',
    by: 'Changed at {{at}} by {{name}}.',
    dismiss: 'Seen',
  },
};

export const gridI18n = { vi, en };
