import { address } from './grid';
import {
  classifyHeader,
  findUnit,
  groupInHeader,
  groupName,
  joinHeader,
  riskLetterRole,
  type ColumnHeader,
} from './headers';
import type { TableKind, Unit } from './report';
import type { SheetGrid } from './sheetGrid';

/** A column of a detected table: its sheet column and its header as understood. */
export interface TableColumn {
  col: number;
  header: ColumnHeader;
  /** A1 address of the header cell (the lower one in two-row headers). */
  headerCell: string;
  /**
   * The column group it belongs to: an upper header (`Kommunen`, `Utgifter`) and a code sub-header
   * (`U`, `I`), joined; '' for none. Figures are compared only within one group.
   */
  group: string;
}

/** A table found on a sheet: where it is, its title lines, header and data rows. */
export interface DetectedTable {
  sheet: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Text lines above the table (section title, goal, `Belopp i tkr`), top first. */
  contextLines: string[];
  title: string | null;
  headerRows: number[];
  /** The column holding the row labels. */
  labelCol: number;
  /** The other columns, left to right. */
  columns: TableColumn[];
  /** Rows under the header, in order (notes and `Källa:` rows included; analyses filter). */
  dataRows: number[];
  unit: Unit | null;
  kind: TableKind;
  /** Header text of the label column (`Följetal`, `Belopp i tkr`). */
  labelHeader: string;
}

const YEAR_MIN = 1980;
const YEAR_MAX = 2099;

/** A cell that is a year written as a header (`2023`), not an amount. */
function isYearCell(grid: SheetGrid, row: number, col: number): boolean {
  const v = grid.value(row, col);
  if (typeof v === 'number') {
    const fmt = grid.format(row, col);
    return Number.isInteger(v) && v >= YEAR_MIN && v <= YEAR_MAX && !(fmt && /[#,]/.test(fmt));
  }
  if (typeof v === 'string') return /^\s*(19[89]\d|20\d\d)\s*$/.test(v);
  return false;
}

/** True when a cell holds an amount (a number that is not a header year). */
function isValueCell(grid: SheetGrid, row: number, col: number): boolean {
  if (isYearCell(grid, row, col)) return false;
  return grid.numberKind(row, col) !== 0;
}

/** Text a reader reads as words: not a bare number (`4.1 Ekonomisk sammanställning` is words). */
function isTextual(grid: SheetGrid, row: number, col: number): boolean {
  if (typeof grid.value(row, col) !== 'string') return false;
  const n = grid.number(row, col);
  return n === null || n.note !== null;
}

function isSingleText(grid: SheetGrid, row: number): boolean {
  const cols = grid.filledColumns(row);
  if (cols.length !== 1) return false;
  return isTextual(grid, row, cols[0] ?? 0);
}

/**
 * A sentence (four words or more ending in a full stop: `Andelen ökade men inte till målnivån.`)
 * is what a row says, never a column's caption: a row holding one is data, not a header.
 */
function isSentenceCell(grid: SheetGrid, row: number, col: number): boolean {
  const t = grid.text(row, col).trim();
  return t.endsWith('.') && t.split(/\s+/).length >= 4;
}

/** A row that reads as a header: two or more cells, no amounts, at least one role or period. */
function looksLikeHeader(grid: SheetGrid, row: number): boolean {
  const cols = grid.filledColumns(row);
  if (cols.length < 2) return false;
  let known = 0;
  for (const c of cols) {
    if (isValueCell(grid, row, c) || isSentenceCell(grid, row, c)) return false;
    const h = classifyHeader(grid.text(row, c));
    if (h.role !== 'other' || h.period) known++;
  }
  return known >= 1;
}

/** True for the lower row of a two-row header (`| Prognos | Budget |` under `| 2023 | |`). */
function isSecondHeaderRow(grid: SheetGrid, upper: number, row: number): boolean {
  const cols = grid.filledColumns(row);
  if (cols.length === 0) return false;
  for (const c of cols) if (isValueCell(grid, row, c) || isSentenceCell(grid, row, c)) return false;
  const roles = cols.filter((c) => {
    const h = classifyHeader(grid.text(row, c));
    return h.role !== 'other' && h.role !== 'year';
  });
  if (roles.length === 0) return false;
  // The upper row must leave room: gaps or merged areas, or only periods above.
  const upperCols = grid.filledColumns(upper);
  const upperOnlyPeriods = upperCols
    .slice(1)
    .every(
      (c) => classifyHeader(grid.text(upper, c)).role === 'year' || isYearCell(grid, upper, c),
    );
  const firstCol = upperCols[0] ?? 0;
  const hasGapAbove = cols.some(
    (c) =>
      grid.isBlank(upper, c) ||
      grid.isMergedTail(upper, c) ||
      (c > firstCol && groupName(grid.mergedText(upper, c)) !== ''),
  );
  return upperOnlyPeriods || hasGapAbove;
}

/**
 * A row of column codes under a header (`U | I | U | I` for utgifter / inkomster, `K | M`): two or
 * more cells of one to three capital letters, nothing in the label column. It is a header row,
 * never data.
 */
function isCodeRow(grid: SheetGrid, row: number): boolean {
  const cols = grid.filledColumns(row);
  if (cols.length < 2) return false;
  return cols.every((c) => /^[A-ZÅÄÖ]{1,3}$/.test(grid.text(row, c).trim()));
}

/**
 * A row of bare periods under a header (`| 2023 | 2023 | 2022 |` under `Kommunen | Koncernen`):
 * two or more year cells and nothing else, the label column left empty. A header row, not data.
 */
function isPeriodRow(grid: SheetGrid, first: number, row: number): boolean {
  const cols = grid.filledColumns(row);
  const isYear = (c: number): boolean =>
    isYearCell(grid, row, c) || classifyHeader(grid.text(row, c)).role === 'year';
  const years = cols.filter(isYear);
  if (years.length < 2) return false;
  // Corner cells left of the years (`Mkr`, `Not`) may be words; nothing may be an amount.
  const firstYear = years[0] ?? 0;
  if (cols.some((c) => (c > firstYear && !isYear(c)) || isValueCell(grid, row, c))) return false;
  // Under a row of groups (`Kommunen | Koncernen`) or with the label column left empty.
  const firstHeaderCol = grid.filledColumns(first)[0] ?? 0;
  const underGroups = grid
    .filledColumns(first)
    .some((c) => c > firstHeaderCol && groupName(grid.mergedText(first, c)) !== '');
  return underGroups || (cols[0] ?? 0) > firstHeaderCol || grid.isBlank(first, cols[0] ?? 0);
}

function isKalla(text: string): boolean {
  return /^källa\s*:/i.test(text.trim());
}

/**
 * Finds every table on a sheet. A table is a header row (sometimes two) and the rows under it
 * down to the next empty row or the next title line that starts a new table; text lines above
 * it are its title and context.
 */
export function detectTables(grid: SheetGrid): DetectedTable[] {
  const tables: DetectedTable[] = [];
  let pending: string[] = [];
  let blankRun = 0;
  let row = grid.firstRow;
  while (row <= grid.lastRow) {
    if (grid.filledColumns(row).length === 0) {
      // Empty rows are stepped over at once (a stray far cell leaves a million of them).
      const next = grid.nextFilledRow(row);
      blankRun += next - row;
      if (blankRun > 2) pending = [];
      row = next;
      continue;
    }
    blankRun = 0;
    // Collect the block of consecutive non-empty rows.
    const block: number[] = [];
    while (row <= grid.lastRow && grid.filledColumns(row).length > 0) block.push(row++);
    pending = readBlock(grid, block, pending, tables);
  }
  return joinContinuations(grid, tables);
}

/**
 * A block of figure rows with no header of its own, under a table across blank spacer rows and
 * at most a few heading lines (`NOT 1 VERKSAMHETENS INTÄKTER`), with its figures in the table's
 * columns, continues that table: the spacer rows were layout, the headings are its sections.
 */
function joinContinuations(grid: SheetGrid, tables: DetectedTable[]): DetectedTable[] {
  const out: DetectedTable[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    if (prev && continues(grid, prev, t)) {
      const between: number[] = [];
      for (let r = prev.bottom + 1; r < t.top; r++) {
        if (grid.filledColumns(r).length > 0) between.push(r);
      }
      out[out.length - 1] = buildTable(
        grid,
        prev.headerRows,
        [...prev.dataRows, ...between, ...t.dataRows],
        prev.contextLines,
        prev.title === null ? [] : [prev.title],
      );
      continue;
    }
    out.push(t);
  }
  return out;
}

function continues(grid: SheetGrid, prev: DetectedTable, t: DetectedTable): boolean {
  if (t.headerRows.length > 0 || prev.headerRows.length === 0) return false;
  if (t.top - prev.bottom > 8 || t.left < prev.left || t.right > prev.right) return false;
  let headings = 0;
  for (let r = prev.bottom + 1; r < t.top; r++) {
    const cols = grid.filledColumns(r);
    if (cols.length === 0) continue;
    if (!isSingleText(grid, r) || isKalla(grid.text(r, cols[0] ?? 0))) return false;
    headings++;
  }
  if (headings > 3) return false;
  // Its figures stand in the table's own value columns.
  const valueCols = new Set(prev.columns.map((c) => c.col));
  return (
    t.dataRows.some((r) => hasValuesInRow(grid, r)) &&
    t.dataRows.every((r) =>
      grid
        .filledColumns(r)
        .every((c) => c === prev.labelCol || valueCols.has(c) || !isValueCell(grid, r, c)),
    )
  );
}

/** Reads one block of consecutive rows; returns the text lines left pending for the next block. */
function readBlock(
  grid: SheetGrid,
  block: number[],
  carried: string[],
  out: DetectedTable[],
): string[] {
  let pending = [...carried];
  // Lines of this block: only they can be the title (a line across a blank row is a note).
  let ownLines: string[] = [];
  let i = 0;
  while (i < block.length) {
    const r = block[i] ?? 0;
    if (isSingleText(grid, r)) {
      const line = grid.text(r, grid.filledColumns(r)[0] ?? 0);
      pending.push(line);
      ownLines.push(line);
      if (pending.length > 6) pending = pending.slice(-6);
      i++;
      continue;
    }
    const headerRows: number[] = [];
    const first = r;
    const firstHasValues = grid
      .filledColumns(first)
      .slice(1)
      .some((c) => isValueCell(grid, first, c));
    if (!firstHasValues) {
      headerRows.push(first);
      i++;
      // Up to three header rows: a group row (`Kommunen | Sammanställd redovisning`), periods
      // (`2023`), roles (`Budget | Utfall`), and a row of codes (`U | I`) under them.
      while (headerRows.length < 4) {
        const next = block[i];
        const upper = headerRows[headerRows.length - 1] ?? first;
        if (next === undefined) break;
        const code = isCodeRow(grid, next);
        const periods = isPeriodRow(grid, first, next);
        if (!code && !periods && (headerRows.length >= 3 || !isSecondHeaderRow(grid, upper, next)))
          break;
        headerRows.push(next);
        i++;
        if (code) break;
      }
    }
    const dataRows: number[] = [];
    while (i < block.length) {
      const d = block[i] ?? 0;
      const after = block[i + 1];
      const startsNewTable =
        isSingleText(grid, d) &&
        !isKalla(grid.text(d, grid.filledColumns(d)[0] ?? 0)) &&
        after !== undefined &&
        looksLikeHeader(grid, after) &&
        !hasValuesInRow(grid, after);
      if (startsNewTable) break;
      // A header under rows that had none (a result line printed above its table) starts a table.
      if (headerRows.length === 0 && dataRows.length > 0 && looksLikeHeader(grid, d)) break;
      if (dataRows.length > 0 && headerRows.length > 0 && sameHeader(grid, headerRows[0] ?? 0, d))
        break;
      dataRows.push(d);
      i++;
    }
    out.push(buildTable(grid, headerRows, dataRows, pending, ownLines));
    pending = [];
    ownLines = [];
  }
  return pending;
}

function hasValuesInRow(grid: SheetGrid, row: number): boolean {
  return grid.filledColumns(row).some((c) => isValueCell(grid, row, c));
}

function sameHeader(grid: SheetGrid, a: number, b: number): boolean {
  const ca = grid.filledColumns(a);
  const cb = grid.filledColumns(b);
  if (ca.length !== cb.length || ca.length < 2) return false;
  return ca.every((c, k) => cb[k] === c && grid.text(a, c) === grid.text(b, c));
}

function buildTable(
  grid: SheetGrid,
  headerRows: number[],
  dataRows: number[],
  context: string[],
  ownLines: string[],
): DetectedTable {
  let left = Number.POSITIVE_INFINITY;
  let right = 0;
  const filled = new Set<number>();
  for (const rows of [headerRows, dataRows]) {
    for (const r of rows) {
      const cols = grid.filledColumns(r);
      const first = cols[0];
      const last = cols[cols.length - 1];
      if (first !== undefined && first < left) left = first;
      if (last !== undefined && last > right) right = last;
      for (const c of cols) filled.add(c);
    }
  }
  // A table's columns are those its rows fill: a column none fills has nothing to read, and
  // walking every column from the left edge to the right would cost a far cell's rectangle
  // (a label in A and a figure in XFD are two columns, not 16 384).
  const spanned = [...filled].sort((a, b) => a - b);
  if (!Number.isFinite(left)) left = grid.firstCol;
  const top = headerRows[0] ?? dataRows[0] ?? grid.firstRow;
  const bottom = dataRows[dataRows.length - 1] ?? headerRows[headerRows.length - 1] ?? top;

  // Header text per column: the rows above join onto the lowest role row (`2023` over `Prognos`
  // is `Prognos 2023`); a group row and a code row give the column its group instead.
  const headerText = new Map<number, string>();
  const groups = new Map<number, string>();
  const headerCellRow = headerRows[headerRows.length - 1] ?? top;
  const codeRow =
    headerRows.length >= 2 && isCodeRow(grid, headerCellRow) ? headerCellRow : undefined;
  const textRows = headerRows.filter((r) => r !== codeRow);
  const carries = textRows.map(() => '');
  for (const c of spanned) {
    let text = '';
    let group = '';
    textRows.forEach((r, k) => {
      let t = grid.mergedText(r, c);
      const isLowest = k === textRows.length - 1;
      // An upper period or group cell left blank after a filled one covers the columns to its
      // right (an unmerged paste of `2023` over `Prognos | Budget`); a role word covers its own.
      if (!isLowest && t === '' && c > left) t = carries[k] ?? '';
      else if (!isLowest) carries[k] = carriesRight(t) ? t : '';
      if (!isLowest) {
        const g = groupName(t);
        if (g !== '') group = group === '' ? g : `${group} / ${g}`;
        if (g !== '') t = '';
      }
      text = k === 0 ? t : joinHeader(text, t);
    });
    if (codeRow !== undefined) {
      const code = grid.text(codeRow, c).trim();
      if (code !== '') group = group === '' ? code : `${group} / ${code}`;
    }
    // `Kommunen 2014` names its group in the same cell as its year.
    const own = groupInHeader(text);
    if (own !== '' && !group.includes(own)) group = group === '' ? own : `${group} / ${own}`;
    headerText.set(c, text);
    groups.set(c, group);
  }

  // The label column: the text column with most labels, left of the first value column.
  let firstValueCol = right + 1;
  for (const c of spanned) {
    if (dataRows.some((r) => isValueCell(grid, r, c))) {
      firstValueCol = c;
      break;
    }
  }
  let labelCol = left;
  let best = -1;
  for (const c of spanned) {
    if (c >= Math.max(firstValueCol, left + 1)) break;
    const role = classifyHeader(headerText.get(c) ?? '').role;
    if (c > left && !['other', 'risk', 'process', 'label'].includes(role)) continue;
    let n = 0;
    for (const r of dataRows) if (isTextual(grid, r, c)) n++;
    if (n > best) {
      best = n;
      labelCol = c;
    }
  }

  const columns: TableColumn[] = [];
  for (const c of spanned) {
    if (c === labelCol) continue;
    const header = classifyHeader(headerText.get(c) ?? '');
    columns.push({
      col: c,
      header,
      headerCell: address(headerCellRow, c),
      group: groups.get(c) ?? '',
    });
  }
  if (
    classifyHeader(headerText.get(labelCol) ?? '').role === 'risk' ||
    columns.some((c) => c.header.role === 'risk')
  ) {
    for (const c of columns) c.header.role = riskLetterRole(c.header.text) ?? c.header.role;
  }
  // A `Mål` column of sentences holds goals, not targets.
  for (const c of columns) {
    if (
      c.header.role === 'target' &&
      /^mål$/i.test(c.header.text.trim()) &&
      holdsSentences(grid, dataRows, c.col)
    ) {
      c.header.role = 'goal';
    }
  }
  const labelHeader = [...headerRows]
    .map((r) => grid.text(r, labelCol))
    .filter((t) => t !== '')
    .join(' ');

  // The unit from the headers first, then from the title and unit lines above, never from an
  // amount in a sentence (`ramen uppgår till 84,6 miljoner kronor` says nothing of the table).
  // A unit in the header of a ratio column (`Kostnad per invånare (kr)`) is that column's own.
  const moneyRoles = new Set([
    'budget',
    'budget-costs',
    'budget-income',
    'adjustment',
    'forecast',
    'outcome',
    'variance',
    'difference',
    'year',
    'income',
    'costs',
    'other',
  ]);
  const unitSources = [
    labelHeader,
    ...columns
      .filter((c) => moneyRoles.has(c.header.role) && !/ per |andel|snitt/i.test(c.header.text))
      .map((c) => c.header.text),
    ...[...context].reverse().map(withoutAmounts),
  ];
  let unit: Unit | null = null;
  for (const s of unitSources) {
    unit = findUnit(s);
    if (unit) break;
  }
  const title = pickTitle(ownLines);
  const table: DetectedTable = {
    sheet: grid.name,
    top,
    bottom,
    left,
    right,
    contextLines: context,
    title,
    headerRows,
    labelCol,
    columns,
    dataRows,
    unit,
    kind: 'other',
    labelHeader,
  };
  table.kind = classifyKind(grid, table);
  return table;
}

function classifyKind(grid: SheetGrid, t: DetectedTable): TableKind {
  const roles = new Set(t.columns.map((c) => c.header.role));
  const words = [t.labelHeader, ...t.contextLines.slice(-2)].join(' ').toLowerCase();
  if (roles.has('probability') && roles.has('consequence')) {
    const hasRiskText =
      roles.has('risk') ||
      t.dataRows.some(
        (r) => grid.text(r, t.labelCol).length > 12 && grid.number(r, t.labelCol) === null,
      );
    if (hasRiskText) return 'risks';
  }
  if (roles.has('target')) return 'indicators';
  // A budget with a printed variance beside it is money, whatever the label column is called
  // (`Nyckeltal | Prognos 2020 | Budget 2020 | Budget-avvikelse`).
  if (
    roles.has('budget') &&
    roles.has('variance') &&
    t.dataRows.some((r) => t.columns.some((c) => isValueCell(grid, r, c.col)))
  ) {
    return /investering/.test([t.labelHeader, ...t.contextLines.slice(-2)].join(' ').toLowerCase())
      ? 'investments'
      : 'budget';
  }
  const hasNumbers = t.dataRows.some((r) => t.columns.some((c) => isValueCell(grid, r, c.col)));
  const labelWords = t.labelHeader.toLowerCase();
  if (
    /följetal|verksamhetsmått|nyckeltal|indikator|(?<![\p{L}])mått/u.test(labelWords) &&
    hasNumbers
  ) {
    return 'metrics';
  }
  const money = ['budget', 'budget-costs', 'budget-income', 'adjustment', 'variance'].some((r) =>
    roles.has(r as never),
  );
  if (/investering|investeringar/.test(words) && hasNumbers) return 'investments';
  if (money && hasNumbers) return 'budget';
  if (
    hasNumbers &&
    (roles.has('outcome') || roles.has('forecast') || roles.has('year') || roles.has('difference'))
  ) {
    // Amounts in money (a resultaträkning, a driftredovisning without a budget) are checked as
    // money; figures without a unit are följetal.
    return t.unit !== null ? 'budget' : 'metrics';
  }
  // Amounts in kronor under headers that name no role (`Miljoner kronor`, a date) are money.
  if (hasNumbers && t.unit !== null) return 'budget';
  return 'other';
}

/** True when a column's filled cells are mostly sentences (four words or more, no figure). */
function holdsSentences(grid: SheetGrid, rows: readonly number[], col: number): boolean {
  let sentences = 0;
  let filled = 0;
  for (const r of rows) {
    const t = grid.text(r, col);
    if (t === '') continue;
    filled++;
    if (t.split(/\s+/).length >= 4 && grid.number(r, col) === null) sentences++;
  }
  return filled > 0 && sentences * 2 > filled;
}

/** An upper header cell that spans the blank cells right of it: a period or a group name. */
function carriesRight(text: string): boolean {
  const h = classifyHeader(text);
  return h.role === 'year' || h.role === 'other' || groupName(text) !== '';
}

/** A line with its amounts taken out: `ramen är 84,6 miljoner kronor` → `ramen är`. */
function withoutAmounts(line: string): string {
  return line.replace(
    /[+\-−–]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?\s*(mnkr|mkr|mn kr|miljoner kronor|miljoner kr|miljoner|mdkr|miljarder kronor|tkr|tusen kronor|kronor|kr)(?![\p{L}])/giu,
    ' ',
  );
}

/** The A1 range of a table (`A4:D11`). */
export function tableRange(t: DetectedTable): string {
  return `${address(t.top, t.left)}:${address(t.bottom, t.right)}`;
}

/** True for a row whose label starts with `Källa:` (a source note of the row above). */
export function isSourceNoteLabel(label: string): boolean {
  return isKalla(label);
}

/** The title: the closest line above that is not a unit note or a paragraph. */
function pickTitle(context: string[]): string | null {
  for (let i = context.length - 1; i >= 0; i--) {
    const line = context[i] ?? '';
    if (line.length > 150) continue;
    if (/^\(?\s*belopp\b/i.test(line) && line.length < 40) continue;
    return line;
  }
  return context[context.length - 1] ?? null;
}
