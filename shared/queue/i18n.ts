export const queue = {
  vi: {
    problems: {
      phone: 'Số điện thoại gồm 10 hoặc 11 chữ số, bắt đầu bằng số 0.',
      name: 'Vui lòng nhập tên.',
      tooLong: 'Quá dài.',
      consent: 'Chỉ ghi tên và số điện thoại khi người dân đồng ý.',
      range: 'Giá trị nằm ngoài khoảng cho phép.',
      desk: 'Không có bàn số này.',
      transferTarget: 'Chọn bàn hoặc loại hỗ trợ cần chuyển đến.',
      period: 'Ngày kết thúc phải sau ngày bắt đầu.',
    },
  },
  en: {
    problems: {
      phone: 'A phone number has 10 or 11 digits and starts with 0.',
      name: 'Please enter a name.',
      tooLong: 'Too long.',
      consent: 'Name and phone are kept only with the citizen’s consent.',
      range: 'The value is outside the allowed range.',
      desk: 'There is no such desk.',
      transferTarget: 'Choose a desk or a kind of help to transfer to.',
      period: 'The end date must be after the start date.',
    },
  },
};
