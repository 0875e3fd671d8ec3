/**
 * Where a `ReportSheet` goes on a worksheet: the value and number-format grids (written in one
 * assignment each), the table's range, bold rows, status colours and links. Pure; no Office.js.
 *
 * Layout: row 1 title, row 2 empty, row 3 headers, then the rows (an Excel table over headers
 * and rows), then each block after an empty row: its title, then its grid.
 */
import { address, columnLetters } from '../../domain/grid';
import { SIGNAL_COLOURS, type CellRole, type ReportSheet } from '../../domain/reportSheets';
import { SHEET_FONT } from '../../domain/output/sheetFormats';

/** Fill and font colours of the signal roles, as Office.js wants them (`#C6EFCE`). */
export const ROLE_COLOURS: Partial<Record<CellRole, { fill: string; font: string }>> =
  Object.fromEntries(
    Object.entries(SIGNAL_COLOURS).map(([role, c]) => [
      role,
      { fill: `#${c.fill}`, font: `#${c.font}` },
    ]),
  );

/** A conditional format: cells of `range` equal to `text` get the role's colours. */
export interface StatusRule {
  range: string;
  text: string;
  role: CellRole;
}

/** A fixed fill for cells whose colour depends on the row, not on the text (e.g. a number). */
export interface StaticFill {
  range: string;
  role: CellRole;
}

/** An internal hyperlink: `cell` on the report sheet leads to `target` (`'Drift'!D10`). */
export interface Link {
  cell: string;
  target: string;
  text: string;
}

/**
 * How a range looks, as Office.js's `range.format` sets it: font, fill, alignment, wrapping,
 * indent (ExcelApi 1.9), borders (`top`/`bottom` edges; `grid`: every line of the range, one colour).
 */
export interface RangeStyle {
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: 'Left' | 'Center' | 'Right';
  vertical?: 'Top' | 'Center' | 'Bottom';
  indent?: number;
  top?: 'Continuous' | 'Double';
  bottom?: 'Continuous' | 'Double';
  grid?: string;
}

/** A style for a range, applied in the layout's order (a later one wins). */
export interface StyledRange {
  range: string;
  style: RangeStyle;
}

/** The printed page (ExcelApi 1.9): one page wide, a header with the title, page numbers. */
export interface PageSetup {
  orientation: 'Portrait' | 'Landscape';
  /** The page header's left part, in Excel's header codes. */
  header: string;
  /** Rows repeated on every page: `$2:$2`. */
  titleRows: string;
}

export interface SheetLayout {
  /** The whole used area, `A1:K20`. */
  range: string;
  values: (string | number)[][];
  formats: string[][];
  /**
   * Headers plus rows (at least one row: Excel gives a table one empty row anyway); null for a
   * document table, which is pasted as it is, without an Excel table or a filter.
   */
  tableRange: string | null;
  /** 1-based rows to make bold (title, block titles). */
  boldRows: number[];
  rules: StatusRule[];
  fills: StaticFill[];
  links: Link[];
  /** Column widths in points, by 0-based column. */
  widths: { column: number; points: number }[];
  width: number;
  /** Fonts, fills, alignment, borders, in order. */
  styles: StyledRange[];
  /** Row heights in points, by range (`A4:A9`: rows 4 to 9). */
  heights: { range: string; points: number }[];
  /** Ranges to merge (a note across the table). */
  merges: string[];
  page: PageSetup;
  /** Rows frozen at the top (the title and the header row). */
  freezeRows: number;
}

/** Text for a page header: Excel's `&` doubled, one line, within its 255 characters. */
export function pageHeader(title: string): string {
  const line = title.replace(/[\r\n]+/g, ' ');
  const cut = line.length > 200 ? `${line.slice(0, 199)}…` : line;
  return `&"${SHEET_FONT.name},Bold"${cut.replace(/&/g, '&&')}`;
}

/** A column's width in points from its width in characters (Calibri 11). */
export function columnPoints(characters: number): number {
  return Math.round(characters * 5.6 + 5);
}

const FIRST_DATA_ROW = 4; // 1-based: title, empty row, headers

/** Excel's invariant format codes (Office.js `numberFormat` is not localised). */
function formatFor(role: CellRole, decimals: number): string {
  switch (role) {
    case 'amount':
      return decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0';
    case 'percent':
      return '0.0" %"';
    case 'integer':
      return '0';
    default:
      return '@'; // text: Excel must not turn "1/2" or "2023-08-31" into numbers
  }
}

function isSignal(role: CellRole | undefined): role is CellRole {
  return role !== undefined && ROLE_COLOURS[role] !== undefined;
}

/** Quotes a sheet for a reference: `'Drift'!D10` (always quoted, `'` doubled). */
export function sheetReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * Lays out one audit listing (a document table: `layoutDocumentSheet`).
 * @example layoutReportSheet(sheet).tableRange // 'A3:K12' for 11 columns and 9 rows
 */
export function layoutReportSheet(sheet: ReportSheet): SheetLayout {
  let width = Math.max(1, sheet.columns.length);
  for (const block of sheet.blocks ?? [])
    for (const r of block.grid) width = Math.max(width, r.length);
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  const push = (
    cells: (string | number | null)[],
    fmt: (i: number, v: string | number | null) => string,
  ): void => {
    const vRow: (string | number)[] = [];
    const fRow: string[] = [];
    for (let i = 0; i < width; i++) {
      const v = cells[i] ?? null;
      vRow.push(v ?? '');
      fRow.push(fmt(i, v));
    }
    values.push(vRow);
    formats.push(fRow);
  };
  const plain = (_i: number, v: string | number | null): string =>
    typeof v === 'number' ? 'General' : '@';

  push([sheet.title], plain);
  push([], plain);
  push(
    sheet.columns.map((c) => c.header),
    plain,
  );
  const dataRows = Math.max(1, sheet.rows.length);
  const rules: StatusRule[] = [];
  const fills: StaticFill[] = [];
  const links: Link[] = [];

  sheet.rows.forEach((row) =>
    push(row.values, (i, v) => {
      if (row.kind === 'section') return typeof v === 'number' ? 'General' : '@';
      const role = sheet.columns[i]?.role ?? 'text';
      const decimals = row.decimals?.[i] ?? sheet.decimals?.[i] ?? 0;
      return typeof v === 'string' && role !== 'text' && role !== 'link'
        ? '@'
        : formatFor(role, decimals);
    }),
  );
  if (sheet.rows.length === 0) push([], (i) => formatFor(sheet.columns[i]?.role ?? 'text', 0));

  // Status colours: a column whose signal cells are texts, each text always the same role, gets
  // conditional formats (they follow the text if a user edits it); anything else gets fills.
  const lastData = FIRST_DATA_ROW + dataRows - 1;
  for (let i = 0; i < sheet.columns.length; i++) {
    const column = sheet.columns[i];
    const byText = new Map<string, CellRole>();
    let textual = true;
    const cells: { r: number; role: CellRole }[] = [];
    sheet.rows.forEach((row, k) => {
      const role = row.roles?.[i] ?? column?.role;
      if (!isSignal(role)) return;
      const v = row.values[i];
      cells.push({ r: FIRST_DATA_ROW + k, role });
      // One text in two roles of the same colours (a goal's `Ej uppfyllt`, an indicator's) is
      // one rule; in two colours, the cells get fills instead.
      const seen = typeof v === 'string' ? byText.get(v) : undefined;
      const sameColours =
        seen === undefined ||
        seen === role ||
        (ROLE_COLOURS[seen]?.fill === ROLE_COLOURS[role]?.fill &&
          ROLE_COLOURS[seen]?.font === ROLE_COLOURS[role]?.font);
      if (typeof v !== 'string' || !sameColours) textual = false;
      else if (seen === undefined) byText.set(v, role);
    });
    if (cells.length === 0) continue;
    const col = columnLetters(i);
    if (textual) {
      for (const [text, role] of byText) {
        rules.push({ range: `${col}${FIRST_DATA_ROW}:${col}${lastData}`, text, role });
      }
    } else {
      // Runs of consecutive rows with the same role become one range each.
      let run: { start: number; end: number; role: CellRole } | null = null;
      for (const cell of cells) {
        if (run && cell.r === run.end + 1 && cell.role === run.role) run.end = cell.r;
        else {
          if (run) fills.push({ range: `${col}${run.start}:${col}${run.end}`, role: run.role });
          run = { start: cell.r, end: cell.r, role: cell.role };
        }
      }
      if (run) fills.push({ range: `${col}${run.start}:${col}${run.end}`, role: run.role });
    }
  }

  sheet.rows.forEach((row, k) => {
    if (!row.source) return;
    sheet.columns.forEach((c, i) => {
      if (c.role !== 'link') return;
      const v = row.values[i];
      links.push({
        cell: address(FIRST_DATA_ROW + k, i + 1),
        target: sheetReference(row.source?.sheet ?? '', row.source?.cell ?? 'A1'),
        text:
          v === null || v === undefined ? `${row.source?.sheet}!${row.source?.cell}` : String(v),
      });
    });
  });

  const boldRows = [1];
  sheet.rows.forEach((row, k) => {
    if (row.kind === 'section') boldRows.push(FIRST_DATA_ROW + k);
  });
  for (const block of sheet.blocks ?? []) {
    push([], plain);
    push([block.title], plain);
    boldRows.push(values.length, values.length + 1); // block title and its header row
    block.grid.forEach((r) => push(r, plain));
  }

  return {
    range: `A1:${address(values.length, width)}`,
    values,
    formats,
    tableRange: `A3:${address(lastData, Math.max(1, sheet.columns.length))}`,
    boldRows,
    rules,
    fills,
    links,
    widths: sheet.columns.flatMap((c, i) =>
      c.width === undefined ? [] : [{ column: i, points: columnPoints(c.width) }],
    ),
    width,
    // The font on every written cell; a listing is printed lying down, its header repeated.
    styles: [
      {
        range: `A1:${address(values.length, width)}`,
        style: { fontName: SHEET_FONT.name, size: SHEET_FONT.size },
      },
    ],
    heights: [],
    merges: [],
    page: { orientation: 'Landscape', header: pageHeader(sheet.title), titleRows: '$3:$3' },
    freezeRows: 3,
  };
}
