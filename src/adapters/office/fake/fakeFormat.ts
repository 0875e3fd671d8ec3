/**
 * `range.format` of the in-memory Excel: `RangeFormat`, `RangeFont`, `RangeFill` and
 * `RangeBorder`, with Office.js's semantics. Writes queue an action and are checked by the host
 * at sync (an invalid colour, size or alignment fails the sync with `InvalidArgument`, as Excel
 * does); reads need `load` + `sync` (else `PropertyNotLoaded`), and give a range's value when all
 * its cells agree, `null` when they differ (Excel's answer for a mixed range).
 */
import {
  ACTION_OVERHEAD_BYTES,
  FakeClientObject,
  jsonBytes,
  requireApi,
  type FakeRequestContext,
} from './fakeContext';
import { FakeOfficeError } from './fakeErrors';
import type { FakeBorder, FakeSheet, FakeStyle, Rect } from './fakeModel';

/** What a format proxy resolves to at sync time (a range's sheet and rectangle). */
interface Target {
  sheet: FakeSheet;
  rect: Rect;
}

/** Excel's defaults, what a cell never formatted reads. */
const DEFAULTS = {
  bold: false,
  italic: false,
  name: 'Calibri',
  size: 11,
  color: '#000000',
  fill: '#FFFFFF',
  wrapText: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  indentLevel: 0,
  rowHeight: 15,
  columnWidth: 48,
} as const;

const HORIZONTAL = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_STYLES = [
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
];
/** The HTML colour names Excel takes besides `#RRGGBB` (those the adapter could plausibly use). */
const NAMED_COLOURS = new Set(
  'black white red green blue yellow orange purple gray grey silver maroon navy teal olive lime aqua fuchsia'.split(
    ' ',
  ),
);

function invalid(what: string, value: unknown): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (${what}: ${JSON.stringify(value)})`,
    what,
  );
}

/** A colour as Excel takes it (`#RRGGBB` or an HTML name), stored upper-case; else it fails. */
function colour(value: unknown, what: string): string {
  if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  if (typeof value === 'string' && NAMED_COLOURS.has(value.toLowerCase())) return value;
  throw invalid(what, value);
}

function oneOf(value: unknown, allowed: readonly string[], what: string): string {
  if (typeof value === 'string' && allowed.includes(value)) return value;
  throw invalid(what, value);
}

function between(value: unknown, min: number, max: number, what: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max)
    return value;
  throw invalid(what, value);
}

/** Every cell of `rect`, row by row. */
function eachCell(rect: Rect, f: (r: number, c: number) => void): void {
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) f(r, c);
}

/** The value all cells of `rect` share, or null when they differ. */
function uniform<V>(rect: Rect, at: (r: number, c: number) => V): V | null {
  let first: { v: V } | null = null;
  let same = true;
  eachCell(rect, (r, c) => {
    if (!same) return;
    const v = at(r, c);
    if (first === null) first = { v };
    else if (first.v !== v) same = false;
  });
  return same && first !== null ? (first as { v: V }).v : null;
}

/** Base of the format proxies: a range's target, style writes checked and applied at sync. */
abstract class FakeFormatPart extends FakeClientObject<Target> {
  constructor(
    context: FakeRequestContext,
    private readonly range: () => Target | null,
  ) {
    super(context, false);
  }
  protected locate(): Target | null {
    return this.range();
  }
  /** Queues a style change: `check` runs at sync (Excel validates there), then every cell. */
  protected restyle(property: string, value: unknown, check: () => FakeStyle): void {
    this.setLocal(property, value);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () => {
      const style = check();
      const t = this.mustTarget();
      eachCell(t.rect, (r, c) => t.sheet.setStyle(r, c, style));
    });
  }
  /** The style value all cells share (`null` when mixed), with Excel's default where unset. */
  protected shared<V>(t: Target, pick: (s: FakeStyle) => V | undefined, fallback: V): V | null {
    return uniform(t.rect, (r, c) => pick(t.sheet.style(r, c)) ?? fallback);
  }
  protected unknown(property: string): never {
    throw new FakeOfficeError(
      'InvalidArgument',
      `The property '${property}' does not exist on '${this.entity}'.`,
    );
  }
}

/** `range.format.font`: bold, italic, name, size, color. */
export class FakeRangeFont extends FakeFormatPart {
  protected readonly entity = 'RangeFont';
  protected readonly scalarProperties = ['bold', 'italic', 'name', 'size', 'color'];
  protected read(t: Target, property: string): unknown {
    switch (property) {
      case 'bold':
        return this.shared(t, (s) => s.bold, DEFAULTS.bold);
      case 'italic':
        return this.shared(t, (s) => s.italic, DEFAULTS.italic);
      case 'name':
        return this.shared(t, (s) => s.fontName, DEFAULTS.name);
      case 'size':
        return this.shared(t, (s) => s.fontSize, DEFAULTS.size);
      case 'color':
        return this.shared(t, (s) => s.fontColor, DEFAULTS.color);
      default:
        return this.unknown(property);
    }
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.restyle('bold', v, () => ({ bold: v === true }));
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.restyle('italic', v, () => ({ italic: v === true }));
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.restyle('name', v, () => {
      if (typeof v !== 'string' || v.trim() === '') throw invalid('RangeFont.name', v);
      return { fontName: v };
    });
  }
  get size(): number {
    return this.get('size');
  }
  set size(v: number) {
    this.restyle('size', v, () => ({ fontSize: between(v, 1, 409, 'RangeFont.size') }));
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.restyle('color', v, () => ({ fontColor: colour(v, 'RangeFont.color') }));
  }
}

/** `range.format.fill`: color, clear(). */
export class FakeRangeFill extends FakeFormatPart {
  protected readonly entity = 'RangeFill';
  protected readonly scalarProperties = ['color'];
  protected read(t: Target, property: string): unknown {
    if (property === 'color') return this.shared(t, (s) => s.fill, DEFAULTS.fill);
    return this.unknown(property);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.restyle('color', v, () => ({ fill: colour(v, 'RangeFill.color') }));
  }
  clear(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const t = this.mustTarget();
      eachCell(t.rect, (r, c) => {
        const s = { ...t.sheet.style(r, c) };
        delete s.fill;
        t.sheet.styles.set(`${r},${c}`, s);
      });
    });
  }
}

/** The edges `borders.getItem` takes, and which side of which cells each one is. */
const EDGES: Record<string, (rect: Rect, r: number, c: number) => (keyof FakeBorders)[]> = {
  EdgeTop: (rect, r) => (r === rect.top ? ['top'] : []),
  EdgeBottom: (rect, r) => (r === rect.bottom ? ['bottom'] : []),
  EdgeLeft: (rect, _r, c) => (c === rect.left ? ['left'] : []),
  EdgeRight: (rect, _r, c) => (c === rect.right ? ['right'] : []),
  InsideHorizontal: (rect, r) => [
    ...(r > rect.top ? (['top'] as const) : []),
    ...(r < rect.bottom ? (['bottom'] as const) : []),
  ],
  InsideVertical: (rect, _r, c) => [
    ...(c > rect.left ? (['left'] as const) : []),
    ...(c < rect.right ? (['right'] as const) : []),
  ],
};
type FakeBorders = NonNullable<FakeStyle['borders']>;

/** `range.format.borders.getItem(edge)`: style, color (weight is left to Excel's default). */
export class FakeRangeBorder extends FakeFormatPart {
  protected readonly entity = 'RangeBorder';
  protected readonly scalarProperties = ['style', 'color', 'sideIndex'];
  constructor(
    context: FakeRequestContext,
    range: () => Target | null,
    private readonly edge: string,
  ) {
    super(context, range);
  }
  protected read(t: Target, property: string): unknown {
    const side = this.sides(t.rect, t.rect.top, t.rect.left)[0] ?? 'top';
    if (property === 'sideIndex') return this.edge;
    if (property === 'style') return this.shared(t, (s) => s.borders?.[side]?.style, 'None');
    if (property === 'color')
      return this.shared(t, (s) => s.borders?.[side]?.color, DEFAULTS.color);
    return this.unknown(property);
  }
  private sides(rect: Rect, r: number, c: number): (keyof FakeBorders)[] {
    const f = EDGES[this.edge];
    if (!f) throw invalid('RangeBorderCollection.getItem', this.edge);
    return f(rect, r, c);
  }
  private change(property: 'style' | 'color', value: unknown, check: () => string): void {
    this.setLocal(property, value);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () => {
      const v = check();
      const t = this.mustTarget();
      eachCell(t.rect, (r, c) => {
        const sides = this.sides(t.rect, r, c);
        if (sides.length === 0) return;
        const borders = { ...t.sheet.style(r, c).borders };
        for (const side of sides) {
          const was: FakeBorder = borders[side] ?? { style: 'None', color: DEFAULTS.color };
          borders[side] = { ...was, [property]: v };
        }
        t.sheet.setStyle(r, c, { borders });
      });
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.change('style', v, () => oneOf(v, BORDER_STYLES, 'RangeBorder.style'));
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.change('color', v, () => colour(v, 'RangeBorder.color'));
  }
}

/** `range.format`: font, fill, borders, alignment, wrapping, indent, row height, column width. */
export class FakeRangeFormat extends FakeFormatPart {
  protected readonly entity = 'RangeFormat';
  protected readonly scalarProperties = [
    'wrapText',
    'horizontalAlignment',
    'verticalAlignment',
    'indentLevel',
    'rowHeight',
    'columnWidth',
  ];
  readonly font: FakeRangeFont;
  readonly fill: FakeRangeFill;
  readonly borders: { getItem(edge: string): FakeRangeBorder };

  constructor(context: FakeRequestContext, range: () => Target | null) {
    super(context, range);
    this.font = new FakeRangeFont(context, range);
    this.fill = new FakeRangeFill(context, range);
    this.borders = { getItem: (edge) => new FakeRangeBorder(context, range, edge) };
  }

  protected read(t: Target, property: string): unknown {
    switch (property) {
      case 'wrapText':
        return this.shared(t, (s) => s.wrapText, DEFAULTS.wrapText);
      case 'horizontalAlignment':
        return this.shared(t, (s) => s.horizontalAlignment, DEFAULTS.horizontalAlignment);
      case 'verticalAlignment':
        return this.shared(t, (s) => s.verticalAlignment, DEFAULTS.verticalAlignment);
      case 'indentLevel':
        requireApi(this.context, 9, 'RangeFormat.indentLevel');
        return this.shared(t, (s) => s.indentLevel, DEFAULTS.indentLevel);
      case 'rowHeight':
        return uniform(
          { ...t.rect, left: 0, right: 0 },
          (r) => t.sheet.rowHeights.get(r) ?? DEFAULTS.rowHeight,
        );
      case 'columnWidth':
        return uniform(
          { ...t.rect, top: 0, bottom: 0 },
          (_r, c) => t.sheet.columnWidths.get(c) ?? DEFAULTS.columnWidth,
        );
      default:
        return this.unknown(property);
    }
  }

  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.restyle('wrapText', v, () => ({ wrapText: v === true }));
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.restyle('horizontalAlignment', v, () => ({
      horizontalAlignment: oneOf(v, HORIZONTAL, 'RangeFormat.horizontalAlignment'),
    }));
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.restyle('verticalAlignment', v, () => ({
      verticalAlignment: oneOf(v, VERTICAL, 'RangeFormat.verticalAlignment'),
    }));
  }
  get indentLevel(): number {
    return this.get('indentLevel');
  }
  /** ExcelApi 1.9: left to the host, so below it the sync fails (`ApiNotFound`). */
  set indentLevel(v: number) {
    this.restyle('indentLevel', v, () => {
      requireApi(this.context, 9, 'RangeFormat.indentLevel');
      const n = between(v, 0, 250, 'RangeFormat.indentLevel');
      if (!Number.isInteger(n)) throw invalid('RangeFormat.indentLevel', v);
      return { indentLevel: n };
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  /** Points, 0–409 (Excel's limit); applies to the range's whole rows. */
  set rowHeight(v: number) {
    this.setLocal('rowHeight', v);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(v), () => {
      const points = between(v, 0, 409, 'RangeFormat.rowHeight');
      const t = this.mustTarget();
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, points);
    });
  }
  get columnWidth(): number {
    return this.get('columnWidth');
  }
  /** Points (255 characters at most, about 1 790 points); applies to whole columns. */
  set columnWidth(v: number) {
    this.setLocal('columnWidth', v);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(v), () => {
      const points = between(v, 0, 1790, 'RangeFormat.columnWidth');
      const t = this.mustTarget();
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, points);
    });
  }
  autofitColumns(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => void this.mustTarget());
  }
  autofitRows(): void {
    requireApi(this.context, 2, 'RangeFormat.autofitRows');
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => void this.mustTarget());
  }
}
