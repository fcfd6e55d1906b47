import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFormats, checkFormatsTree } from './formats';

describe('formats check', () => {
  it('refuses locale-bound formatting in product code, and allows it in shared/format and tests', () => {
    expect(checkFormats('renderer/x.tsx', "const t = new Date().toLocaleTimeString('vi-VN');")).toHaveLength(1);
    expect(checkFormats('shared/x.ts', 'new Intl.NumberFormat("vi-VN").format(n)')).toHaveLength(1);
    expect(checkFormats('electron/core/x.ts', 'const h = at.getHours();')).toHaveLength(1);
    expect(checkFormats('renderer/x.tsx', 'n.toFixed(1)')).toHaveLength(1);
    expect(checkFormats('renderer/x.tsx', '<input type="date" />')).toHaveLength(1);
    expect(checkFormats('renderer/x.tsx', 'const d = at.getUTCHours();')).toEqual([]);
    expect(checkFormats('renderer/x.tsx', '// toLocaleString() is not used here')).toEqual([]);
    expect(checkFormats('shared/format/vietnamese.ts', 'rounded.toFixed(2)')).toEqual([]);
    expect(checkFormats('renderer/x.test.tsx', 'at.toLocaleString()')).toEqual([]);
  });

  it('finds nothing in the repository', () => {
    expect(checkFormatsTree(dirname(dirname(fileURLToPath(import.meta.url))))).toEqual([]);
  });
});
