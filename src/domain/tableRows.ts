import { address } from './grid';
import type { SheetGrid } from './sheetGrid';
import type { DetectedTable, TableColumn } from './tables';
import { isSourceNoteLabel } from './tables';
import { exactFigure, wholeNumberDecimals, type ParsedNumber } from './values';

/** The numbers of one row, by sheet column. */
export interface RowValues {
  /** How many of the table's amount columns hold a number in this row. */
  readonly size: number;
  /** The number in a sheet column. Example: `row.values.get(3)?.approx` → −683434. */
  get(col: number): ParsedNumber | undefined;
  /** The first non-zero figure, left to right (undefined when all are zero or missing). */
  firstNonZero(): ParsedNumber | undefined;
  /** `get(col)?.approx` without making the figure: for screening loops over many rows. */
  approx(col: number): number | undefined;
  /** `get(col)?.decimals` without making the figure. */
  decimals(col: number): number | undefined;
}

const PRESENT = 1;
const PERCENT = 2;
/** Kept as its object in `others` (a note after it, or too large for a scaled integer). */
const OBJECT = 4;

/**
 * The figures of a whole table in typed arrays (scaled integer, float, shown decimals, flags per
 * cell), so a table of 100 000 rows keeps a few arrays alive instead of 300 000 objects for the
 * garbage collector to copy. A figure is made into its object again when asked for; that object
 * dies young, which costs next to nothing.
 */
class FigureStore {
  private readonly n: Float64Array;
  private readonly d: Int8Array;
  private readonly approx: Float64Array;
  private readonly decimals: Int16Array;
  private readonly flags: Uint8Array;
  private readonly others = new Map<number, ParsedNumber>();

  constructor(
    /** Sheet columns of the figures, in order. */
    readonly cols: readonly number[],
    rows: number,
  ) {
    const size = cols.length * rows;
    this.n = new Float64Array(size);
    this.d = new Int8Array(size);
    this.approx = new Float64Array(size);
    this.decimals = new Int16Array(size);
    this.flags = new Uint8Array(size);
  }

  put(k: number, fig: ParsedNumber): void {
    const exact = fig.exact;
    if (exact && fig.note === null && exact.d <= 100 && fig.decimals <= 1000) {
      this.n[k] = exact.n;
      this.d[k] = exact.d;
      this.approx[k] = fig.approx;
      this.decimals[k] = fig.decimals;
      this.flags[k] = PRESENT | (fig.percent ? PERCENT : 0);
    } else {
      this.others.set(k, fig);
      this.flags[k] = PRESENT | OBJECT;
    }
  }

  /** A whole amount `n` shown with `decimals` decimals (as `readNumber` reads a number cell). */
  putWhole(k: number, n: number, decimals: number): void {
    this.n[k] = n;
    this.d[k] = 0;
    this.approx[k] = n;
    this.decimals[k] = decimals;
    this.flags[k] = PRESENT;
  }

  at(k: number): ParsedNumber | undefined {
    const flags = this.flags[k] ?? 0;
    if (!(flags & PRESENT)) return undefined;
    if (flags & OBJECT) return this.others.get(k);
    return exactFigure(
      this.n[k] ?? 0,
      this.d[k] ?? 0,
      this.approx[k] ?? 0,
      (flags & PERCENT) !== 0,
      this.decimals[k] ?? 0,
    );
  }

  approxAt(k: number): number | undefined {
    const flags = this.flags[k] ?? 0;
    if (!(flags & PRESENT)) return undefined;
    return flags & OBJECT ? this.others.get(k)?.approx : this.approx[k];
  }

  decimalsAt(k: number): number | undefined {
    const flags = this.flags[k] ?? 0;
    if (!(flags & PRESENT)) return undefined;
    return flags & OBJECT ? this.others.get(k)?.decimals : this.decimals[k];
  }

  has(k: number): boolean {
    return ((this.flags[k] ?? 0) & PRESENT) !== 0;
  }

  isNonZero(k: number): boolean {
    const flags = this.flags[k] ?? 0;
    if (!(flags & PRESENT)) return false;
    return (flags & OBJECT ? this.others.get(k)?.approx : this.approx[k]) !== 0;
  }
}

/** A data row of a table with its label and the numbers in its value columns. */
export interface TableRow {
  row: number;
  label: string;
  /** A1 address of the label cell (`A12`). */
  readonly labelCell: string;
  /** Numbers by sheet column. */
  values: RowValues;
  isTotal: boolean;
  /** A `-` placeholder row (Alingsås investments: a category with no parts). */
  isDash: boolean;
}

const TOTAL_LABEL =
  /^(totalt|total(?![\p{L}])|totala(?![\p{L}])|summa|sa(?![\p{L}])|s:a|s\.a\.?|nettokostnad(er)?(?![\p{L}])|verksamhetens (netto)?kostnader|verksamhetens nettokostnad(er)?(?![\p{L}])|verksamhetens resultat|resultat(?![\p{L}])|årets resultat|periodens resultat|finansnetto|netto(?![\p{L}])|hela (nämnden|förvaltningen|kommunen|verksamheten)(?![\p{L}]))/iu;

/** A label ending in a total word: `Nämnden totalt`, `Socialförvaltningen, summa`. */
const TOTAL_SUFFIX = /[\s,]+(totalt|total|summa)\s*:?$/iu;

/**
 * True for labels that announce a total: `Totalt`, `Summa`, `Sa kostnader`, `Årets resultat`,
 * `Hela nämnden`, `Förvaltningen totalt`.
 */
export function isTotalLabel(label: string): boolean {
  const t = label.trim();
  return TOTAL_LABEL.test(t) || TOTAL_SUFFIX.test(t);
}

/**
 * Columns a total adds up: amounts, not ratios. A share, an average or a figure per head
 * (`Andel`, `Snitt`, `Kostnad per invånare`, `Index`) is never the sum of the rows above it.
 */
export function summableColumns(columns: readonly TableColumn[]): TableColumn[] {
  return columns.filter(
    (c) =>
      !/(?<![\p{L}])(andel|snitt|genomsnitt|medel|kvot|index|nyckeltal)(?![\p{L}])|per (invånare|capita|elev|brukare|barn|dygn|timme)/iu.test(
        c.header.text,
      ),
  );
}

/** Columns that hold amounts (not percent shares, not text). */
export function amountColumns(grid: SheetGrid, table: DetectedTable): TableColumn[] {
  return table.columns.filter((c) => {
    const role = c.header.role;
    if (
      [
        'risk',
        'process',
        'direction',
        'probability',
        'consequence',
        'target',
        'note',
        'goal',
      ].includes(role)
    )
      return false;
    if (c.header.percent) return false;
    let numbers = 0;
    let percents = 0;
    for (const r of table.dataRows) {
      const kind = grid.numberKind(r, c.col);
      if (kind !== 0) numbers++;
      if (kind === 2) percents++;
    }
    return numbers > 0 && percents * 2 < numbers;
  });
}

/** The table's data rows with labels and numbers; `Källa:` rows and empty rows are left out. */
export function readRows(
  grid: SheetGrid,
  table: DetectedTable,
  columns: TableColumn[],
): TableRow[] {
  const out: TableRow[] = [];
  const cols = columns.map((c) => c.col);
  const labelCol = table.labelCol;
  const store = new FigureStore(cols, table.dataRows.length);
  let base = 0;
  for (const r of table.dataRows) {
    const label = grid.text(r, labelCol);
    if (isSourceNoteLabel(label)) continue;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i] ?? 0;
      const v = grid.value(r, col);
      // The common case, a whole amount, straight into the store without making its figure.
      const shown = Number.isSafeInteger(v) ? wholeNumberDecimals(grid.format(r, col)) : null;
      if (shown !== null) {
        store.putWhole(base + i, v as number, shown);
        continue;
      }
      const fig = grid.number(r, col);
      if (fig) store.put(base + i, fig);
    }
    out.push(new Row(r, label, labelCol, store, base));
    base += cols.length;
  }
  return out;
}

/**
 * A `TableRow` over its table's `FigureStore`; it is its own `values`, and its label address is
 * made only when asked for (most rows never are).
 */
class Row implements TableRow, RowValues {
  readonly isTotal: boolean;
  readonly isDash: boolean;
  readonly values: RowValues = this;
  readonly size: number;

  constructor(
    readonly row: number,
    readonly label: string,
    private readonly labelCol: number,
    private readonly store: FigureStore,
    /** Index of this row's first figure in the store. */
    private readonly base: number,
  ) {
    this.isTotal = isTotalLabel(label);
    this.isDash = label.length === 1 && /^[-–—]$/.test(label);
    let size = 0;
    for (let i = 0; i < store.cols.length; i++) if (store.has(base + i)) size++;
    this.size = size;
  }

  get labelCell(): string {
    return address(this.row, this.labelCol);
  }

  get(col: number): ParsedNumber | undefined {
    const i = this.store.cols.indexOf(col);
    return i < 0 ? undefined : this.store.at(this.base + i);
  }

  approx(col: number): number | undefined {
    const i = this.store.cols.indexOf(col);
    return i < 0 ? undefined : this.store.approxAt(this.base + i);
  }

  decimals(col: number): number | undefined {
    const i = this.store.cols.indexOf(col);
    return i < 0 ? undefined : this.store.decimalsAt(this.base + i);
  }

  firstNonZero(): ParsedNumber | undefined {
    for (let i = 0; i < this.store.cols.length; i++) {
      if (this.store.isNonZero(this.base + i)) return this.store.at(this.base + i);
    }
    return undefined;
  }
}
