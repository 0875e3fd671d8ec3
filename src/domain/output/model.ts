/**
 * The document tables: the standard tables as a committee pastes them into its nämndplan,
 * delårsrapport or bokslut (domain.md, "The standard tables"). Plain data, made by the engine from
 * the workbook and its report, rendered alike by every door: the report workbook (ExcelJS), the
 * Word file (docx), and the task pane (sheets in the live workbook, a copied table). Nothing in
 * them is for an auditor (no source addresses, no check columns): that is the audit listing's.
 */
import type { Unit, Variance } from '../report';

/** What a document table is, as the documents name it. */
export type DocumentTableKind =
  | 'drift' // Driftredovisning / Ekonomisk sammanställning (or a budget without outcome)
  | 'investeringar' // Investeringsredovisning (or an investment plan)
  | 'maluppfyllelse' // goals with their verdicts, indicators under them
  | 'foljetal' // tracked figures without targets, and personnel figures, as the source has them
  | 'internkontrollplan' // the risks with the source's own columns
  | 'riskmatris'; // the 5×5 matrix: the risks' numbers in zone-coloured cells

/**
 * How a cell is shown: plain, or in a signal colour. The colour always goes with a word or a
 * number in the cell (a verdict, a riskvärde), never alone.
 */
export type DocumentTone =
  | 'met'
  | 'not-met'
  | 'unclear'
  | 'none'
  | 'verdict-helt'
  | 'verdict-i-hog-grad'
  | 'verdict-delvis'
  | 'verdict-ej'
  | 'verdict-ej-bedomd'
  | 'zone-green'
  | 'zone-yellow'
  | 'zone-orange'
  | 'zone-red';

/** What a column holds: words, or figures right-aligned in a Swedish number format. */
export type DocumentColumnKind = 'text' | 'amount' | 'percent' | 'integer';

export interface DocumentColumn {
  header: string;
  kind: DocumentColumnKind;
  /** Width in characters (Excel's unit; a Word renderer scales it). */
  width: number;
}

/** One cell: a number (exact, in the table's unit) or a text, maybe with a signal tone. */
export interface DocumentCell {
  value: string | number | null;
  /** Decimals to show for a number (default 0; percent columns default 1). */
  decimals?: number;
  /** A number in percent units (92 means 92 %), shown with `%`. */
  percent?: boolean;
  tone?: DocumentTone;
}

/**
 * A row's place in the table's structure: a line; a subtotal (bold); the total (bold, ruled above);
 * a heading that opens a group (`Huvudverksamheter`, a goal of fullmäktige), bold across the row.
 */
export type DocumentRowStyle = 'line' | 'subtotal' | 'total' | 'heading';

export interface DocumentRow {
  style: DocumentRowStyle;
  /** Indent of the first cell in steps (a `varav` row, a committee goal under a KF goal). */
  indent: number;
  /** One per column. */
  cells: DocumentCell[];
  /** Where the row came from, for a door that can select it (never rendered in the table). */
  source: { sheet: string; row: number } | null;
}

export interface DocumentTable {
  /** Stable within one build: `drift-1`, `maluppfyllelse-1`, … in the order of the tables. */
  id: string;
  kind: DocumentTableKind;
  /** The caption: `Driftredovisning socialnämnden, bokslut 2023 (tkr)`. */
  title: string;
  unit: Unit | null;
  columns: DocumentColumn[];
  rows: DocumentRow[];
  /** Lines printed under the table (sign convention, footnotes of the source, the zones). */
  notes: string[];
  /** For drift and investment tables with a variance: the grand total's variance, else null. */
  result: Variance | null;
  /** Where the source table is (`Ekonomi`, `A5:D12`), for the doors; never rendered. */
  source: { sheet: string; range: string } | null;
}
