/**
 * Where a document table's sheet (`ReportSheet` with layout `document`) goes on a worksheet, and
 * how it looks: as the report workbook (`writeReportWorkbook.ts`) renders it, so the sheet the pane
 * writes and the one the CLI writes read alike. Pure; no Office.js.
 *
 * Layout: row 1 the title (committee, period, unit), row 2 the headers (frozen, repeated on each
 * printed page), then the rows in the source's order, totals and subtotals bold, a total ruled
 * above and double below, group headings shaded, first cells indented; then, after an empty row,
 * the notes, each merged across the table. No Excel table and no filter: it is a table to paste.
 */
import { address, columnLetters } from '../../domain/grid';
import type { CellRole, ReportRow, ReportSheet } from '../../domain/reportSheets';
import {
  HEADER_FILL,
  numberFormat,
  rowHeight,
  SECTION_FILL,
  SHEET_FONT,
} from '../../domain/output/sheetFormats';
import {
  columnPoints,
  pageHeader,
  ROLE_COLOURS,
  type PageSetup,
  type SheetLayout,
  type StyledRange,
} from './reportLayout';

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const FIRST_ROW = 3;
/** A column without a width of its own, in characters (as the report workbook). */
const DEFAULT_WIDTH = 14;
/** What an empty table says, as the report workbook does. */
const NO_ROWS = '(inga rader)';

/** What the host allows; below ExcelApi 1.9 there is no `indentLevel` and no `pageLayout`. */
export interface DocumentLayoutOptions {
  /** `RangeFormat.indentLevel` (1.9); without it the first cell is indented with spaces. */
  indentLevels: boolean;
}

const isText = (role: CellRole): boolean => role === 'text' || role === 'link';

/** Runs of consecutive indexes for which `key` gives the same non-null value. */
function runs<K>(
  from: number,
  to: number,
  key: (i: number) => K | null,
): { start: number; end: number; key: K }[] {
  const out: { start: number; end: number; key: K }[] = [];
  for (let i = from; i <= to; i++) {
    const k = key(i);
    const last = out[out.length - 1];
    if (k === null) continue;
    if (last && last.end === i - 1 && last.key === k) last.end = i;
    else out.push({ start: i, end: i, key: k });
  }
  return out;
}

/** `B4:B9` for 0-based column `col` over 1-based rows `top`..`bottom`. */
const columnRange = (col: number, top: number, bottom: number): string =>
  `${columnLetters(col)}${top}:${columnLetters(col)}${bottom}`;

/**
 * Lays out one document sheet.
 *
 * @example layoutDocumentSheet(ekonomi, { indentLevels: true }).values[0]
 *   // → ['Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)', '', '', '', '']
 */
export function layoutDocumentSheet(
  sheet: ReportSheet,
  options: DocumentLayoutOptions,
): SheetLayout {
  const width = Math.max(1, sheet.columns.length);
  const roles = sheet.columns.map((c) => c.role);
  const widths = sheet.columns.map((c) => c.width ?? DEFAULT_WIDTH);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const last = columnLetters(width - 1);
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const styles: StyledRange[] = [];
  const heights: { range: string; points: number }[] = [];
  const merges: string[] = [];
  /** A row of texts (`@`, so Excel takes them as they are): `text` in its first cell. */
  const textRow = (text = ''): void => {
    values.push(Array.from({ length: width }, (_, i) => (i === 0 ? text : '')));
    formats.push(Array.from({ length: width }, () => '@'));
  };

  textRow(sheet.title);
  values.push(Array.from({ length: width }, (_, i) => sheet.columns[i]?.header ?? ''));
  formats.push(Array.from({ length: width }, () => '@'));

  const rows = sheet.rows;
  rows.forEach((row) => {
    const vRow: (string | number)[] = [];
    const fRow: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = row.values[c] ?? null;
      const role = row.roles?.[c] ?? roles[c] ?? 'text';
      const columnRole = roles[c] ?? 'text';
      const decimals = row.decimals?.[c] ?? sheet.decimals?.[c];
      const indent = c === 0 && !options.indentLevels ? '  '.repeat(row.indent ?? 0) : '';
      if (typeof v === 'number' && Number.isFinite(v)) {
        vRow.push(v);
        fRow.push(numberFormat(role === 'percent' ? 'percent' : columnRole, decimals));
      } else {
        vRow.push(typeof v === 'string' ? `${indent}${v}` : '');
        fRow.push(isText(columnRole) || typeof v === 'string' ? '@' : numberFormat(columnRole, 0));
      }
    }
    values.push(vRow);
    formats.push(fRow);
  });
  if (rows.length === 0) textRow(NO_ROWS);
  const lastRow = FIRST_ROW + Math.max(rows.length, 1) - 1;
  const rowAt = (r: number): ReportRow | undefined => rows[r - FIRST_ROW];

  // Every written cell gets the font; then the title, the header row, the rows' structure.
  const notes = sheet.notes ?? [];
  const end = notes.length > 0 ? lastRow + 1 + notes.length : lastRow;
  styles.push({
    range: `A1:${last}${end}`,
    style: { fontName: SHEET_FONT.name, size: SHEET_FONT.size, vertical: 'Top' },
  });
  styles.push({ range: 'A1', style: { bold: true, size: SHEET_FONT.titleSize } });
  heights.push({ range: `A${TITLE_ROW}`, points: 20 });
  styles.push({
    range: `A${HEADER_ROW}:${last}${HEADER_ROW}`,
    style: {
      bold: true,
      fill: `#${HEADER_FILL}`,
      bottom: 'Continuous',
      wrap: true,
      vertical: 'Bottom',
    },
  });
  for (const run of runs(0, width - 1, (c) => (isText(roles[c] ?? 'text') ? null : 'number'))) {
    const range = `${columnLetters(run.start)}${HEADER_ROW}:${columnLetters(run.end)}${HEADER_ROW}`;
    styles.push({ range, style: { horizontal: 'Right' } });
  }
  heights.push({
    range: `A${HEADER_ROW}`,
    points: rowHeight(sheet.columns.map((c, i) => [c.header, widths[i] ?? DEFAULT_WIDTH])),
  });
  for (const run of runs(0, width - 1, (c) => (isText(roles[c] ?? 'text') ? 'text' : null))) {
    const range = `${columnLetters(run.start)}${FIRST_ROW}:${columnLetters(run.end)}${lastRow}`;
    styles.push({ range, style: { wrap: true } });
  }
  if ((sheet.minRowLines ?? 1) > 1) {
    styles.push({ range: `A${FIRST_ROW}:${last}${lastRow}`, style: { vertical: 'Center' } });
  }
  const rowRuns = <K>(key: (row: ReportRow) => K | null) =>
    runs<K>(FIRST_ROW, lastRow, (r) => {
      const row = rowAt(r);
      return row ? key(row) : null;
    });
  for (const run of rowRuns((row) => (row.emphasis === undefined ? null : 'bold'))) {
    styles.push({ range: `A${run.start}:${last}${run.end}`, style: { bold: true } });
  }
  for (const run of rowRuns((row) => (row.emphasis === 'heading' ? 'heading' : null))) {
    styles.push({ range: `A${run.start}:${last}${run.end}`, style: { fill: `#${SECTION_FILL}` } });
  }
  for (const run of rowRuns((row) => (row.emphasis === 'total' ? 'total' : null))) {
    styles.push({
      range: `A${run.start}:${last}${run.end}`,
      style: { top: 'Continuous', bottom: 'Double' },
    });
  }
  if (options.indentLevels) {
    for (const run of rowRuns((row) => ((row.indent ?? 0) > 0 ? String(row.indent) : null))) {
      // Excel indents only left- (or right-) aligned cells: set the alignment with the level.
      styles.push({
        range: `A${run.start}:A${run.end}`,
        style: { horizontal: 'Left', indent: Number(run.key) },
      });
    }
  }
  // Signal colours (verdicts, statuses, the matrix's zones): fills with their font colours,
  // one range per run of rows in a column; a zone centred, white lines between the cells.
  for (let c = 0; c < width; c++) {
    const role = (row: ReportRow): CellRole | null => {
      const r = row.roles?.[c];
      return r !== undefined && ROLE_COLOURS[r] ? r : null;
    };
    for (const run of rowRuns(role)) {
      const colours = ROLE_COLOURS[run.key];
      if (!colours) continue;
      const zone = run.key.startsWith('zone-');
      styles.push({
        range: columnRange(c, run.start, run.end),
        style: {
          fill: colours.fill,
          fontColor: colours.font,
          ...(zone ? { horizontal: 'Center', vertical: 'Center', grid: '#FFFFFF' } : {}),
        },
      });
    }
  }
  // Row heights that fit the wrapped texts, runs of equal heights in one range each.
  const minLines = sheet.minRowLines ?? 1;
  const heightOf = (row: ReportRow): string => {
    const wrapped: [string, number][] = [];
    row.values.forEach((v, c) => {
      if (typeof v !== 'string' || !isText(roles[c] ?? 'text')) return;
      const indent = c === 0 ? (row.indent ?? 0) : 0;
      wrapped.push([v, (widths[c] ?? DEFAULT_WIDTH) - indent * 2]);
    });
    return String(rowHeight(wrapped, minLines));
  };
  for (const run of rowRuns(heightOf)) {
    heights.push({ range: `A${run.start}:A${run.end}`, points: Number(run.key) });
  }

  if (notes.length > 0) {
    textRow();
    notes.forEach((note, i) => {
      const r = lastRow + 2 + i;
      textRow(note);
      if (width > 1) merges.push(`A${r}:${last}${r}`);
      heights.push({ range: `A${r}`, points: rowHeight([[note, totalWidth]]) });
    });
    const first = lastRow + 2;
    styles.push({
      range: `A${first}:${last}${first + notes.length - 1}`,
      style: { italic: true, size: 10, wrap: true },
    });
  }

  const page: PageSetup = {
    // A narrow document table stands upright, a wide one lies down; one page wide either way.
    orientation: totalWidth <= 100 ? 'Portrait' : 'Landscape',
    header: pageHeader(sheet.title),
    titleRows: `$${HEADER_ROW}:$${HEADER_ROW}`,
  };
  return {
    range: `A1:${address(values.length, width)}`,
    values,
    formats,
    tableRange: null,
    boldRows: [],
    rules: [],
    fills: [],
    links: [],
    widths: widths.map((w, column) => ({ column, points: columnPoints(w) })),
    width,
    styles,
    heights,
    merges,
    page,
    freezeRows: HEADER_ROW,
  };
}
