import { formatDate, formatNumber, formatPercent } from '#shared/format/vietnamese';
import { zip } from './zip';

/**
 * One cell. Days, times and percentages are typed so the XLSX holds real dates, times and
 * numbers (a spreadsheet can sort and sum them) shown the Vietnamese way, and the CSV writes them
 * as a Vietnamese reader does.
 */
export type Cell = string | number | null | { day: string } | { time: string } | { percent: number };

/** A table to hand to a person: the same data exported as CSV or XLSX. */
export interface ExportTable {
  title: string;
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}

/** The cell as text: dd/mm/yyyy, HH:MM, 12,5%; whole numbers without grouping so any program reads them. */
function cellText(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatNumber(value, 2);
  if (typeof value === 'string') return value;
  if ('day' in value) return formatDate(value.day);
  if ('time' in value) return value.time;
  return formatPercent(value.percent);
}

export interface ExportFile {
  fileName: string;
  mime: string;
  base64: string;
}

function csvCell(value: Cell): string {
  const text = cellText(value);
  // Cells starting with = + - @ are neutralised so a spreadsheet never runs them as formulas.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM so Excel on Vietnamese Windows shows the diacritics right. */
export function toCsv(table: ExportTable): Buffer {
  const lines = [
    table.columns.map((c) => csvCell(c.header)).join(','),
    ...table.rows.map((r) => r.map(csvCell).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these control characters; they are dropped on purpose.
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(XML_FORBIDDEN, '');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

// Cell styles (cellXfs below): 0 text, 1 header, 2 title, 3 date, 4 time, 5 percent, 6 whole number.
const STYLE = { date: 3, time: 4, percent: 5, integer: 6 } as const;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function cell(ref: string, value: Cell, style: number): string {
  if (value === null || value === '') return `<c r="${ref}" s="${style}"/>`;
  const number = (v: number, s: number) => `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? number(value, style === 0 && Number.isInteger(value) ? STYLE.integer : style)
      : `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'object') {
    // A date is the count of days since 30/12/1899, a time the fraction of a day (the format's own rule).
    if ('day' in value) return number((Date.parse(`${value.day}T00:00:00Z`) - EXCEL_EPOCH) / 86_400_000, STYLE.date);
    if ('time' in value) {
      const [h, m] = value.time.split(':').map(Number);
      return number((h! * 60 + m!) / 1440, STYLE.time);
    }
    return number(value.percent / 100, STYLE.percent);
  }
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${xml(value)}</t></is></c>`;
}

/** A one-sheet workbook: title row, bold header row, data; no dependency beyond zlib. */
export function toXlsx(table: ExportTable): Buffer {
  const rows = [
    `<row r="1">${cell('A1', table.title, 2)}</row>`,
    `<row r="2">${table.columns.map((c, i) => cell(`${columnName(i)}2`, c.header, 1)).join('')}</row>`,
    ...table.rows.map(
      (r, ri) => `<row r="${ri + 3}">${r.map((v, ci) => cell(`${columnName(ci)}${ri + 3}`, v, 0)).join('')}</row>`,
    ),
  ];
  const cols = table.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? 18}" customWidth="1"/>`)
    .join('');
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>${cols}</cols><sheetData>${rows.join('')}</sheetData></worksheet>`;
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${xml(table.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="hh:mm"/><numFmt numFmtId="166" formatCode="0.0%"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="11"/><name val="Times New Roman"/></font><font><b/><sz val="14"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="7"><xf fontId="0" applyFont="1"><alignment wrapText="1" vertical="top"/></xf><xf fontId="1" applyFont="1"><alignment wrapText="1"/></xf><xf fontId="2" applyFont="1"/><xf numFmtId="164" fontId="0" applyFont="1" applyNumberFormat="1"><alignment vertical="top"/></xf><xf numFmtId="165" fontId="0" applyFont="1" applyNumberFormat="1"><alignment vertical="top"/></xf><xf numFmtId="166" fontId="0" applyFont="1" applyNumberFormat="1"><alignment vertical="top"/></xf><xf numFmtId="3" fontId="0" applyFont="1" applyNumberFormat="1"><alignment vertical="top"/></xf></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml': sheet,
  };
  return zip(Object.entries(files).map(([name, data]) => ({ name, data: Buffer.from(data, 'utf8') })));
}

const SLUG = /[^a-z0-9]+/g;

/** Both formats from one table; file names are plain ASCII so every OS and USB stick accepts them. */
export function exportTable(table: ExportTable, format: 'csv' | 'xlsx', baseName: string): ExportFile {
  const name = baseName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(SLUG, '-')
    .replace(/^-|-$/g, '');
  return format === 'csv'
    ? { fileName: `${name}.csv`, mime: 'text/csv', base64: toCsv(table).toString('base64') }
    : {
        fileName: `${name}.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: toXlsx(table).toString('base64'),
      };
}
