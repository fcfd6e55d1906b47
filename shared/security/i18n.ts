/** Texts of the guards that cut across domains (the desk's flood control, privacy notices). */
export const security = {
  vi: {
    flood: {
      open: 'Số lấy hàng loạt?',
      title: 'Số đang chờ theo thiết bị lấy số',
      intro:
        'Nếu một thiết bị lấy rất nhiều số liền nhau mà không có người chờ thật, hãy hủy các số đó: chúng rời khỏi hàng đợi, bảng gọi số và số liệu gửi tỉnh. Số đã gọi không bị đụng tới.',
      none: 'Không có số nào đang chờ.',
      kiosk: 'Màn hình lấy số của điểm',
      staff: 'Máy của điểm (trình duyệt)',
      board: 'Bảng gọi số',
      lan: 'Thiết bị trong mạng nội bộ ({{tag}})',
      group: '{{count}} số chờ ({{priority}} ưu tiên), từ {{first}} lúc {{firstAt}} đến {{last}} lúc {{lastAt}}',
      void: 'Hủy {{count}} số chờ từ thiết bị này',
      voided: 'Đã hủy {{count}} số.',
    },
    erasure: {
      copies:
        'Dữ liệu được xóa ngay trên máy này và không quay lại kể cả khi khôi phục bản sao lưu cũ. Nhưng các bản sao lưu đã làm trước hôm nay (trên máy này và trên USB) vẫn còn chứa dữ liệu này cho đến khi hết hạn giữ (xem Sao lưu dữ liệu); bản trên USB chỉ bị xóa khi lần sau sao lưu ra USB đó, hoặc khi xóa bằng tay.',
    },
  },
  en: {
    flood: {
      open: 'A flood of numbers?',
      title: 'Waiting numbers by the device that took them',
      intro:
        'If one device took many numbers in a row with nobody really waiting, void them: they leave the queue, the calling board and the figures sent to the province. Numbers already called are not touched.',
      none: 'No numbers are waiting.',
      kiosk: 'The point’s check-in screen',
      staff: 'The point’s PC (browser)',
      board: 'The calling board',
      lan: 'A device on the local network ({{tag}})',
      group: '{{count}} waiting ({{priority}} priority), from {{first}} at {{firstAt}} to {{last}} at {{lastAt}}',
      void: 'Void {{count}} waiting numbers from this device',
      voided: '{{count}} numbers voided.',
    },
    erasure: {
      copies:
        'The data is erased on this PC at once and does not come back even if an older backup is restored. But backups made before today (on this PC and on USB sticks) still hold it until they expire (see Backups); a copy on a USB stick goes only the next time a backup is written to that stick, or when deleted by hand.',
    },
  },
};
