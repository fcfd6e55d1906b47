const vi = {
  kiosk: {
    madeBy: '{{language}}: bản dịch của cộng đồng. Người dịch: {{names}}.',
    unchecked: 'Câu có dấu * chưa được người thứ hai kiểm tra.',
    missing: 'Câu chưa có bản dịch được hiện bằng tiếng Việt.',
    none: 'Chưa có bản dịch {{language}}: màn hình hiện tiếng Việt. Một thành viên nói {{language}} sẽ hỗ trợ bạn.',
    listen: 'Nghe',
    listenAll: 'Nghe cả màn hình',
    stop: 'Dừng',
    uncheckedMark: 'chưa kiểm tra',
  },
  problems: {
    key: 'Câu này không có trên màn hình hay trong hướng dẫn đang dùng.',
    required: 'Hãy viết bản dịch.',
    tooLong: 'Bản dịch quá dài (tối đa 600 ký tự).',
    notSpeaker: 'Chỉ chọn được thành viên nói tiếng này.',
    selfReview: 'Người kiểm tra phải là một người khác người dịch.',
    audioType: 'Tệp âm thanh không đúng loại (chỉ nhận WebM hoặc Ogg từ micrô).',
    audioEmpty: 'Tiếng thu quá ngắn hoặc trống.',
    audioTooLarge: 'Tiếng thu quá dài (tối đa 2 MB).',
  },
};

const en: typeof vi = {
  kiosk: {
    madeBy: '{{language}}: a community translation. Translated by {{names}}.',
    unchecked: 'Sentences marked * have not been checked by a second speaker.',
    missing: 'Sentences not translated yet are shown in Vietnamese.',
    none: 'No {{language}} translation yet: the screen is in Vietnamese. A member who speaks {{language}} will help you.',
    listen: 'Listen',
    listenAll: 'Listen to the screen',
    stop: 'Stop',
    uncheckedMark: 'not checked',
  },
  problems: {
    key: 'This sentence is not on the screens or in the guides in use.',
    required: 'Write the translation.',
    tooLong: 'The translation is too long (600 characters at most).',
    notSpeaker: 'Only a member who speaks this language can be chosen.',
    selfReview: 'The person who checks must not be the translator.',
    audioType: 'Not a supported sound file (only WebM or Ogg from the microphone).',
    audioEmpty: 'The recording is empty or too short.',
    audioTooLarge: 'The recording is too long (2 MB at most).',
  },
};

/** What the citizen screens say; the staff screens' part of the namespace is in `i18n-staff.ts`. */
export const communityCitizen = { vi, en };
