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
    expect(sheet).toContain('<c r="A3" s="6"><v>1</v></c>');
    expect(exportTable(table, 'xlsx', 'Sổ ngày 25/11').fileName).toBe('so-ngay-25-11.xlsx');
  });

  it('writes days, times and percentages as real spreadsheet values, and as Vietnamese text in CSV', () => {
    const typed = { title: 'T', columns: [{ header: 'Ngày' }, { header: 'Giờ' }, { header: 'Tỷ lệ' }, { header: 'Số' }],
      rows: [[{ day: '2026-01-12' }, { time: '22:55' }, { percent: 12.5 }, 1234.5]] };
    expect(toCsv(typed).toString('utf8')).toContain('12/01/2026,22:55,"12,5%","1.234,5"');
    const dir = mkdtempSync(join(tmpdir(), 'dhs-xlsx-'));
    const file = join(dir, 'typed.xlsx');
    writeFileSync(file, toXlsx(typed));
    const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read("xl/worksheets/sheet1.xml").decode()); print(z.read("xl/styles.xml").decode())';
    const out = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' });
    // 12/01/2026 is day 46034 after 30/12/1899; 22:55 is 1375 of 1440 minutes.
    expect(out).toContain('<c r="A3" s="3"><v>46034</v></c>');
    expect(out).toContain(`<c r="B3" s="4"><v>${1375 / 1440}</v></c>`);
    expect(out).toContain('<c r="C3" s="5"><v>0.125</v></c>');
    expect(out).toContain('formatCode="dd/mm/yyyy"');
  });
});
