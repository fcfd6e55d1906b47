import { describe, expect, it } from 'vitest';
import { guide, type GuideInput } from './pack-schema';
import { buildSearchIndex, editDistance, searchGuides } from './search';

const step = { key: 'open', instruction: { vi: 'Mở ứng dụng' }, picture: 'a.svg', screenShows: { vi: 'Màn hình chính' } };
function make(partial: Partial<GuideInput> & { id: string; title: { vi: string } }) {
  return guide.parse({
    languages: ['vi'], procedureKey: 'other', helpKind: 'dvc', summary: { vi: 'Tóm tắt' }, audience: { vi: 'Công dân' }, vneidLevel: 2,
    steps: [step], sources: [{ title: 'Cổng DVC' }], lastChecked: '2026-03-01', verified: true, ...partial,
  });
}

const guides = [
  make({ id: 'birth-registration', title: { vi: 'Đăng ký khai sinh cho con', en: 'Register a birth' }, languages: ['vi'], procedureCode: '1.001193', relatedCodes: ['3.000722'], keywords: ['làm giấy khai sinh', 'con mới đẻ'] }),
  make({ id: 'death-registration', title: { vi: 'Đăng ký khai tử' }, procedureCode: '1.000656', keywords: ['người nhà mất', 'giấy báo tử'] }),
  make({ id: 'temporary-residence', title: { vi: 'Đăng ký tạm trú' }, procedureCode: '1.004194', keywords: ['ở trọ', 'thuê nhà'] }),
  make({ id: 'scam-check', title: { vi: 'Năm phút nhận biết lừa đảo' }, helpKind: 'scam', procedureKey: 'scam', keywords: ['công an gọi điện', 'mã OTP'] }),
  make({ id: 'vneid-level-2', title: { vi: 'Định danh điện tử mức 2' }, helpKind: 'vneid', procedureKey: 'vneid', keywords: ['vneid mức 2'] }),
];
const index = buildSearchIndex(guides);
const first = (q: string) => searchGuides(index, q)[0]?.id;

describe('searchGuides', () => {
  it('finds a guide with or without diacritics and with ki/ky', () => {
    expect(first('Đăng ký khai sinh')).toBe('birth-registration');
    expect(first('dang ky khai sinh')).toBe('birth-registration');
    expect(first('DANG KI KHAI SINH')).toBe('birth-registration');
    expect(first('khai tu')).toBe('death-registration');
  });

  it('forgives small typos', () => {
    expect(first('khai sinhh')).toBe('birth-registration');
    expect(first('tam truu')).toBe('temporary-residence');
    expect(first('lua dao')).toBe('scam-check');
    expect(first('lừa đảoo')).toBe('scam-check');
  });

  it('finds by procedure code, whole or in part, and related codes', () => {
    expect(first('1.001193')).toBe('birth-registration');
    expect(first('001193')).toBe('birth-registration');
    expect(first('3.000722')).toBe('birth-registration');
    expect(first('1.004194')).toBe('temporary-residence');
  });

  it('finds by everyday words and ignores filler words', () => {
    expect(first('con mới đẻ')).toBe('birth-registration');
    expect(first('o tro')).toBe('temporary-residence');
    expect(first('cách làm thế nào khi người nhà mất')).toBe('death-registration');
    expect(first('cong an goi dien')).toBe('scam-check');
    expect(first('register a birth')).toBe('birth-registration');
  });

  it('returns nothing for an unrelated or empty query', () => {
    expect(searchGuides(index, 'xyzzy qwerty')).toEqual([]);
    expect(searchGuides(index, '   ')).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('sinh', 'sinh')).toBe(0);
    expect(editDistance('sinh', 'sihn')).toBe(1);
    expect(editDistance('khai', 'kai')).toBe(1);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
  });
});
