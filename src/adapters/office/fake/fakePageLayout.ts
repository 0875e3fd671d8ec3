/**
 * `worksheet.pageLayout` (ExcelApi 1.9) and `worksheet.freezePanes` (1.7) of the in-memory
 * Excel. The page layout is missing below 1.9: office.js throws `ApiNotFound` at the getter
 * (`_throwIfApiNotSupported`), so the worksheet asks `requireApi` there. Values are checked by the
 * host at sync (an unknown orientation, a zoom out of range, a print-title reference that is not
 * whole rows fail with `InvalidArgument`); reads need `load` + `sync`.
 */
import {
  ACTION_OVERHEAD_BYTES,
  FakeClientObject,
  jsonBytes,
  type FakeRequestContext,
} from './fakeContext';
import { FakeOfficeError } from './fakeErrors';
import type { FakeSheet } from './fakeModel';

/** A sheet's page setup as a test reads it. */
export interface FakePageSetup {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  margins: Record<'top' | 'bottom' | 'left' | 'right' | 'header' | 'footer', number>;
  /** `$2:$2`, or null. */
  printTitleRows: string | null;
  headersFooters: Record<HeaderFooterPart, string>;
  /** Rows frozen at the top (`freezePanes.freezeRows`), 0 when none. */
  frozenRows: number;
}

type HeaderFooterPart =
  'leftHeader' | 'centerHeader' | 'rightHeader' | 'leftFooter' | 'centerFooter' | 'rightFooter';
const PARTS: readonly HeaderFooterPart[] = [
  'leftHeader',
  'centerHeader',
  'rightHeader',
  'leftFooter',
  'centerFooter',
  'rightFooter',
];

const SETUPS = new WeakMap<FakeSheet, FakePageSetup>();

/** The page setup of a sheet (Excel's defaults until written). */
export function pageSetupOf(sheet: FakeSheet): FakePageSetup {
  let setup = SETUPS.get(sheet);
  if (!setup) {
    setup = {
      orientation: 'Portrait',
      paperSize: 'Letter',
      zoom: { scale: 100 },
      margins: { top: 54, bottom: 54, left: 50.4, right: 50.4, header: 21.6, footer: 21.6 },
      printTitleRows: null,
      headersFooters: Object.fromEntries(PARTS.map((p) => [p, ''])) as Record<
        HeaderFooterPart,
        string
      >,
      frozenRows: 0,
    };
    SETUPS.set(sheet, setup);
  }
  return setup;
}

function invalid(what: string, value: unknown): FakeOfficeError {
  return new FakeOfficeError(
    'InvalidArgument',
    `The argument is invalid or missing or has an incorrect format. (${what}: ${JSON.stringify(value)})`,
    what,
  );
}

const PAPER = ['Letter', 'Legal', 'A3', 'A4', 'A5', 'B4', 'B5'];
const MARGIN = {
  top: 'topMargin',
  bottom: 'bottomMargin',
  left: 'leftMargin',
  right: 'rightMargin',
  header: 'headerMargin',
  footer: 'footerMargin',
} as const;

/** Base: a sheet's page setup, changed at sync after the host's check. */
abstract class FakeSetupPart extends FakeClientObject<FakeSheet> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: () => FakeSheet | null,
  ) {
    super(context, false);
  }
  protected locate(): FakeSheet | null {
    return this.sheet();
  }
  protected change(property: string, value: unknown, apply: (s: FakePageSetup) => void): void {
    this.setLocal(property, value);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () =>
      apply(pageSetupOf(this.mustTarget())),
    );
  }
}

/** `pageLayout.headersFooters.defaultForAllPages`: the six parts, Excel's `&P`, `&N` codes. */
export class FakeHeaderFooter extends FakeSetupPart {
  protected readonly entity = 'HeaderFooter';
  protected readonly scalarProperties = PARTS;
  protected read(sheet: FakeSheet, property: string): unknown {
    const setup = pageSetupOf(sheet);
    if ((PARTS as readonly string[]).includes(property))
      return setup.headersFooters[property as HeaderFooterPart];
    throw invalid('HeaderFooter', property);
  }
  private part(p: HeaderFooterPart, v: unknown): void {
    this.change(p, v, (s) => {
      // Excel's limit on a header or footer section (255 characters).
      if (typeof v !== 'string' || v.length > 255) throw invalid(`HeaderFooter.${p}`, v);
      s.headersFooters[p] = v;
    });
  }
  set leftHeader(v: string) {
    this.part('leftHeader', v);
  }
  set centerHeader(v: string) {
    this.part('centerHeader', v);
  }
  set rightHeader(v: string) {
    this.part('rightHeader', v);
  }
  set leftFooter(v: string) {
    this.part('leftFooter', v);
  }
  set centerFooter(v: string) {
    this.part('centerFooter', v);
  }
  set rightFooter(v: string) {
    this.part('rightFooter', v);
  }
}

/** `worksheet.pageLayout` (ExcelApi 1.9). */
export class FakePageLayout extends FakeSetupPart {
  protected readonly entity = 'PageLayout';
  protected readonly scalarProperties = [
    'orientation',
    'paperSize',
    'zoom',
    'topMargin',
    'bottomMargin',
    'leftMargin',
    'rightMargin',
    'headerMargin',
    'footerMargin',
  ];
  readonly headersFooters: { readonly defaultForAllPages: FakeHeaderFooter };

  constructor(context: FakeRequestContext, sheet: () => FakeSheet | null) {
    super(context, sheet);
    const all = new FakeHeaderFooter(context, sheet);
    this.headersFooters = { defaultForAllPages: all };
  }

  protected read(sheet: FakeSheet, property: string): unknown {
    const s = pageSetupOf(sheet);
    if (property === 'orientation') return s.orientation;
    if (property === 'paperSize') return s.paperSize;
    if (property === 'zoom') return { ...s.zoom };
    const side = (Object.keys(MARGIN) as (keyof typeof MARGIN)[]).find(
      (k) => MARGIN[k] === property,
    );
    if (side) return s.margins[side];
    throw invalid('PageLayout', property);
  }

  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(v: string) {
    this.change('orientation', v, (s) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw invalid('PageLayout.orientation', v);
      s.orientation = v;
    });
  }
  get paperSize(): string {
    return this.get('paperSize');
  }
  set paperSize(v: string) {
    this.change('paperSize', v, (s) => {
      if (!PAPER.includes(v)) throw invalid('PageLayout.paperSize', v);
      s.paperSize = v;
    });
  }
  get zoom(): FakePageSetup['zoom'] {
    return this.get('zoom');
  }
  /** A scale of 10–400 %, or pages wide / tall (0: as many as it takes), not both. */
  set zoom(v: FakePageSetup['zoom']) {
    this.change('zoom', v, (s) => {
      const fit = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
      const pages = (n: number | undefined): boolean =>
        n === undefined || (Number.isInteger(n) && n >= 0 && n <= 32767);
      const ok = fit
        ? v.scale === undefined && pages(v.horizontalFitToPages) && pages(v.verticalFitToPages)
        : v.scale !== undefined && v.scale >= 10 && v.scale <= 400;
      if (!ok) throw invalid('PageLayout.zoom', v);
      s.zoom = { ...v };
    });
  }
  set topMargin(v: number) {
    this.margin('top', v);
  }
  set bottomMargin(v: number) {
    this.margin('bottom', v);
  }
  set leftMargin(v: number) {
    this.margin('left', v);
  }
  set rightMargin(v: number) {
    this.margin('right', v);
  }
  set headerMargin(v: number) {
    this.margin('header', v);
  }
  set footerMargin(v: number) {
    this.margin('footer', v);
  }
  private margin(side: keyof typeof MARGIN, v: number): void {
    this.change(MARGIN[side], v, (s) => {
      if (!Number.isFinite(v) || v < 0 || v > 1000) throw invalid(`PageLayout.${MARGIN[side]}`, v);
      s.margins[side] = v;
    });
  }
  /** Rows repeated on each printed page: whole rows only (`$2:$2`, `2:3`). */
  setPrintTitleRows(rows: string): void {
    this.change('printTitleRows', rows, (s) => {
      if (typeof rows !== 'string' || !/^\$?\d+:\$?\d+$/.test(rows))
        throw invalid('PageLayout.setPrintTitleRows', rows);
      s.printTitleRows = rows;
    });
  }
}

/** `worksheet.freezePanes` (ExcelApi 1.7): `freezeRows(count)`, `unfreeze()`. */
export class FakeFreezePanes {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  freezeRows(count = 1): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      if (!Number.isInteger(count) || count < 0 || count > 1048575)
        throw invalid('WorksheetFreezePanes.freezeRows', count);
      pageSetupOf(this.sheet()).frozenRows = count;
    });
  }
  unfreeze(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      pageSetupOf(this.sheet()).frozenRows = 0;
    });
  }
}
