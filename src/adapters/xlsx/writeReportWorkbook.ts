/**
 * Renders the standard report sheets (`ReportSheet[]`, from `buildReportSheets`) into a new
 * .xlsx workbook with ExcelJS: titles, bold frozen headers, Swedish-style number formats, signal
 * colours, autofilters and links back to the source cells. No `node:*`: runs in the browser too.
 *
 * Whatever the source workbook held, the report is one Excel opens without repair: every text is
 * stripped of the characters XML forbids and cut at Excel's 32 767 characters a cell, a number too
 * large for a double (a variance past ±1,8e308) is written as text, never `Infinity`, and links
 * are relative file links to the source workbook, never to any other place.
 */
import ExcelJS from 'exceljs';
import { SIGNAL_COLOURS, type CellRole, type ReportSheet } from '../../domain/reportSheets';
import { numberFormat, rowHeight } from '../../domain/output/sheetFormats';

// The formats and heights are the domain's, shared with the pane's report sheets (Office.js).
export { amountFormat, PERCENT_FORMAT, rowHeight } from '../../domain/output/sheetFormats';

/** Options of `writeReportWorkbook`. */
export interface WriteReportOptions {
  /**
   * The source workbook's path relative to the report file, `/` between folders (`plan.xlsx`,
   * `../in/plan.xlsx`); every other character, `\` and `:` too, is part of a name. When given,
   * each row's link cell opens the source cell (`plan.xlsx#'Drift'!D10`); without it (or when no
   * safe link can be made of it) the link cells are plain text.
   */
  sourceFile?: string;
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;
/** Excel's limit on a hyperlink's address; a longer one is left out (the cell keeps its text). */
const MAX_LINK = 2079;
/** What a cell says for a number past the range of doubles. */
export const NUMBER_OUT_OF_RANGE = 'för stort tal';

// Characters XML 1.0 forbids (C0 controls but tab, line feed, carriage return; lone surrogates;
// U+FFFE, U+FFFF): a shared string holding one makes the workbook one Excel calls damaged.
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these characters are what it is there to find
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text as a cell may hold it: without the characters XML forbids, and at most 32 767 characters
 * (a longer one ends in `…`, never in half a surrogate pair).
 *
 * @example cellText('Budget\u0007 2023\uffff') // → 'Budget 2023'
 */
export function cellText(text: string): string {
  const clean = text.replace(XML_FORBIDDEN, '');
  if (clean.length <= MAX_CELL_TEXT) return clean;
  let end = MAX_CELL_TEXT - 1;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${clean.slice(0, end)}…`;
}

/** A value as a cell may hold it: text cleaned, a number past the doubles' range as text. */
function cellValue(value: string | number | null): string | number | null {
  if (typeof value === 'string') return cellText(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return NUMBER_OUT_OF_RANGE;
  return value;
}

/** Signal fills and font colours as ExcelJS wants them (ARGB, `FFC6EFCE`). */
const SIGNALS: Partial<Record<CellRole, { fill: string; font: string }>> = Object.fromEntries(
  Object.entries(SIGNAL_COLOURS).map(([role, c]) => [
    role,
    { fill: `FF${c.fill}`, font: `FF${c.font}` },
  ]),
);

const HEADER_FILL = 'FFD9E1F2';
const SECTION_FILL = 'FFF2F2F2';
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/**
 * Writes the report sheets into a new workbook and returns its bytes.
 *
 * @example await writeReportWorkbook(buildReportSheets(report, { riskThreshold: 12 }),
 *   { sourceFile: 'plan.xlsx' }) // → Uint8Array of an .xlsx with sheets `NP Avvikelser`, ...
 */
export async function writeReportWorkbook(
  sheets: readonly ReportSheet[],
  options: WriteReportOptions = {},
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Nämndplan';
  book.created = new Date(0); // deterministic output; the date says nothing useful here
  for (const sheet of sheets) renderSheet(book, sheet, options);
  const buffer: unknown = await book.xlsx.writeBuffer();
  // Node gives a Buffer (a Uint8Array), the browser an ArrayBuffer.
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer as ArrayBuffer);
}

/** The font of every cell, so the sheet looks alike in Excel, LibreOffice and a PDF of either. */
const FONT = { name: 'Calibri', size: 11 } as const;

function renderSheet(
  book: ExcelJS.Workbook,
  sheet: ReportSheet,
  options: WriteReportOptions,
): void {
  const document = sheet.layout === 'document';
  const widths = sheet.columns.map((c) => c.width ?? 14);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const ws = book.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
    // Printed (or converted to PDF) a sheet is one page wide, the header row repeated on each
    // page; a narrow document table stands upright, a wide one lies down.
    pageSetup: {
      orientation: document && totalWidth <= 100 ? 'portrait' : 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L&"Calibri,Bold"${headerText(sheet.title)}`,
      oddFooter: '&LNämndplan&RSida &P av &N',
    },
  });
  const width = sheet.columns.length;
  ws.columns = widths.map((w) => ({ width: w }));

  const title = ws.getCell(TITLE_ROW, 1);
  title.value = cellText(sheet.title);
  title.font = { ...FONT, bold: true, size: 13 };
  ws.getRow(TITLE_ROW).height = 20;

  const header = ws.getRow(HEADER_ROW);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = cellText(c.header);
    cell.font = { ...FONT, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = {
      vertical: 'bottom',
      wrapText: true,
      ...(c.role === 'text' || c.role === 'link' ? {} : { horizontal: 'right' }),
    };
  });
  header.height = rowHeight(sheet.columns.map((c, i) => [c.header, widths[i] ?? 14]));

  sheet.rows.forEach((row, r) => {
    const xlRow = ws.getRow(HEADER_ROW + 1 + r);
    if (row.kind === 'section') {
      const cell = xlRow.getCell(1);
      cell.value = cellValue(row.values[0] ?? null);
      cell.font = { ...FONT, bold: true };
      for (let c = 1; c <= width; c++) {
        const each = xlRow.getCell(c);
        each.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SECTION_FILL } };
        if (c > 1) each.font = FONT;
      }
      return;
    }
    const bold = row.emphasis !== undefined;
    const wrapped: [string, number][] = [];
    for (let c = 0; c < width; c++) {
      const value = row.values[c] ?? null;
      const role = row.roles?.[c] ?? sheet.columns[c]?.role ?? 'text';
      const columnRole = sheet.columns[c]?.role ?? 'text';
      const cell = xlRow.getCell(c + 1);
      const link =
        columnRole === 'link' && typeof value === 'string' && row.source && options.sourceFile
          ? sourceLink(options.sourceFile, row.source)
          : null;
      cell.font = { ...FONT, bold };
      if (link !== null && typeof value === 'string') {
        cell.value = { text: cellText(value), hyperlink: link };
        cell.font = { ...FONT, bold, color: { argb: 'FF0563C1' }, underline: true };
      } else {
        cell.value = cellValue(value);
      }
      if (typeof value === 'number' && Number.isFinite(value)) {
        const decimals = row.decimals?.[c] ?? sheet.decimals?.[c];
        cell.numFmt = numberFormat(role === 'percent' ? 'percent' : columnRole, decimals);
      }
      const signal = SIGNALS[role];
      if (signal) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: signal.fill } };
        cell.font = { ...FONT, bold, color: { argb: signal.font } };
      } else if (row.emphasis === 'heading') {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SECTION_FILL } };
      }
      if (row.emphasis === 'total') {
        cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
      }
      const indent = c === 0 && row.indent !== undefined && row.indent > 0 ? row.indent : 0;
      const zone = role.startsWith('zone-');
      const middle = zone || (sheet.minRowLines ?? 1) > 1;
      if (zone) {
        const white = { style: 'thin' as const, color: { argb: 'FFFFFFFF' } };
        cell.border = { top: white, bottom: white, left: white, right: white };
      }
      cell.alignment =
        columnRole === 'text' || zone
          ? {
              vertical: middle ? 'middle' : 'top',
              wrapText: true,
              ...(zone ? { horizontal: 'center' } : {}),
              ...(indent > 0 ? { indent } : {}),
            }
          : { vertical: 'top' };
      if (columnRole === 'text' && typeof value === 'string') {
        wrapped.push([value, (widths[c] ?? 14) - indent * 2]);
      }
    }
    xlRow.height = rowHeight(wrapped, sheet.minRowLines ?? 1);
  });

  let next = HEADER_ROW + sheet.rows.length + 1;
  if (sheet.rows.length === 0) {
    const none = ws.getCell(next, 1);
    none.value = '(inga rader)';
    none.font = { ...FONT, italic: true, color: { argb: 'FF808080' } };
    next += 1;
  }
  if (!document) {
    ws.autoFilter = {
      from: { row: HEADER_ROW, column: 1 },
      to: { row: HEADER_ROW + Math.max(sheet.rows.length, 1), column: width },
    };
  }

  if ((sheet.notes ?? []).length > 0) next += 1;
  for (const note of sheet.notes ?? []) {
    const cell = ws.getCell(next, 1);
    cell.value = cellText(note);
    cell.font = { ...FONT, italic: true, size: 10 };
    cell.alignment = { vertical: 'top', wrapText: true };
    if (width > 1) ws.mergeCells(next, 1, next, width);
    ws.getRow(next).height = rowHeight([[note, totalWidth]]);
    next += 1;
  }

  for (const block of sheet.blocks ?? []) {
    next += 1;
    const blockTitle = ws.getCell(next, 1);
    blockTitle.value = cellText(block.title);
    blockTitle.font = { ...FONT, bold: true, size: 12 };
    next += 1;
    block.grid.forEach((gridRow, r) => {
      gridRow.forEach((value, c) => {
        const cell = ws.getCell(next + r, c + 1);
        cell.value = cellValue(value);
        cell.font = { ...FONT, bold: r === 0 || c === 0 };
        if (r === 0) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
          cell.alignment = { wrapText: true };
        }
        if (typeof value === 'number' && Number.isFinite(value)) cell.numFmt = '0';
      });
    });
    next += block.grid.length;
  }
}

/** A text in a page header: `&` doubled (Excel's escape), at most 200 characters. */
function headerText(text: string): string {
  const t = cellText(text).replace(/[\r\n]+/g, ' ');
  return (t.length > 200 ? `${t.slice(0, 199)}…` : t).replace(/&/g, '&&');
}

/**
 * `plan.xlsx#'Drift'!D10`: a link to a cell of another workbook, relative to the report file.
 * Each name in the path is percent-encoded whole (spaces, å ä ö, and `:` `\` `?` `#` `%`), so
 * no file name can make the link a URL (`https:\\evil.example\x.xlsx` stays a file of that
 * name beside the report); `null` when no such link can be made (an absolute path, a `//` that
 * would name a server, an address past Excel's 2 079 characters).
 *
 * @example sourceLink('../in/plan 1.xlsx', { sheet: 'Drift', cell: 'D10' })
 *   // → "../in/plan%201.xlsx#'Drift'!D10"
 */
export function sourceLink(
  sourceFile: string,
  source: { sheet: string; cell: string },
): string | null {
  const names = sourceFile.split('/');
  if (names.some((n) => n === '' || n === '.')) return null;
  const path = names.map((n) => (n === '..' ? n : encodeURIComponent(cellText(n)))).join('/');
  // Encoded names hold no `:`; this only says what the link must never be.
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  const sheet = source.sheet.replace(XML_FORBIDDEN, '').replace(/'/g, "''");
  const link = `${path}#'${sheet}'!${source.cell}`;
  return link.length > MAX_LINK ? null : link;
}
