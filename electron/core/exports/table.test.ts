import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTable, toCsv, toXlsx } from './table';

const table = {
  title: 'Sổ theo dõi ngày 25/11/2026',
  columns: [{ header: 'STT' }, { header: 'Họ và tên' }, { header: 'Nội dung' }],
  rows: [
    [1, 'Nguyễn Thị Hường', 'Đăng ký khai sinh, "bản sao"'],
    [2, null, '=HYPERLINK("x")'],
  ],
};

describe('exports', () => {
  it('writes CSV with a BOM, quoting, and formulas neutralised', () => {
    const text = toCsv(table).toString('utf8');
    expect(text.startsWith('\uFEFFSTT,Họ và tên,Nội dung\r\n')).toBe(true);
    expect(text).toContain('"Đăng ký khai sinh, ""bản sao"""');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes an XLSX that a spreadsheet reader opens, with the Vietnamese text intact and no formula', async () => {
    const book = new ExcelJS.Workbook();
    // exceljs types its Buffer as an ArrayBuffer of its own; a Node Buffer is what it reads.
    await book.xlsx.load(toXlsx(table) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(table.title);
    expect([1, 2, 3].map((c) => sheet.getRow(2).getCell(c).value)).toEqual(['STT', 'Họ và tên', 'Nội dung']);
    expect(sheet.getCell('A3').value).toBe(1);
    expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell('B3').value).toBe('Nguyễn Thị Hường');
    expect(sheet.getCell('C3').value).toBe('Đăng ký khai sinh, "bản sao"');
    expect(sheet.getCell('B4').value).toBeNull();
    // A formula from a stranger's input stays text: the reader sees a string, never a formula.
    expect(sheet.getCell('C4').type).toBe(ExcelJS.ValueType.String);
    expect(String(sheet.getCell('C4').value)).toContain('HYPERLINK');
    expect(sheet.rowCount).toBe(4);
    expect(exportTable(table, 'xlsx', 'Sổ ngày 25/11').fileName).toBe('so-ngay-25-11.xlsx');
  });

  it('writes days, times and percentages as real spreadsheet values, and as Vietnamese text in CSV', async () => {
    const typed = {
      title: 'T',
      columns: [{ header: 'Ngày' }, { header: 'Giờ' }, { header: 'Tỷ lệ' }, { header: 'Số' }],
      rows: [[{ day: '2026-01-12' }, { time: '22:55' }, { percent: 12.5 }, 1234.5]],
    };
    expect(toCsv(typed).toString('utf8')).toContain('12/01/2026,22:55,"12,5%","1.234,5"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(toXlsx(typed) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    // A real date and a real time, shown dd/mm/yyyy and hh:mm; a percentage kept as a number.
    expect(sheet.getCell('A3').value).toEqual(new Date(Date.UTC(2026, 0, 12)));
    expect(sheet.getCell('A3').numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell('B3').numFmt).toBe('hh:mm');
    expect((sheet.getCell('B3').value as Date).toISOString()).toBe('1899-12-30T22:55:00.000Z');
    expect(sheet.getCell('C3').value).toBe(0.125);
    expect(sheet.getCell('C3').numFmt).toBe('0.0%');
    expect(sheet.getCell('D3').value).toBe(1234.5);
  });
});
