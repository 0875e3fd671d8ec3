/**
 * `Excel.Range` of the in-memory Excel, with its format, conditional formats and merged areas.
 * Property writes queue an action sized by its JSON payload; reads need `load` + `sync`.
 */
import {
  ACTION_OVERHEAD_BYTES,
  FakeClientObject,
  jsonBytes,
  requireApi,
  type FakeRequestContext,
} from './fakeContext';
import { FakeOfficeError, responseTooLarge } from './fakeErrors';
import type { FakeConditionalFormat, FakeHyperlink, FakeSheet, Rect } from './fakeModel';
import { FakeRangeFormat } from './fakeFormat';
import { displayText, quoteSheet, rectAddress, valueType, writeCell } from './fakeCells';
import { clearLocks, refuseIfProtected } from './fakeProtection';
import { customFacet, FakeDataValidation } from './fakeValidation';

/** What a range proxy resolves to at sync time. */
export interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

const MAX_ROW = 1048575;
/** The most merged areas `getMergedAreasOrNullObject` returns in one request. */
export const MAX_MERGED_AREAS = 512;
const MAX_COL = 16383;

function cells(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

function grid<V>(rect: Rect, at: (r: number, c: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row: V[] = [];
    for (let c = rect.left; c <= rect.right; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

/** Applies a 2D input (or one scalar for every cell) after Office's dimension check. */
function applyGrid(
  t: RangeTarget,
  input: unknown,
  put: (r: number, c: number, v: unknown) => void,
): void {
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (!Array.isArray(input)) {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) put(t.rect.top + r, t.rect.left + c, input);
    return;
  }
  const ok =
    input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) {
    throw new FakeOfficeError(
      'InvalidArgument',
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      'Range.values',
    );
  }
  (input as unknown[][]).forEach((row, r) =>
    row.forEach((v, c) => put(t.rect.top + r, t.rect.left + c, v)),
  );
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly entity = 'Range';
  protected readonly scalarProperties = [
    'address',
    'rowCount',
    'columnCount',
    'rowIndex',
    'columnIndex',
    'cellCount',
    'values',
    'numberFormat',
    'formulas',
    'text',
    'valueTypes',
  ];
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    context: FakeRequestContext,
    private readonly find: () => RangeTarget | null,
    orNull = false,
  ) {
    super(context, orNull);
    this.format = new FakeRangeFormat(context, () => this.target());
    this.conditionalFormats = new FakeConditionalFormatCollection(this);
  }

  protected locate(): RangeTarget | null {
    const t = this.find();
    if (
      t &&
      (t.rect.top < 0 || t.rect.left < 0 || t.rect.bottom > MAX_ROW || t.rect.right > MAX_COL)
    ) {
      throw new FakeOfficeError(
        'InvalidArgument',
        'The argument is invalid or missing or has an incorrect format.',
        'Range',
      );
    }
    return t;
  }

  protected read(t: RangeTarget, property: string): unknown {
    const { sheet, rect } = t;
    const heavy = ['values', 'numberFormat', 'formulas', 'text', 'valueTypes'];
    // Excel refuses before building a response it could never send.
    if (heavy.includes(property) && cells(rect) * 3 > this.context.model.payloadLimitBytes) {
      throw responseTooLarge(cells(rect) * 3);
    }
    switch (property) {
      case 'address':
        return rectAddress(sheet.name, rect);
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'cellCount':
        return cells(rect);
      case 'values':
        return grid(rect, (r, c) => sheet.value(r, c) ?? '');
      case 'numberFormat':
        return grid(rect, (r, c) => sheet.format(r, c));
      case 'formulas':
        return grid(rect, (r, c) => sheet.formula(r, c) ?? sheet.value(r, c) ?? '');
      case 'text':
        return grid(rect, (r, c) => displayText(sheet.value(r, c)));
      case 'valueTypes':
        return grid(rect, (r, c) => valueType(sheet.value(r, c)));
      case 'hyperlink':
        return sheet.hyperlink(rect.top, rect.left) ?? null;
      default:
        throw new FakeOfficeError(
          'InvalidArgument',
          `The property '${property}' does not exist on 'Range'.`,
        );
    }
  }

  /**
   * Queues a change to the range's cells, sized by its payload. A protected sheet takes new
   * contents in unlocked cells only (`contents`), and no change of format at all.
   */
  private write(payload: unknown, apply: (t: RangeTarget) => void, contents = false): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(payload), () => {
      const t = this.mustTarget();
      refuseIfProtected(t.sheet, t.rect, 'Range', contents);
      apply(t);
    });
  }

  /** Internal: the cells at sync time (for the format and validation facets). */
  cells(): RangeTarget {
    return this.mustTarget();
  }

  /** `range.dataValidation` (ExcelApi 1.8; office.js checks the set at the call). */
  get dataValidation(): FakeDataValidation {
    requireApi(this.context, 8, 'Range.dataValidation');
    return new FakeDataValidation(this.context, () => this.mustTarget());
  }

  get address(): string {
    return this.get('address');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get text(): string[][] {
    return this.get('text');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(input: unknown[][]) {
    this.setLocal('values', input);
    this.write(input, (t) => applyGrid(t, input, (r, c, v) => writeCell(t.sheet, r, c, v)), true);
  }

  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.setLocal('numberFormat', input);
    this.write(input, (t) =>
      applyGrid(t, input, (r, c, v) => {
        if (typeof v === 'string') t.sheet.setFormat(r, c, v);
      }),
    );
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(input: unknown[][]) {
    this.setLocal('formulas', input);
    this.write(input, (t) => applyGrid(t, input, (r, c, v) => writeCell(t.sheet, r, c, v)), true);
  }

  get hyperlink(): FakeHyperlink | null {
    return this.get('hyperlink');
  }
  set hyperlink(link: FakeHyperlink | null) {
    this.setLocal('hyperlink', link);
    this.write(link, (t) => {
      requireApi(this.context, 7, 'Range.hyperlink');
      for (let r = t.rect.top; r <= t.rect.bottom; r++)
        for (let c = t.rect.left; c <= t.rect.right; c++)
          t.sheet.setHyperlink(r, c, link ?? undefined);
      if (link?.textToDisplay !== undefined)
        writeCell(t.sheet, t.rect.top, t.rect.left, link.textToDisplay);
    });
  }

  private derived(shift: (rect: Rect) => Rect): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.mustTarget();
      return { sheet: t.sheet, rect: shift(t.rect) };
    });
  }

  /** One cell, 0-based offset from the range's top left. */
  getCell(row: number, column: number): FakeRange {
    return this.derived((r) => ({
      top: r.top + row,
      left: r.left + column,
      bottom: r.top + row,
      right: r.left + column,
    }));
  }
  /** The range grown or shrunk by rows and columns at its bottom right. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived((r) => {
      if (r.bottom + deltaRows < r.top || r.right + deltaColumns < r.left) {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format.',
        );
      }
      return { ...r, bottom: r.bottom + deltaRows, right: r.right + deltaColumns };
    });
  }
  /** The same size, moved. */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived((r) => ({
      top: r.top + rowOffset,
      left: r.left + columnOffset,
      bottom: r.bottom + rowOffset,
      right: r.right + columnOffset,
    }));
  }

  /**
   * Merged areas of the range (ExcelApi 1.13; office.js checks the set at the call), a null
   * object when there are none. As in Excel, only areas whose TOP-LEFT cell lies in the range
   * (OfficeDev/office-js#3611), and the request fails above MAX_MERGED_AREAS of them.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    requireApi(this.context, 13, 'Range.getMergedAreasOrNullObject');
    return new FakeRangeAreas(this.context, () => {
      const t = this.mustTarget();
      const areas = t.sheet.merges.filter(
        (m) =>
          m.top >= t.rect.top &&
          m.top <= t.rect.bottom &&
          m.left >= t.rect.left &&
          m.left <= t.rect.right,
      );
      if (areas.length > MAX_MERGED_AREAS) {
        // @types/office-js: "if the merged areas count in this range is more than 512, then this
        // method will fail to return the result". The code Excel gives is not documented.
        throw new FakeOfficeError(
          'GeneralException',
          `There was an internal error while processing the request. (${areas.length} merged areas, more than ${MAX_MERGED_AREAS})`,
          'Range.getMergedAreasOrNullObject',
        );
      }
      return areas.length > 0 ? { sheet: t.sheet, areas } : null;
    });
  }

  /**
   * Merges the range (ExcelApi 1.2), or each of its rows with `across`; as in Excel only the
   * top-left value of each area stays, and cells of a table cannot be merged.
   */
  merge(across = false): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const t = this.mustTarget();
      if (t.sheet.tables.some((tb) => overlaps(tb.rect, t.rect))) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'This operation is not permitted for the current object. (merging cells of a table)',
          'Range.merge',
        );
      }
      const areas: Rect[] = [];
      if (across)
        for (let r = t.rect.top; r <= t.rect.bottom; r++)
          areas.push({ ...t.rect, top: r, bottom: r });
      else areas.push({ ...t.rect });
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
      for (const a of areas) {
        for (let r = a.top; r <= a.bottom; r++)
          for (let c = a.left; c <= a.right; c++)
            if (r !== a.top || c !== a.left) t.sheet.setValue(r, c, undefined);
        t.sheet.merges.push(a);
      }
    });
  }
  /** Unmerges every merged area that overlaps the range (ExcelApi 1.2). */
  unmerge(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const t = this.mustTarget();
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(m, t.rect));
    });
  }

  /** `Range.clear(applyTo)`: contents, formats, hyperlinks or all (default), at sync. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' = 'All'): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      if (applyTo === 'Hyperlinks') requireApi(this.context, 7, 'Range.clear(Hyperlinks)');
      const t = this.mustTarget();
      refuseIfProtected(t.sheet, t.rect, 'Range.clear');
      t.sheet.clear(t.rect, applyTo);
      if (applyTo === 'All' || applyTo === 'Formats') clearLocks(t.sheet, t.rect);
    });
  }

  /** Selects the range; like Excel, only on the active sheet, never on a hidden one. */
  select(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const t = this.mustTarget();
      if (t.sheet.visibility !== 'Visible') {
        throw new FakeOfficeError(
          'InvalidOperation',
          'The range cannot be selected because its worksheet is hidden.',
          'Range.select',
        );
      }
      if (this.context.model.activeSheet !== t.sheet) {
        throw new FakeOfficeError(
          'InvalidOperation',
          'The range cannot be selected because its worksheet is not active.',
          'Range.select',
        );
      }
      const a = rectAddress(t.sheet.name, t.rect);
      this.context.model.selection = {
        sheet: t.sheet.name,
        address: a.slice(a.lastIndexOf('!') + 1),
      };
    });
  }
}

/** `Excel.RangeAreas` as returned by getMergedAreasOrNullObject: `address`, `areaCount`. */
export class FakeRangeAreas extends FakeClientObject<{ sheet: FakeSheet; areas: Rect[] }> {
  protected readonly entity = 'RangeAreas';
  protected readonly scalarProperties = ['address', 'areaCount', 'cellCount'];
  constructor(
    context: FakeRequestContext,
    private readonly find: () => { sheet: FakeSheet; areas: Rect[] } | null,
  ) {
    super(context, true);
  }
  protected locate(): { sheet: FakeSheet; areas: Rect[] } | null {
    return this.find();
  }
  protected read(t: { sheet: FakeSheet; areas: Rect[] }, property: string): unknown {
    if (property === 'address') return t.areas.map((a) => rectAddress(t.sheet.name, a)).join(', ');
    if (property === 'areaCount') return t.areas.length;
    if (property === 'cellCount') return t.areas.reduce((n, a) => n + cells(a), 0);
    throw new FakeOfficeError(
      'InvalidArgument',
      `The property '${property}' does not exist on 'RangeAreas'.`,
    );
  }
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

/** A rule's format and rule, as `cf.cellValue` / `cf.textComparison` expose them. */
function ruleFacet(context: FakeRequestContext, model: () => FakeConditionalFormat) {
  const change = (payload: unknown, f: (cf: FakeConditionalFormat) => void): void =>
    context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(payload), () => f(model()));
  return {
    format: {
      fill: {
        set color(v: string) {
          change(v, (cf) => (cf.fillColor = v));
        },
      },
      font: {
        set color(v: string) {
          change(v, (cf) => (cf.fontColor = v));
        },
      },
    },
    set rule(v: Record<string, unknown>) {
      change(v, (cf) => (cf.rule = v));
    },
  };
}

/** `range.conditionalFormats` (ExcelApi 1.6): `add(type)`, `clearAll()`. */
export class FakeConditionalFormatCollection {
  constructor(private readonly range: FakeRange) {}
  add(type: string): {
    type: string;
    cellValue: ReturnType<typeof ruleFacet>;
    textComparison: ReturnType<typeof ruleFacet>;
    custom: ReturnType<typeof customFacet>;
  } {
    let created: FakeConditionalFormat | null = null;
    const context = this.range.context;
    context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(type), () => {
      requireApi(context, 6, 'ConditionalFormatCollection.add');
      const t = this.range.target();
      if (!t) throw new FakeOfficeError('InvalidObjectPath', 'The object path is not working.');
      refuseIfProtected(t.sheet, t.rect, 'ConditionalFormatCollection.add');
      created = { rect: { ...t.rect }, type, rule: null, fillColor: null, fontColor: null };
      t.sheet.conditionalFormats.push(created);
    });
    const model = (): FakeConditionalFormat => {
      if (!created)
        throw new FakeOfficeError('InvalidObjectPath', 'The conditional format was not created.');
      return created;
    };
    return {
      type,
      cellValue: ruleFacet(context, model),
      textComparison: ruleFacet(context, model),
      custom: customFacet(context, model),
    };
  }
  clearAll(): void {
    this.range.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      requireApi(this.range.context, 6, 'ConditionalFormatCollection.clearAll');
      const t = this.range.target();
      if (!t) return;
      const list = t.sheet.conditionalFormats;
      let kept = 0;
      for (const cf of list) if (!overlaps(cf.rect, t.rect)) list[kept++] = cf;
      list.length = kept;
    });
  }
}

export { quoteSheet };
