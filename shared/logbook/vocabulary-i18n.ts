/** Labels of the shared vocabulary (namespace `vocabulary`), used by queue, guides, logbook, reports. */
export const vocabulary = {
  vi: {
    outcomes: {
      filed_online: 'Đã nộp hồ sơ trực tuyến toàn trình',
      filed_with_help: 'Đã nộp hồ sơ với sự hỗ trợ',
      guided_only: 'Đã hướng dẫn, người dân sẽ tự hoàn thành',
      referred: 'Chuyển đến Bộ phận một cửa',
      not_completed: 'Chưa thực hiện được',
    },
    priorityGroups: {
      elderly: 'Người cao tuổi', disability: 'Người khuyết tật', pregnant: 'Phụ nữ mang thai', small_child: 'Người đi cùng con nhỏ',
    },
    procedures: {
      birth: 'Đăng ký khai sinh', death: 'Đăng ký khai tử', marriage: 'Đăng ký kết hôn', marital_status: 'Xác nhận tình trạng hôn nhân',
      civil_status_copy: 'Cấp bản sao trích lục hộ tịch', permanent_residence: 'Đăng ký thường trú', temporary_residence: 'Đăng ký tạm trú',
      land: 'Đất đai', building_permit: 'Cấp phép xây dựng', business: 'Đăng ký hộ kinh doanh', health_insurance: 'Bảo hiểm y tế',
      education_policy: 'Chính sách giáo dục', social_policy: 'Chính sách xã hội, y tế', other: 'Thủ tục khác',
    },
    channels: {
      support_point: 'Tại điểm hỗ trợ số', village: 'Tại thôn, làng', door_to_door: 'Đến từng nhà', activity: 'Tại hoạt động của kế hoạch', phone: 'Qua điện thoại',
    },
    genders: { female: 'Nữ', male: 'Nam', other: 'Khác', unspecified: 'Không nêu' },
    ethnicities: {
      kinh: 'Kinh', jrai: 'Jrai (Gia Rai)', bahnar: 'Bahnar (Ba Na)', xo_dang: 'Xơ Đăng', hre: 'Hrê', cham: 'Chăm', tay: 'Tày', nung: 'Nùng', muong: 'Mường', other: 'Dân tộc khác',
    },
    obstacles: {
      no_internet: 'Mất mạng, mạng yếu', portal_error: 'Cổng dịch vụ công bị lỗi', vneid_not_level2: 'Chưa có tài khoản VNeID mức 2',
      forgot_password: 'Quên mật khẩu', otp_not_received: 'Không nhận được mã OTP', sim_not_own_name: 'Số điện thoại không chính chủ',
      missing_documents: 'Thiếu giấy tờ', photo_quality: 'Ảnh giấy tờ không đạt', payment_failed: 'Thanh toán lệ phí không thành công',
      no_smartphone: 'Không có điện thoại thông minh', language: 'Khó khăn về ngôn ngữ', other: 'Vướng mắc khác',
    },
    ageBands: { under_18: 'Dưới 18 tuổi', '18_34': '18–34 tuổi', '35_59': '35–59 tuổi', '60_plus': 'Từ 60 tuổi', unknown: 'Không rõ' },
  },
  en: {
    outcomes: {
      filed_online: 'Application filed fully online',
      filed_with_help: 'Application filed with help',
      guided_only: 'Guided; the citizen will finish',
      referred: 'Referred to the one-stop desk',
      not_completed: 'Could not be completed',
    },
    priorityGroups: {
      elderly: 'Elderly', disability: 'Person with a disability', pregnant: 'Pregnant woman', small_child: 'With a small child',
    },
    procedures: {
      birth: 'Birth registration', death: 'Death registration', marriage: 'Marriage registration', marital_status: 'Marital status confirmation',
      civil_status_copy: 'Copy of a civil-status extract', permanent_residence: 'Permanent residence', temporary_residence: 'Temporary residence',
      land: 'Land', building_permit: 'Building permit', business: 'Household business registration', health_insurance: 'Health insurance',
      education_policy: 'Education policies', social_policy: 'Social and health policies', other: 'Other procedure',
    },
    channels: {
      support_point: 'At the support point', village: 'In a village', door_to_door: 'Door to door', activity: 'At a planned activity', phone: 'By phone',
    },
    genders: { female: 'Female', male: 'Male', other: 'Other', unspecified: 'Not stated' },
    ethnicities: {
      kinh: 'Kinh', jrai: 'Jrai', bahnar: 'Bahnar', xo_dang: 'Xo Dang', hre: 'Hre', cham: 'Cham', tay: 'Tay', nung: 'Nung', muong: 'Muong', other: 'Other group',
    },
    obstacles: {
      no_internet: 'No or weak internet', portal_error: 'Public service portal error', vneid_not_level2: 'No VNeID level 2 account',
      forgot_password: 'Forgotten password', otp_not_received: 'OTP code not received', sim_not_own_name: 'Phone number not in own name',
      missing_documents: 'Missing documents', photo_quality: 'Document photo not accepted', payment_failed: 'Fee payment failed',
      no_smartphone: 'No smartphone', language: 'Language difficulty', other: 'Other difficulty',
    },
    ageBands: { under_18: 'Under 18', '18_34': '18–34', '35_59': '35–59', '60_plus': '60 and over', unknown: 'Unknown' },
  },
};
