/**
 * `Excel.Worksheet`, `WorksheetCollection`, `TableCollection` and `NamedItemCollection` of the
 * in-memory Excel. Collections expose `items` only after `load` + `sync`, as in Office.js.
 */
import {
  ACTION_OVERHEAD_BYTES,
  FakeClientObject,
  jsonBytes,
  loadPaths,
  requireApi,
  type FakeRequestContext,
  type LoadSpec,
} from './fakeContext';
import { FakeOfficeError, propertyNotLoaded } from './fakeErrors';
import type { FakeName, FakeSheet, FakeTable, Rect, SheetVisibility } from './fakeModel';
import { parseFakeAddress } from './fakeCells';
import { FakeRange, type RangeTarget } from './fakeRange';
import { FakeFreezePanes, FakePageLayout } from './fakePageLayout';

/** Splits `'Sheet'!A1:B2` into a sheet name (or null) and an A1 part. */
function splitSheet(text: string): { sheet: string | null; a1: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheet: null, a1: text };
  const raw = text.slice(0, bang);
  const sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  return { sheet, a1: text.slice(bang + 1) };
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  protected readonly entity = 'Worksheet';
  protected readonly scalarProperties = ['name', 'id', 'position', 'visibility'];
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;

  constructor(
    context: FakeRequestContext,
    private readonly find: () => FakeSheet | null,
    private readonly label: string,
    orNull = false,
  ) {
    super(context, orNull);
    this.tables = new FakeTableCollection(this);
    this.names = new FakeNamedItemCollection(this);
  }

  protected locate(): FakeSheet | null {
    return this.find();
  }
  protected override describe(): string {
    return `Worksheet '${this.label}'`;
  }
  protected read(sheet: FakeSheet, property: string): unknown {
    switch (property) {
      case 'name':
        return sheet.name;
      case 'id':
        return sheet.id;
      case 'position':
        return this.context.model.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      default:
        throw new FakeOfficeError(
          'InvalidArgument',
          `The property '${property}' does not exist on 'Worksheet'.`,
        );
    }
  }

  /** Internal: the sheet at sync time (throws ItemNotFound for a missing getItem). */
  sheet(): FakeSheet {
    return this.mustTarget();
  }
  /** Internal: the model state for a worksheet created by `loadCollection`. */
  preload(values: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(values)) this.setLocal(k, v);
    this.markSynced();
    return this;
  }

  get name(): string {
    return this.get('name');
  }
  set name(value: string) {
    this.setLocal('name', value);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () => {
      const sheet = this.sheet();
      const other = this.context.model.sheet(value);
      if (other && other !== sheet) {
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          'The resource with the same name or identifier already exists.',
        );
      }
      sheet.name = value;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): SheetVisibility {
    return this.get('visibility');
  }
  /** Hides or shows the sheet (a workbook keeps one visible sheet; hiding moves the active one). */
  set visibility(value: SheetVisibility) {
    this.setLocal('visibility', value);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () =>
      this.context.model.setVisibility(this.sheet(), value),
    );
  }

  private layout: FakePageLayout | undefined;
  /** Page setup (ExcelApi 1.9; office.js throws at this getter below it). */
  get pageLayout(): FakePageLayout {
    requireApi(this.context, 9, 'Worksheet.pageLayout');
    this.layout ??= new FakePageLayout(this.context, () => this.sheet());
    return this.layout;
  }
  /** Frozen rows (ExcelApi 1.7). */
  get freezePanes(): FakeFreezePanes {
    requireApi(this.context, 7, 'Worksheet.freezePanes');
    return new FakeFreezePanes(this.context, () => this.sheet());
  }

  /** A range by A1 address; the whole sheet when no address. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, (): RangeTarget => {
      const sheet = this.sheet();
      const rect =
        address === undefined
          ? { top: 0, left: 0, bottom: 1048575, right: 16383 }
          : parseFakeAddress(splitSheet(address).a1);
      if (!rect)
        throw new FakeOfficeError(
          'InvalidArgument',
          `The argument is invalid or missing or has an incorrect format. (${address})`,
        );
      return { sheet, rect };
    });
  }
  /** The used range; `A1` on a blank sheet. */
  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.sheet();
      return {
        sheet,
        rect: sheet.usedRect(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }
  /** The used range, or a null object on a blank sheet (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    requireApi(this.context, 4, 'Worksheet.getUsedRangeOrNullObject');
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.target();
        const rect = sheet?.usedRect(valuesOnly) ?? null;
        return sheet && rect ? { sheet, rect } : null;
      },
      true,
    );
  }
  activate(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const sheet = this.sheet();
      if (sheet.visibility !== 'Visible') {
        throw new FakeOfficeError(
          'InvalidOperation',
          'A hidden worksheet cannot be activated.',
          'Worksheet.activate',
        );
      }
      this.context.model.activeSheet = sheet;
    });
  }
  delete(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => this.context.model.deleteSheet(this.sheet()));
  }
}

/** `workbook.worksheets`. */
export class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | undefined;
  constructor(readonly context: FakeRequestContext) {}

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw propertyNotLoaded('WorksheetCollection', 'items');
    return this.loadedItems;
  }

  /** Queues a load of every sheet's properties (`'items/name'`, `'name'` or none). */
  load(spec?: LoadSpec): this {
    const paths = (loadPaths(spec) ?? ['name', 'id', 'position', 'visibility'])
      .map((p) => p.replace(/^items\//, ''))
      .filter((p) => p !== 'items' && p.length > 0);
    const props = paths.length > 0 ? paths : ['name', 'id', 'position', 'visibility'];
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(props), () => {
      const model = this.context.model;
      const rows = model.sheets.map((sheet, i) => ({
        sheet,
        values: Object.fromEntries(
          props.map((p) => [
            p,
            p === 'name'
              ? sheet.name
              : p === 'id'
                ? sheet.id
                : p === 'position'
                  ? i
                  : p === 'visibility'
                    ? sheet.visibility
                    : undefined,
          ]),
        ),
      }));
      return {
        responseBytes: jsonBytes(rows.map((r) => r.values)),
        commit: () => {
          this.loadedItems = rows.map((r) =>
            new FakeWorksheet(this.context, () => r.sheet, r.sheet.name).preload(r.values),
          );
        },
      };
    });
    return this;
  }

  /** A sheet by name; sync fails with ItemNotFound if it is used and missing. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.sheet(key) ?? null, key);
  }
  /** A sheet by name or a null object (ExcelApi 1.4). */
  getItemOrNullObject(key: string): FakeWorksheet {
    requireApi(this.context, 4, 'WorksheetCollection.getItemOrNullObject');
    return new FakeWorksheet(this.context, () => this.context.model.sheet(key) ?? null, key, true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.model.activeSheet, '(active)');
  }
  /** Adds a sheet at the end (a free `SheetN` name when none is given). */
  add(name?: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(name ?? ''), () => {
      const model = this.context.model;
      let chosen = name;
      for (let n = model.sheets.length + 1; chosen === undefined; n++) {
        if (!model.sheet(`Sheet${n}`)) chosen = `Sheet${n}`;
      }
      created = model.addSheet(chosen);
    });
    return new FakeWorksheet(this.context, () => created, name ?? '(new)');
  }
}

/** `Excel.Table`: name and style; `convertToRange()` and `delete()`. */
export class FakeTableProxy {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly model: () => FakeTable,
    private readonly loadedName?: string,
  ) {}
  get name(): string {
    if (this.loadedName === undefined) throw propertyNotLoaded('Table', 'name');
    return this.loadedName;
  }
  /** Turns the table into plain cells, keeping values and formats (ExcelApi 1.2). */
  convertToRange(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      requireApi(this.context, 2, 'Table.convertToRange');
      this.remove();
    });
  }
  /** Deletes the table and its cells' contents. */
  delete(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const rect = this.remove();
      rect.sheet.clear(rect.rect, 'All');
    });
  }
  private remove(): { sheet: FakeSheet; rect: Rect } {
    const table = this.model();
    for (const sheet of this.context.model.sheets) {
      const i = sheet.tables.indexOf(table);
      if (i >= 0) {
        sheet.tables.splice(i, 1);
        return { sheet, rect: table.rect };
      }
    }
    throw new FakeOfficeError('ItemNotFound', "The requested resource doesn't exist. (Table)");
  }
  set name(value: string) {
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () => {
      const taken = this.context.model.sheets.some((s) =>
        s.tables.some((t) => t !== this.model() && t.name.toLowerCase() === value.toLowerCase()),
      );
      if (taken || !/^[A-Za-z_\u00c0-\u024f\\][A-Za-z0-9_.\u00c0-\u024f]*$/.test(value)) {
        throw new FakeOfficeError(
          'InvalidArgument',
          `The table name '${value}' is invalid or already used.`,
        );
      }
      this.model().name = value;
    });
  }
  set style(value: string) {
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () => {
      this.model().style = value;
    });
  }
}

/** `worksheet.tables`: `add(address | range, hasHeaders)`, `load('items/name')`. */
export class FakeTableCollection {
  private loadedItems: FakeTableProxy[] | undefined;
  constructor(private readonly worksheet: FakeWorksheet) {}

  get items(): FakeTableProxy[] {
    if (!this.loadedItems) throw propertyNotLoaded('TableCollection', 'items');
    return this.loadedItems;
  }
  load(_spec?: LoadSpec): this {
    const context = this.worksheet.context;
    context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const tables = [...this.worksheet.sheet().tables];
      return {
        responseBytes: jsonBytes(tables.map((t) => t.name)),
        commit: () => {
          this.loadedItems = tables.map((t) => new FakeTableProxy(context, () => t, t.name));
        },
      };
    });
    return this;
  }

  /**
   * Adds a table. As Office documents it, an address without a sheet name means the ACTIVE
   * sheet, so pass a Range (or a qualified address) when writing to another sheet.
   */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    const context = this.worksheet.context;
    let created: FakeTable | null = null;
    context.enqueue(
      ACTION_OVERHEAD_BYTES + jsonBytes(typeof address === 'string' ? address : 'range'),
      () => {
        const model = context.model;
        let target: RangeTarget | null;
        if (typeof address === 'string') {
          const { sheet: name, a1 } = splitSheet(address);
          const sheet = name === null ? model.activeSheet : (model.sheet(name) ?? null);
          const rect = parseFakeAddress(a1);
          target = sheet && rect ? { sheet, rect } : null;
        } else {
          target = address.target();
        }
        if (!target)
          throw new FakeOfficeError(
            'InvalidArgument',
            'The argument is invalid or missing or has an incorrect format.',
          );
        const { sheet, rect } = target;
        const table: FakeTable = {
          name: model.tableName(),
          rect: { ...rect },
          hasHeaders,
          style: 'TableStyleMedium2',
        };
        if (hasHeaders && rect.bottom === rect.top) table.rect.bottom += 1; // Excel adds an empty data row
        const meets = (r: Rect): boolean =>
          r.top <= table.rect.bottom &&
          table.rect.top <= r.bottom &&
          r.left <= table.rect.right &&
          table.rect.left <= r.right;
        // Excel's code for this is MergedRangeConflict, for tables and merged cells alike.
        if (sheet.tables.some((t) => meets(t.rect)) || sheet.merges.some(meets))
          throw new FakeOfficeError(
            'MergedRangeConflict',
            "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
            'TableCollection.add',
          );
        if (hasHeaders) {
          const seen = new Set<string>();
          for (let c = rect.left; c <= rect.right; c++) {
            const v = sheet.value(rect.top, c);
            let text = v === undefined || v === '' ? `Column${c - rect.left + 1}` : String(v);
            for (let n = 2; seen.has(text.toLowerCase()); n++)
              text = `${String(v ?? 'Column')}${n}`;
            seen.add(text.toLowerCase());
            sheet.setValue(rect.top, c, text);
          }
        }
        sheet.tables.push(table);
        created = table;
      },
    );
    return new FakeTableProxy(context, () => {
      if (!created) throw new FakeOfficeError('InvalidObjectPath', 'The table was not created.');
      return created;
    });
  }
}

/** A sheet-scoped `Excel.NamedItem`: name, formula, visible. */
export class FakeNamedItem extends FakeClientObject<FakeName> {
  protected readonly entity = 'NamedItem';
  protected readonly scalarProperties = ['name', 'formula', 'visible', 'comment'];
  constructor(
    context: FakeRequestContext,
    private readonly find: () => FakeName | null,
    orNull: boolean,
  ) {
    super(context, orNull);
  }
  protected locate(): FakeName | null {
    return this.find();
  }
  protected read(item: FakeName, property: string): unknown {
    return item[property as keyof FakeName];
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  get visible(): boolean {
    return this.get('visible');
  }
  /** Ignored for `false` while `model.ignoresNameVisibility` (as Excel does; see there). */
  set visible(value: boolean) {
    this.setLocal('visible', value);
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const item = this.mustTarget();
      if (value || !this.context.model.ignoresNameVisibility) item.visible = value;
    });
  }
}

/** `worksheet.names` (ExcelApi 1.4): `add`, `getItemOrNullObject`. */
export class FakeNamedItemCollection {
  constructor(private readonly worksheet: FakeWorksheet) {}
  add(name: string, reference: string, comment = ''): FakeNamedItem {
    const context = this.worksheet.context;
    requireApi(context, 4, 'NamedItemCollection.add');
    let created: FakeName | null = null;
    context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes([name, reference, comment]), () => {
      const sheet = this.worksheet.sheet();
      if (sheet.names.has(name.toLowerCase())) {
        throw new FakeOfficeError(
          'ItemAlreadyExists',
          'The resource with the same name or identifier already exists.',
        );
      }
      created = {
        name,
        formula: reference.startsWith('=') ? reference : `=${reference}`,
        visible: true,
        comment,
      };
      sheet.names.set(name.toLowerCase(), created);
    });
    return new FakeNamedItem(context, () => created, false);
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    const context = this.worksheet.context;
    requireApi(context, 4, 'NamedItemCollection.getItemOrNullObject');
    return new FakeNamedItem(
      context,
      () => {
        const sheet = this.worksheet.target();
        return sheet?.names.get(name.toLowerCase()) ?? null;
      },
      true,
    );
  }
}
