/**
 * The standard tables as plain data: what the report workbook (ExcelJS, CLI `--out`) and the
 * report sheets written into the live workbook (Office.js) both render. Pure; no I/O.
 */

/** A cell's style role; renderers map roles to number formats and colours. */
export type CellRole =
  | 'text'
  | 'amount' // Swedish amount, `# ##0` or with the table's decimals
  | 'percent' // a number already in percent units (92 means 92 %), shown with one decimal
  | 'integer'
  | 'status-met'
  | 'status-not-met'
  | 'status-unclear'
  | 'status-none' // no-target / no-outcome
  | 'severity-mismatch'
  | 'severity-rounding'
  | 'verdict-helt' // a goal's verdict, in the four signal colours and grey
  | 'verdict-i-hog-grad'
  | 'verdict-delvis'
  | 'verdict-ej'
  | 'verdict-ej-bedomd'
  | 'zone-green' // a cell of the risk matrix, by riskvärde: 1–4 green, 5–9 yellow, 10–14 orange,
  | 'zone-yellow' // 15–25 red
  | 'zone-orange'
  | 'zone-red'
  | 'link'; // a source-cell reference ("Drift!D10"), rendered as a hyperlink

/** One generated sheet: a title line, a header row, rows, and where each row came from. */
export interface ReportSheet {
  /** Sheet name, unique, at most 31 characters, prefixed so it never collides with user sheets. */
  name: string;
  /** Title line above the table, with the unit when there is one (`Avvikelser (tkr)`). */
  title: string;
  /** Column headers. */
  columns: { header: string; role: CellRole; width?: number }[];
  /** Rows of plain values (numbers are exact values already rounded to what is shown). */
  rows: ReportRow[];
  /** Decimals to show for `amount` cells, per column index, when not 0. */
  decimals?: Record<number, number>;
  /** Optional extra blocks below the table (e.g. the 5×5 risk matrix). */
  blocks?: ReportBlock[];
  /**
   * `document`: a document table, to paste into the committee's document as it is (no filter, the
   * rows' emphasis and indents, notes under it); `listing` (the default): an audit listing.
   */
  layout?: 'document' | 'listing';
  /** Lines under the table (the sign convention, the source's footnotes, the matrix's zones). */
  notes?: string[];
  /** Rows at least this many lines high (the risk matrix's cells, near square); default 1. */
  minRowLines?: number;
}

export interface ReportRow {
  /**
   * `section`: a title row that opens a group (`Ekonomisk sammanställning – Ekonomi!A4:D11 (tkr)`),
   * its text in the first cell, rendered bold; the rows after it belong to it.
   */
  kind?: 'section';
  /**
   * A document table's row structure: `total` (bold, ruled above), `subtotal` (bold), `heading`
   * (bold, opens a group); none for a plain line.
   */
  emphasis?: 'total' | 'subtotal' | 'heading';
  /** Indent of the first cell, in steps (a `varav` row, a goal under a goal). */
  indent?: number;
  values: (string | number | null)[];
  /** Per-cell role overrides (e.g. the status cell's signal colour). */
  roles?: Record<number, CellRole>;
  /** Where the row came from: sheet and A1 cell in the source workbook. */
  source?: { sheet: string; cell: string };
  /**
   * Per-cell decimals for `amount` cells, overriding the sheet's `decimals` (one sheet can list
   * variances from a tkr table with whole numbers and a mnkr table with one decimal).
   */
  decimals?: Record<number, number>;
}

/** A free block under the main table: a title and a grid (used for the risk matrix). */
export interface ReportBlock {
  title: string;
  /** Grid including its own header row/column. */
  grid: (string | number | null)[][];
}

/**
 * Signal colours of the status and severity roles, as RGB hex (`C6EFCE`): Excel's own Good / Bad /
 * Neutral cell styles. Not met red, met green, unclear yellow. Both renderers use these.
 */
export const SIGNAL_COLOURS: Partial<Record<CellRole, { fill: string; font: string }>> = {
  'status-met': { fill: 'C6EFCE', font: '006100' },
  'status-not-met': { fill: 'FFC7CE', font: '9C0006' },
  'status-unclear': { fill: 'FFEB9C', font: '9C5700' },
  'status-none': { fill: 'EDEDED', font: '3B3B3B' },
  'severity-mismatch': { fill: 'FFC7CE', font: '9C0006' },
  'severity-rounding': { fill: 'FFEB9C', font: '9C5700' },
  // A goal's verdict: green, light green, yellow, red, grey (domain.md), always with its word.
  'verdict-helt': { fill: 'C6EFCE', font: '006100' },
  'verdict-i-hog-grad': { fill: 'E2F0D9', font: '375623' },
  'verdict-delvis': { fill: 'FFEB9C', font: '9C5700' },
  'verdict-ej': { fill: 'FFC7CE', font: '9C0006' },
  'verdict-ej-bedomd': { fill: 'EDEDED', font: '3B3B3B' },
  // The risk matrix's zones (domain.md): strong enough to tell apart in print, dark text on them.
  'zone-green': { fill: 'A9D08E', font: '000000' },
  'zone-yellow': { fill: 'FFE699', font: '000000' },
  'zone-orange': { fill: 'F4B183', font: '000000' },
  'zone-red': { fill: 'FF7C80', font: '000000' },
};
