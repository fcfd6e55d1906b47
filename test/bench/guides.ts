import { bundledPack, SOURCE_GUIDES_DIR } from '#core/guides/pack-store';
import { searchGuides } from '#shared/guides/search';

/** Queries as people type them: with and without accents, typos, codes, everyday words. */
const QUERIES = [
  'đăng ký khai sinh',
  'dang ky khai sinh',
  'khai sihn',
  'khai tu',
  'tam tru',
  'thuong tru',
  'vneid muc 2',
  'kich hoat vneid',
  '1.001193',
  '001193',
  'bao hiem y te',
  'bang lai xe',
  'lua dao',
  'cong an goi dien',
  'chu ky so',
  'mo tai khoan ngan hang',
  'tra cuu ho so',
  'nop phi',
  'ket hon',
  'xac nhan tinh trang hon nhan',
  'trich luc',
  'con moi de',
  'nguoi nha mat',
  'quen mat khau',
];

export async function benchGuides(): Promise<Record<string, number>> {
  const pack = bundledPack(SOURCE_GUIDES_DIR);
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of QUERIES) {
      const start = performance.now();
      searchGuides(pack.index, q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return {
    guides_search_pack_guides: pack.guides.length,
    guides_search_mean_ms: Number(mean.toFixed(3)),
    guides_search_p95_ms: Number(times[Math.floor(times.length * 0.95)]!.toFixed(3)),
  };
}
