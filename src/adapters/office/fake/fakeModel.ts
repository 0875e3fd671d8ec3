/**
 * The state behind the in-memory Excel: sheets of cells, formats, merges, tables, conditional
 * formats, names, plus what a test wants to observe (syncs, request sizes, selection).
 * The proxies (`fakeWorksheet.ts`, `fakeRange.ts`, …) only ever change this state inside `sync()`.
 */
import { parseRange } from '../../../domain/grid';
import { FakeOfficeError, type FakeErrorCode } from './fakeErrors';

/** A stored cell value; `undefined` in the grid means an empty cell. */
export type FakeValue = string | number | boolean;

/** A rectangle, 0-based and inclusive, like Office's rowIndex/columnIndex. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The fixture a fake workbook starts from: shaped so a `WorkbookSnapshot` fits. */
export interface FakeWorkbookFixture {
  readonly name?: string;
  readonly sheets: readonly {
    readonly name: string;
    readonly origin?: { readonly row: number; readonly col: number };
    readonly values: readonly (readonly (string | number | boolean | null)[])[];
    readonly formats?: readonly (readonly (string | null)[])[];
    readonly merges?: readonly string[];
    readonly visibility?: SheetVisibility;
  }[];
}

/** `Excel.SheetVisibility`. */
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeTable {
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
}

export interface FakeConditionalFormat {
  rect: Rect;
  type: string;
  rule: Record<string, unknown> | null;
  fillColor: string | null;
  fontColor: string | null;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeName {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

/** One side of a cell's border (`RangeBorder.style`, `.color`). */
export interface FakeBorder {
  style: string;
  color: string;
}

/** Per-cell style written through `range.format` (`fakeFormat.ts`). */
export interface FakeStyle {
  bold?: boolean;
  fill?: string;
  fontColor?: string;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  wrapText?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  indentLevel?: number;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', FakeBorder>>;
}

const key = (r: number, c: number): string => `${r},${c}`;

/** One worksheet's state. */
export class FakeSheet {
  values: (FakeValue | undefined)[][] = [];
  formats: (string | undefined)[][] = [];
  readonly formulas = new Map<string, string>();
  merges: Rect[] = [];
  readonly tables: FakeTable[] = [];
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly names = new Map<string, FakeName>();
  readonly styles = new Map<string, FakeStyle>();
  readonly hyperlinks = new Map<string, FakeHyperlink>();
  readonly columnWidths = new Map<number, number>();
  /** Row heights in points by 0-based row (`format.rowHeight`). */
  readonly rowHeights = new Map<number, number>();
  visibility: SheetVisibility = 'Visible';

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  value(r: number, c: number): FakeValue | undefined {
    return this.values[r]?.[c];
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? 'General';
  }
  setValue(r: number, c: number, v: FakeValue | undefined): void {
    const row = (this.values[r] ??= []);
    row[c] = v;
    if (v === undefined) this.formulas.delete(key(r, c));
  }
  setFormat(r: number, c: number, f: string): void {
    const row = (this.formats[r] ??= []);
    row[c] = f === 'General' ? undefined : f;
  }
  formula(r: number, c: number): string | undefined {
    return this.formulas.get(key(r, c));
  }
  setFormula(r: number, c: number, f: string | undefined): void {
    if (f === undefined) this.formulas.delete(key(r, c));
    else this.formulas.set(key(r, c), f);
  }
  style(r: number, c: number): FakeStyle {
    return this.styles.get(key(r, c)) ?? {};
  }
  setStyle(r: number, c: number, s: FakeStyle): void {
    this.styles.set(key(r, c), { ...this.style(r, c), ...s });
  }
  hyperlink(r: number, c: number): FakeHyperlink | undefined {
    return this.hyperlinks.get(key(r, c));
  }
  setHyperlink(r: number, c: number, h: FakeHyperlink | undefined): void {
    if (h) this.hyperlinks.set(key(r, c), h);
    else this.hyperlinks.delete(key(r, c));
  }

  /**
   * `Range.clear(applyTo)` over `rect`: contents (values, formulas), formats (number formats,
   * styles), hyperlinks, or all three. Tables, conditional formats and names are objects of
   * their own and stay (Excel clears a table's cells, not the table).
   */
  clear(rect: Rect, applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks'): void {
    const inside = (k: string): boolean => {
      const [r = -1, c = -1] = k.split(',').map(Number);
      return r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right;
    };
    const contents = applyTo === 'All' || applyTo === 'Contents';
    const formats = applyTo === 'All' || applyTo === 'Formats';
    const links = applyTo === 'All' || applyTo === 'Hyperlinks';
    const last = (rows: unknown[]): number => Math.min(rect.bottom, rows.length - 1);
    if (contents) {
      for (let r = rect.top; r <= last(this.values); r++) {
        const row = this.values[r];
        if (row)
          for (let c = rect.left; c <= Math.min(rect.right, row.length - 1); c++)
            row[c] = undefined;
      }
      for (const k of [...this.formulas.keys()]) if (inside(k)) this.formulas.delete(k);
    }
    if (formats) {
      for (let r = rect.top; r <= last(this.formats); r++) {
        const row = this.formats[r];
        if (row)
          for (let c = rect.left; c <= Math.min(rect.right, row.length - 1); c++)
            row[c] = undefined;
      }
      for (const k of [...this.styles.keys()]) if (inside(k)) this.styles.delete(k);
      // A merge is a format: clearing formats unmerges (as Excel's Clear Formats does).
      this.merges = this.merges.filter(
        (m) =>
          m.bottom < rect.top || m.top > rect.bottom || m.right < rect.left || m.left > rect.right,
      );
    }
    if (links)
      for (const k of [...this.hyperlinks.keys()]) if (inside(k)) this.hyperlinks.delete(k);
  }

  /**
   * Bounding box of non-empty values (and, unless `valuesOnly`, of formatted cells: number
   * formats, styles, hyperlinks, as Excel's used range counts them); null when blank.
   */
  usedRect(valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    const grow = (r: number, c: number): void => {
      if (!rect) rect = { top: r, left: c, bottom: r, right: c };
      else {
        rect.top = Math.min(rect.top, r);
        rect.left = Math.min(rect.left, c);
        rect.bottom = Math.max(rect.bottom, r);
        rect.right = Math.max(rect.right, c);
      }
    };
    this.values.forEach((row, r) => row?.forEach((v, c) => v !== undefined && grow(r, c)));
    if (!valuesOnly) {
      this.formats.forEach((row, r) => row?.forEach((f, c) => f !== undefined && grow(r, c)));
      for (const k of this.styles.keys()) {
        const [r = 0, c = 0] = k.split(',').map(Number);
        grow(r, c);
      }
      for (const k of this.hyperlinks.keys()) {
        const [r = 0, c = 0] = k.split(',').map(Number);
        grow(r, c);
      }
    }
    return rect;
  }
}

/** What one `sync()` cost: the number of queued actions and the bytes each way. */
export interface SyncRecord {
  actions: number;
  requestBytes: number;
  responseBytes: number;
}

/** Converts an A1 range (no sheet part) to a 0-based rectangle. */
export function rectFromA1(a1: string): Rect {
  const r = parseRange(a1.replace(/\$/g, ''));
  return { top: r.top - 1, left: r.left - 1, bottom: r.bottom - 1, right: r.right - 1 };
}

/** The whole workbook's state and the observations a test or bench reads. */
export class FakeWorkbookModel {
  readonly sheets: FakeSheet[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Every sync, in order, over all `Excel.run` calls. */
  readonly syncLog: SyncRecord[] = [];
  /** Number of syncs that ran with API calculation suspended. */
  calculationSuspendedSyncs = 0;
  /** Workbook-level settings (`workbook.settings`, ExcelApi 1.4): key → JSON-able value. */
  readonly settings = new Map<string, unknown>();
  /**
   * `NamedItem.visible = false` is ignored, as Excel does for existing names
   * (OfficeDev/office-js#3878, #3949): code must not count on a name being hidden.
   */
  ignoresNameVisibility = true;
  private editMode: FakeErrorCode | null = null;
  private editEnded: (() => void)[] = [];
  /** Highest ExcelApi minor version `isSetSupported` admits (1.13 → 13). */
  apiVersion = 13;
  /** Excel on the web's payload limit, per request and per response. */
  payloadLimitBytes = 5 * 1024 * 1024;
  private nextId = 1;
  private nextTable = 1;

  constructor(readonly name = 'Arbetsbok.xlsx') {}

  /**
   * When set, every sync fails with this code (a cell is being edited), except that a batch run
   * with `delayForCellEdit: true` waits for `InvalidOperationInCellEditMode` to end.
   */
  get cellEditMode(): FakeErrorCode | null {
    return this.editMode;
  }
  set cellEditMode(code: FakeErrorCode | null) {
    this.editMode = code;
    if (code === null) for (const resume of this.editEnded.splice(0)) resume();
  }
  /** Resolves when the user leaves cell-edit mode (at once when not in it). */
  cellEditEnded(): Promise<void> {
    if (this.editMode === null) return Promise.resolve();
    return new Promise((resolve) => this.editEnded.push(resolve));
  }

  /** Builds a workbook from a snapshot-like fixture (values, formats, merges, origins). */
  static fromFixture(fixture: FakeWorkbookFixture): FakeWorkbookModel {
    const wb = new FakeWorkbookModel(fixture.name ?? 'Arbetsbok.xlsx');
    for (const s of fixture.sheets) {
      const sheet = wb.addSheet(s.name);
      const r0 = (s.origin?.row ?? 1) - 1;
      const c0 = (s.origin?.col ?? 1) - 1;
      s.values.forEach((row, r) =>
        row.forEach((v, c) =>
          sheet.setValue(r0 + r, c0 + c, v === null || v === '' ? undefined : v),
        ),
      );
      s.formats?.forEach((row, r) =>
        row.forEach((f, c) => f !== null && sheet.setFormat(r0 + r, c0 + c, f)),
      );
      sheet.merges = (s.merges ?? []).map(rectFromA1);
      sheet.visibility = s.visibility ?? 'Visible';
    }
    wb.activeSheet = wb.sheets.find((s) => s.visibility === 'Visible') ?? null;
    return wb;
  }

  /** Case-insensitive lookup, as Excel's sheet names are. */
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) {
      throw new FakeOfficeError(
        'ItemAlreadyExists',
        'The resource with the same name or identifier already exists.',
      );
    }
    if (!/^[^[\]:*?/\\]{1,31}$/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing (${name}).`);
    }
    const sheet = new FakeSheet(name, `{fake-${this.nextId++}}`);
    this.sheets.push(sheet);
    return sheet;
  }

  /** Deletes a sheet; like Excel, never a VeryHidden one, nor the last visible one. */
  deleteSheet(sheet: FakeSheet): void {
    if (sheet.visibility === 'VeryHidden') {
      // @types/office-js, Worksheet.delete: "if the worksheet's visibility is set to
      // VeryHidden, the delete operation will fail with an InvalidOperation exception".
      throw new FakeOfficeError(
        'InvalidOperation',
        'This operation is not permitted for the current object. (a VeryHidden worksheet cannot be deleted)',
        'Worksheet.delete',
      );
    }
    this.ensureAnotherVisible(sheet);
    const next = this.nextVisible(sheet);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    if (this.activeSheet === sheet) this.activeSheet = next;
    this.breakReferencesTo(sheet.name);
  }

  /** What deleting a sheet does to formulas elsewhere that point at it: `#REF!`. */
  private breakReferencesTo(name: string): void {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const quoted = `'${name.replace(/'/g, "''")}'`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const ref = new RegExp(
      `(?:${quoted}|\\b${escaped})!\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?`,
      'gi',
    );
    for (const other of this.sheets) {
      for (const [k, formula] of other.formulas) {
        ref.lastIndex = 0;
        if (!ref.test(formula)) continue;
        other.formulas.set(k, formula.replace(ref, '#REF!'));
        const [r = 0, c = 0] = k.split(',').map(Number);
        const row = (other.values[r] ??= []);
        row[c] = '#REF!';
      }
    }
  }

  /** Changes a sheet's visibility; hiding the active sheet activates the next visible one. */
  setVisibility(sheet: FakeSheet, visibility: SheetVisibility): void {
    if (visibility !== 'Visible') this.ensureAnotherVisible(sheet);
    sheet.visibility = visibility;
    if (visibility !== 'Visible' && this.activeSheet === sheet) {
      this.activeSheet = this.nextVisible(sheet);
    }
  }

  /** A workbook keeps at least one visible sheet. */
  private ensureAnotherVisible(sheet: FakeSheet): void {
    if (sheet.visibility !== 'Visible') return;
    if (this.sheets.some((s) => s !== sheet && s.visibility === 'Visible')) return;
    throw new FakeOfficeError(
      'InvalidOperation',
      'This operation is not permitted for the current object. (a workbook keeps one visible sheet)',
    );
  }

  /** The visible sheet Excel activates instead of `sheet`: the next one, else the previous. */
  private nextVisible(sheet: FakeSheet): FakeSheet | null {
    const i = this.sheets.indexOf(sheet);
    const after = this.sheets.slice(i + 1).find((s) => s !== sheet && s.visibility === 'Visible');
    const before = this.sheets
      .slice(0, Math.max(0, i))
      .reverse()
      .find((s) => s.visibility === 'Visible');
    return after ?? before ?? null;
  }

  tableName(): string {
    const taken = new Set(this.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase())));
    let name = `Table${this.nextTable++}`;
    while (taken.has(name.toLowerCase())) name = `Table${this.nextTable++}`;
    return name;
  }

  /** Total syncs so far; the largest request and response (bytes) of any single sync. */
  stats(): { syncs: number; maxRequestBytes: number; maxResponseBytes: number } {
    let maxRequestBytes = 0;
    let maxResponseBytes = 0;
    for (const s of this.syncLog) {
      maxRequestBytes = Math.max(maxRequestBytes, s.requestBytes);
      maxResponseBytes = Math.max(maxResponseBytes, s.responseBytes);
    }
    return { syncs: this.syncLog.length, maxRequestBytes, maxResponseBytes };
  }

  resetStats(): void {
    this.syncLog.length = 0;
    this.calculationSuspendedSyncs = 0;
  }
}
