import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportTable, toCsv, toXlsx } from './table';

const table = {
  title: 'Sổ theo dõi ngày 25/11/2026',
  columns: [{ header: 'STT' }, { header: 'Họ và tên' }, { header: 'Nội dung' }],
  rows: [[1, 'Nguyễn Thị Hường', 'Đăng ký khai sinh, "bản sao"'], [2, null, '=HYPERLINK("x")']],
};

describe('exports', () => {
  it('writes CSV with a BOM, quoting, and formulas neutralised', () => {
    const text = toCsv(table).toString('utf8');
    expect(text.startsWith('\uFEFFSTT,Họ và tên,Nội dung\r\n')).toBe(true);
    expect(text).toContain('"Đăng ký khai sinh, ""bản sao"""');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes an XLSX that a zip reader opens, with the Vietnamese text intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dhs-xlsx-'));
    const file = join(dir, 'book.xlsx');
    writeFileSync(file, toXlsx(table));
    const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(z.read("xl/worksheets/sheet1.xml").decode())';
    const sheet = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' });
    expect(sheet).toContain('Nguyễn Thị Hường');
    expect(sheet).toContain('<c r="A3" s="0"><v>1</v></c>');
    expect(exportTable(table, 'xlsx', 'Sổ ngày 25/11').fileName).toBe('so-ngay-25-11.xlsx');
  });
});
