import { describe, expect, it } from 'vitest';
import { searchGuides } from '#shared/guides/search';
import { bundledPack, SOURCE_GUIDES_DIR } from './pack-store';

// Search as a citizen meets it: on the pack the app ships, with its synonyms.
const pack = bundledPack(SOURCE_GUIDES_DIR);
const ids = (q: string) => searchGuides(pack.index, q).map((h) => h.id);
const first = (q: string) => ids(q)[0];
const ofKind = (kind: string) => pack.guides.filter((g) => g.helpKind === kind).map((g) => g.id);

describe('guide search on the shipped pack', () => {
  it('returns nothing for unrelated words, filler and injection-looking input', () => {
    for (const q of [
      'con mèo',
      'or',
      "' OR 1=1 --",
      'the',
      '   ',
      'xyzzy qwerty',
      '12',
      '<script>alert(1)</script>',
      'SELECT * FROM guides',
    ]) {
      expect(ids(q), q).toEqual([]);
    }
  });

  it('ranks the VNeID guides first for "vneid"', () => {
    const vneid = ofKind('vneid');
    expect(vneid.length).toBeGreaterThanOrEqual(4);
    expect(ids('vneid').slice(0, vneid.length).sort()).toEqual(vneid.sort());
    expect(ids('VNeID').slice(0, vneid.length).sort()).toEqual(vneid.sort());
  });

  it('finds the ID card guides by the words people use: CCCD, căn cước, chứng minh nhân dân, cmnd', () => {
    for (const q of ['CCCD', 'cccd', 'căn cước', 'can cuoc', 'chứng minh nhân dân', 'cmnd']) {
      const found = ids(q);
      expect(found, q).toContain('vneid-level-1');
      expect(found, q).toContain('vneid-level-2');
    }
  });

  it('treats the pack synonyms as one thing: khai sinh = giấy khai sinh, hộ khẩu = thường trú, CT07 = xác nhận cư trú', () => {
    expect(first('khai sinh')).toBe('birth-registration');
    expect(first('giấy khai sinh')).toBe('birth-registration');
    expect(first('làm giấy khai sinh')).toBe('birth-registration');
    expect(first('hộ khẩu')).toBe('permanent-residence');
    expect(first('thường trú')).toBe('permanent-residence');
    expect(first('nhập hộ khẩu')).toBe('permanent-residence');
    expect(first('CT07')).toBe('residence-confirmation');
    expect(first('xác nhận cư trú')).toBe('residence-confirmation');
    expect(first('ở trọ')).toBe('temporary-residence');
    expect(first('sổ đỏ')).toBe('land-registration');
    expect(first('bhyt')).toBe('health-insurance');
    expect(first('bảo hiểm y tế')).toBe('health-insurance');
    expect(first('giấy phép kinh doanh')).toBe('household-business');
    expect(first('xin phép xây nhà')).toBe('building-permit');
    expect(first('bán hàng online')).toBe('online-shop');
    expect(first('tiền điện')).toBe('bills-qr');
  });

  it('forgives missing diacritics, ki/ky and small typos', () => {
    expect(first('dang ky khai sinh')).toBe('birth-registration');
    expect(first('DANG KI TAM TRU')).toBe('temporary-residence');
    expect(first('khai tu')).toBe('death-registration');
    expect(first('kich hoat vneid')).toBe('vneid-level-1');
    expect(first('lừa đảoo')).toBe('scam-check');
    expect(first('tam truu')).toBe('temporary-residence');
  });

  it('finds a guide by its procedure code, whole or in part', () => {
    const withCode = pack.guides.filter((g) => g.procedureCode);
    expect(withCode.length).toBeGreaterThan(0);
    for (const g of withCode) {
      expect(first(g.procedureCode!), g.procedureCode).toBe(g.id);
      expect(ids(g.procedureCode!.slice(2)), g.procedureCode).toContain(g.id);
    }
  });

  it('finds by everyday phrases and in English', () => {
    expect(first('công an gọi điện')).toBe('scam-check');
    expect(first('mất điện thoại')).toBe('vneid-new-phone');
    expect(first('register a birth')).toBe('birth-registration');
    expect(first('online shop')).toBe('online-shop');
    expect(first('quên mật khẩu vneid')).toBe('vneid-level-1');
  });

  it('does not flood the list: a specific query gives a few guides, never the whole pack', () => {
    for (const q of ['khai sinh', 'tạm trú', 'lừa đảo', 'sổ đỏ', 'học phí', 'CCCD', 'vneid']) {
      expect(ids(q).length, q).toBeLessThanOrEqual(6);
    }
    expect(ids('tạm trú')).toEqual(['temporary-residence']);
  });
});
