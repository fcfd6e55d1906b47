import type { ErrorCode } from '../contract/errors';

type Messages = Record<ErrorCode, string>;

export const errors: { vi: Messages; en: Messages } = {
  vi: {
    invalid_input: 'Thông tin nhập chưa đúng. Vui lòng kiểm tra các ô được đánh dấu.',
    unknown_method: 'Chức năng không tồn tại.',
    unauthorized: 'Cần đăng nhập bằng mã PIN của thành viên để dùng chức năng này.',
    forbidden: 'Tài khoản của bạn không được dùng chức năng này.',
    session_expired: 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    wrong_pin: 'Mã PIN không đúng. Còn {{remaining}} lần thử trước khi tài khoản bị khóa tạm thời.',
    member_locked: 'Tài khoản tạm khóa do nhập sai mã PIN nhiều lần. Thử lại sau {{minutes}} phút.',
    wrong_password: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    account_locked: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau {{minutes}} phút.',
    address_locked:
      'Có quá nhiều lần đăng nhập sai từ địa chỉ mạng này, nên tạm thời không nhận đăng nhập từ đây. Hãy thử lại sau {{minutes}} phút, từ {{time}} ngày {{date}}.',
    not_found: 'Không tìm thấy dữ liệu yêu cầu.',
    conflict: 'Dữ liệu vừa được người khác thay đổi. Vui lòng tải lại và thử lại.',
    already_configured: 'Điểm hỗ trợ số đã được thiết lập trước đó.',
    not_configured: 'Điểm hỗ trợ số chưa được thiết lập.',
    payload_too_large: 'Dữ liệu gửi lên quá lớn.',
    too_many_requests:
      'Có quá nhiều yêu cầu từ thiết bị này trong thời gian ngắn. Vui lòng chờ {{minutes}} phút hoặc hỏi cán bộ trực.',
    server_busy: 'Máy chủ đang bận xử lý việc khác. Vui lòng thử lại sau ít phút.',
    province_key_missing:
      'Chưa đóng gói được số liệu gửi tỉnh: chưa nhập khóa công khai của tỉnh. Quản trị viên nhập khóa do tỉnh cấp tại màn hình Gửi số liệu.',
    invalid_file:
      'Tệp không dùng được: bị hỏng, không đầy đủ, quá lớn hoặc không phải tệp của ứng dụng này. Dữ liệu chưa bị thay đổi.',
    storage_full: 'Ổ đĩa đã đầy, không lưu được. Hãy báo cán bộ phụ trách giải phóng dung lượng.',
    storage_read_only: 'Thư mục dữ liệu không cho phép ghi, không lưu được. Hãy báo cán bộ phụ trách.',
    internal: 'Đã có lỗi ngoài ý muốn. Dữ liệu chưa bị thay đổi. Vui lòng thử lại.',
  },
  en: {
    invalid_input: 'Some information is not valid. Please check the marked fields.',
    unknown_method: 'This function does not exist.',
    unauthorized: "Sign in with a member's PIN to use this function.",
    forbidden: 'Your account may not use this function.',
    session_expired: 'Your session has expired. Please sign in again.',
    wrong_pin: 'Wrong PIN. {{remaining}} tries left before the account is locked for a while.',
    member_locked: 'Account locked after too many wrong PINs. Try again in {{minutes}} minutes.',
    wrong_password: 'Wrong account name or password.',
    account_locked: 'Account locked after too many wrong passwords. Try again in {{minutes}} minutes.',
    address_locked:
      'Too many wrong sign-ins came from this network address, so sign-ins from it are paused. Try again in {{minutes}} minutes, from {{time}} on {{date}}.',
    not_found: 'The requested data was not found.',
    conflict: 'Someone else just changed this. Please reload and try again.',
    already_configured: 'This support point has already been set up.',
    not_configured: 'This support point has not been set up yet.',
    payload_too_large: 'The data sent is too large.',
    too_many_requests:
      'Too many requests from this device in a short time. Please wait {{minutes}} minutes or ask the staff on duty.',
    server_busy: 'The server is busy with other work. Please try again in a few minutes.',
    province_key_missing:
      "No batch for the province can be packed yet: the province's public key has not been entered. An admin enters the key issued by the province on the Uploads screen.",
    invalid_file:
      'This file cannot be used: it is damaged, incomplete, too large or not from this app. Nothing was changed.',
    storage_full: 'The disk is full; nothing was saved. Ask the person in charge to free space.',
    storage_read_only: 'The data folder cannot be written; nothing was saved. Ask the person in charge.',
    internal: 'Something unexpected went wrong. Nothing was changed. Please try again.',
  },
};
