export const backups = {
  vi: {
    nav: { backups: 'Sao lưu dữ liệu' },
    page: {
      title: 'Sao lưu và khôi phục dữ liệu',
      intro:
        'Ứng dụng tự sao lưu cơ sở dữ liệu mỗi ngày vào thư mục dưới đây. Nên chép thêm một bản ra USB mỗi tuần và cất ở nơi khác.',
      folder: 'Thư mục sao lưu tự động',
      lastBackup: 'Lần sao lưu gần nhất',
      never: 'Chưa có bản sao lưu nào.',
      lastError: 'Lần sao lưu gần nhất bị lỗi: {{error}}',
    },
    settings: {
      title: 'Thời gian giữ bản sao lưu',
      keepDays: 'Số ngày giữ lại (1–365)',
      keepDaysHint:
        'Mọi bản sao lưu cũ hơn số ngày này đều bị xóa: tự động, thủ công, bản trước khi khôi phục, bản khôi phục hỏng, và các bản niêm phong trên USB khi lần sau sao lưu ra USB đó. Dữ liệu cá nhân đã xóa chỉ hết hẳn khi các bản cũ này hết hạn.',
      saved: 'Đã lưu thời gian giữ bản sao lưu.',
    },
    now: {
      title: 'Sao lưu ngay',
      intoFolder: 'Sao lưu vào thư mục sao lưu',
      toUsb: 'Sao lưu ra thư mục khác hoặc USB',
      folderPath: 'Đường dẫn thư mục (ví dụ E:\\SaoLuu)',
      folderHint:
        'Cắm USB, mở thư mục trên USB rồi dán đường dẫn vào đây. Bản ra USB và bản tải về được niêm phong bằng cụm mật khẩu sao lưu.',
      download: 'Tải tệp sao lưu về máy này',
      done: 'Đã sao lưu: {{file}} ({{size}}).',
      working: 'Đang sao lưu…',
    },
    list: {
      title: 'Các bản sao lưu đã lưu',
      empty: 'Chưa có bản sao lưu nào trong thư mục.',
      name: 'Tệp',
      kind: 'Loại',
      at: 'Thời điểm',
      size: 'Dung lượng',
      actions: 'Thao tác',
      kinds: { auto: 'Tự động', manual: 'Thủ công' },
      restore: 'Khôi phục bản này',
    },
    restore: {
      title: 'Khôi phục từ bản sao lưu',
      intro:
        'Khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng dữ liệu trong bản sao lưu. Dữ liệu hiện tại được cất riêng, không bị xóa.',
      fromFile: 'Chọn tệp sao lưu niêm phong (.dhsbackup) để khôi phục',
      passphrase: 'Cụm mật khẩu sao lưu của bản này (bỏ trống nếu là cụm mật khẩu hiện tại của máy)',
      confirmTitle: 'Xác nhận khôi phục',
      confirmText:
        'Khôi phục từ “{{source}}”? Mọi thay đổi sau thời điểm của bản sao lưu sẽ không còn trong dữ liệu đang dùng.',
      confirm: 'Kiểm tra và khôi phục',
      staged:
        'Bản sao lưu “{{source}}” đã được kiểm tra và sẵn sàng. Hãy khởi động lại ứng dụng để hoàn tất khôi phục.',
      pending: 'Đang chờ khởi động lại để khôi phục từ “{{source}}” (chuẩn bị lúc {{at}}).',
      cancel: 'Hủy khôi phục',
      cancelled: 'Đã hủy khôi phục. Dữ liệu hiện tại giữ nguyên.',
      lastOk: 'Đã khôi phục từ “{{source}}” lúc {{at}}.',
      lastFailed: 'Khôi phục từ “{{source}}” không thành công; dữ liệu cũ vẫn được giữ nguyên.',
    },
    problems: {
      keepDays: 'Nhập số ngày từ 1 đến 365.',
      name: 'Tên tệp sao lưu không hợp lệ.',
      folder: 'Không tìm thấy thư mục này. Hãy nhập đường dẫn đầy đủ của một thư mục có sẵn.',
      missing: 'Không tìm thấy tệp sao lưu.',
      notFile: 'Đây không phải là một tệp.',
      tooLarge: 'Tệp quá lớn, không phải bản sao lưu của ứng dụng.',
      notSqlite: 'Tệp không phải là bản sao lưu cơ sở dữ liệu.',
      truncated: 'Tệp sao lưu bị thiếu phần cuối (chép chưa xong hoặc USB bị rút ra).',
      damaged: 'Tệp sao lưu bị hỏng, không qua được bước kiểm tra toàn vẹn.',
      notOurs: 'Tệp không phải là dữ liệu của ứng dụng Điểm hỗ trợ số.',
      tooNew: 'Bản sao lưu được tạo bởi phiên bản mới hơn. Hãy cập nhật ứng dụng trước khi khôi phục.',
      notAuthenticated:
        'Tệp không phải do điểm hỗ trợ này tạo ra, đã bị sửa, hoặc cụm mật khẩu không đúng. Ứng dụng chỉ khôi phục bản sao lưu của chính mình.',
      passphraseNeeded: 'Bản sao lưu này được niêm phong bằng một cụm mật khẩu khác: hãy nhập cụm mật khẩu của nó.',
      schema: 'Cấu trúc dữ liệu trong tệp khác với cấu trúc của ứng dụng (có bảng, chỉ mục, trigger hoặc view lạ).',
      noPassphrase:
        'Chưa đặt cụm mật khẩu sao lưu: bản ra USB hoặc tải về phải được niêm phong. Hãy đặt cụm mật khẩu trước.',
      passphraseShort: 'Cụm mật khẩu dài từ 12 đến 200 ký tự.',
    },
    passphrase: {
      title: 'Cụm mật khẩu sao lưu',
      intro:
        'Bản sao lưu ra USB và bản tải về được niêm phong (mã hóa) bằng cụm mật khẩu này: ai nhặt được USB cũng không đọc được dữ liệu. Chỉ đặt được trên chính máy của điểm hỗ trợ.',
      lossWarning:
        'Nếu quên cụm mật khẩu, không ai mở được các bản sao lưu đã niêm phong bằng nó nữa, kể cả người làm ứng dụng. Dữ liệu trên máy này không bị ảnh hưởng: hãy đặt cụm mật khẩu mới rồi sao lưu lại ra USB. Hãy viết cụm mật khẩu ra giấy và cất cùng sổ sách của xã.',
      set: 'Đã đặt cụm mật khẩu.',
      notSet: 'Chưa đặt cụm mật khẩu.',
      label: 'Cụm mật khẩu mới (ít nhất 12 ký tự)',
      save: 'Lưu cụm mật khẩu',
      saved: 'Đã lưu cụm mật khẩu sao lưu.',
    },
  },
  en: {
    nav: { backups: 'Backups' },
    page: {
      title: 'Backup and restore',
      intro:
        'The app backs up its database every day into the folder below. Copy one to a USB stick every week as well and keep it somewhere else.',
      folder: 'Automatic backup folder',
      lastBackup: 'Last backup',
      never: 'No backup yet.',
      lastError: 'The last backup failed: {{error}}',
    },
    settings: {
      title: 'How long backups are kept',
      keepDays: 'Days to keep (1–365)',
      keepDaysHint:
        'Every backup older than this is deleted: automatic, by hand, the copy set aside by a restore, a failed restore, and sealed copies on a USB stick the next time a backup is written to it. Erased personal data is only fully gone once these older copies expire.',
      saved: 'Retention saved.',
    },
    now: {
      title: 'Back up now',
      intoFolder: 'Back up into the backup folder',
      toUsb: 'Back up to another folder or a USB stick',
      folderPath: 'Folder path (e.g. E:\\Backups)',
      folderHint:
        'Plug in the USB stick, open a folder on it and paste its path here. Copies for a USB stick and downloads are sealed with the backup passphrase.',
      download: 'Download a backup file to this device',
      done: 'Backed up: {{file}} ({{size}}).',
      working: 'Backing up…',
    },
    list: {
      title: 'Stored backups',
      empty: 'No backups in the folder yet.',
      name: 'File',
      kind: 'Kind',
      at: 'Time',
      size: 'Size',
      actions: 'Actions',
      kinds: { auto: 'Automatic', manual: 'By hand' },
      restore: 'Restore this one',
    },
    restore: {
      title: 'Restore from a backup',
      intro:
        'Restoring replaces all current data with the data in the backup. The current data is set aside, not deleted.',
      fromFile: 'Choose a sealed backup file (.dhsbackup) to restore',
      passphrase: 'The backup passphrase of this copy (leave empty if it is this PC’s current passphrase)',
      confirmTitle: 'Confirm restore',
      confirmText:
        'Restore from “{{source}}”? Every change made after that backup will no longer be in the data in use.',
      confirm: 'Check and restore',
      staged: 'The backup “{{source}}” passed its checks and is ready. Restart the app to finish the restore.',
      pending: 'Waiting for a restart to restore from “{{source}}” (prepared at {{at}}).',
      cancel: 'Cancel the restore',
      cancelled: 'Restore cancelled. The current data stays as it is.',
      lastOk: 'Restored from “{{source}}” at {{at}}.',
      lastFailed: 'The restore from “{{source}}” failed; the previous data was kept.',
    },
    problems: {
      keepDays: 'Enter a number of days from 1 to 365.',
      name: 'Not a valid backup file name.',
      folder: 'This folder was not found. Enter the full path of an existing folder.',
      missing: 'The backup file was not found.',
      notFile: 'This is not a file.',
      tooLarge: 'The file is too large to be a backup of this app.',
      notSqlite: 'The file is not a database backup.',
      truncated: 'The backup file is cut short (copying did not finish, or the USB stick was pulled out).',
      damaged: 'The backup file is damaged: it failed the integrity check.',
      notOurs: 'The file is not data of the Digital Support Point app.',
      tooNew: 'This backup was made by a newer version. Update the app before restoring.',
      notAuthenticated:
        'The file was not made by this support point, was changed, or the passphrase is wrong. The app only restores its own backups.',
      passphraseNeeded: 'This backup was sealed with another passphrase: type its passphrase.',
      schema: 'The data structure in the file differs from the app’s (an unknown table, index, trigger or view).',
      noPassphrase:
        'No backup passphrase yet: copies for a USB stick or a download must be sealed. Set the passphrase first.',
      passphraseShort: 'The passphrase has 12 to 200 characters.',
    },
    passphrase: {
      title: 'Backup passphrase',
      intro:
        'Copies for a USB stick and downloads are sealed (encrypted) with this passphrase: whoever finds the stick cannot read the data. It can be set on the support point’s own PC only.',
      lossWarning:
        'If the passphrase is lost, nobody can open the copies sealed with it any more, not even the app’s makers. The data on this PC is not affected: set a new passphrase and back up to the USB stick again. Write the passphrase on paper and keep it with the commune’s records.',
      set: 'The passphrase is set.',
      notSet: 'No passphrase yet.',
      label: 'New passphrase (at least 12 characters)',
      save: 'Save the passphrase',
      saved: 'Backup passphrase saved.',
    },
  },
};
