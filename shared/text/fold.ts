/**
 * Fold Vietnamese text for search: lower case, no diacritics, đ→d, single spaces. "Đăng ký
 * khai sinh" and "dang ky khai sinh" fold to the same string.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
