/**
 * How the report sheets look in a spreadsheet, for both renderers of them: the report workbook
 * (ExcelJS, `--out` and the standalone download) and the report sheets the pane writes into the
 * open workbook (Office.js). One place, so a figure reads the same in either: the number format
 * codes, the font, the fills of headers and group headings, and the row heights wrapped text needs.
 */
import type { CellRole } from '../reportSheets';

/**
 * The number formats' locale: Swedish (`[$-41D]`). The `,` and `.` of a format code are
 * placeholders; LibreOffice renders a code tagged Swedish with Swedish separators on any machine
 * (`−7 740,5`), Excel with the reader's own (Swedish on a Swedish machine).
 */
const SWEDISH = '[$-41D]';

/**
 * Excel number format for an amount with `decimals` decimals, Swedish: `-7 740,5`.
 *
 * @example amountFormat(0) // → '[$-41D]#,##0;-#,##0'
 */
export function amountFormat(decimals: number): string {
  const body = decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
  return `${SWEDISH}${body};-${body}`;
}

/** A percent-unit number (92 means 92 %) with one decimal: shown `92,0 %` in Swedish. */
export const PERCENT_FORMAT = `${SWEDISH}0.0" %";-0.0" %"`;

/**
 * A percent-unit number with `decimals` decimals.
 *
 * @example percentFormat(0) // → '[$-41D]0" %";-0" %"' (shown `45 %`)
 */
export function percentFormat(decimals: number): string {
  const body = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  return `${SWEDISH}${body}" %";-${body}" %"`;
}

/**
 * The format of a number in a cell of `role` (a percent with one decimal unless told, an
 * integer plain, anything else an amount).
 *
 * @example numberFormat('amount', 1) // → '[$-41D]#,##0.0;-#,##0.0'
 */
export function numberFormat(role: CellRole, decimals: number | undefined): string {
  if (role === 'percent') return decimals === undefined ? PERCENT_FORMAT : percentFormat(decimals);
  if (role === 'integer') return '0';
  return amountFormat(decimals ?? 0);
}

/** The font of every cell, so a sheet looks alike in Excel, LibreOffice and a PDF of either. */
export const SHEET_FONT = { name: 'Calibri', size: 11, titleSize: 13 } as const;
/** Fills (RGB hex) of the header row and of a row that opens a group. */
export const HEADER_FILL = 'D9E1F2';
export const SECTION_FILL = 'F2F2F2';

/** Points a line of 11-point text takes, and the padding of a row. */
const LINE_HEIGHT = 14.5;
const ROW_PADDING = 1.5;

/**
 * The height (points) a row needs for its wrapped texts to show whole: the most lines any of its
 * cells takes, each paragraph wrapped at the column's width in characters (a little narrower, for
 * the cell's padding), at least `minLines`.
 *
 * @example rowHeight([['Bristande kontroll av sjuklönekostnader avseende extern assistans', 30]])
 *   // → 45.0 (three lines)
 */
export function rowHeight(cells: readonly (readonly [string, number])[], minLines = 1): number {
  let lines = minLines;
  for (const [text, width] of cells) {
    const perLine = Math.max(4, Math.floor(width * 1.1) - 2);
    let n = 0;
    for (const paragraph of text.split('\n')) {
      n += Math.max(1, Math.ceil(paragraph.length / perLine));
    }
    if (n > lines) lines = n;
  }
  return Math.round((lines * LINE_HEIGHT + ROW_PADDING) * 10) / 10;
}
