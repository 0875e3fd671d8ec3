/**
 * `context.workbook` of the in-memory Excel: its worksheets, its `name` (ExcelApi 1.7) and its
 * `settings` (ExcelApi 1.4), which are saved in the workbook and travel with it.
 */
import {
  ACTION_OVERHEAD_BYTES,
  FakeClientObject,
  jsonBytes,
  requireApi,
  type FakeRequestContext,
} from './fakeContext';
import { FakeOfficeError, propertyNotLoaded } from './fakeErrors';
import type { FakeWorkbookModel } from './fakeModel';
import { FakeWorksheetCollection } from './fakeWorksheet';

export class FakeWorkbook extends FakeClientObject<FakeWorkbookModel> {
  protected readonly entity = 'Workbook';
  protected readonly scalarProperties = ['name'];
  readonly worksheets: FakeWorksheetCollection;
  private settingCollection: FakeSettingCollection | undefined;

  constructor(context: FakeRequestContext) {
    super(context, false);
    this.worksheets = new FakeWorksheetCollection(context);
  }
  protected locate(): FakeWorkbookModel {
    return this.context.model;
  }
  protected read(model: FakeWorkbookModel, property: string): unknown {
    if (property === 'name') return model.name;
    throw new FakeOfficeError(
      'InvalidArgument',
      `The property '${property}' does not exist on 'Workbook'.`,
    );
  }

  /** The workbook's file name (ExcelApi 1.7; office.js checks the set when it is read). */
  get name(): string {
    const name = this.get<string>('name');
    requireApi(this.context, 7, 'Workbook.name');
    return name;
  }

  /** The workbook's settings (ExcelApi 1.4; office.js checks the set when this is read). */
  get settings(): FakeSettingCollection {
    requireApi(this.context, 4, 'Workbook.settings');
    return (this.settingCollection ??= new FakeSettingCollection(this.context));
  }
}

/** One `Excel.Setting`: `key`, `value` (any JSON value), `delete()`. */
export class FakeSetting extends FakeClientObject<{ key: string; value: unknown }> {
  protected readonly entity = 'Setting';
  protected readonly scalarProperties = ['key', 'value'];
  constructor(
    context: FakeRequestContext,
    private readonly key: string,
    orNull: boolean,
  ) {
    super(context, orNull);
  }
  protected locate(): { key: string; value: unknown } | null {
    const settings = this.context.model.settings;
    return settings.has(this.key) ? { key: this.key, value: settings.get(this.key) } : null;
  }
  protected read(setting: { key: string; value: unknown }, property: string): unknown {
    if (property === 'key') return setting.key;
    if (property === 'value') return JSON.parse(JSON.stringify(setting.value)) as unknown;
    throw new FakeOfficeError(
      'InvalidArgument',
      `The property '${property}' does not exist on 'Setting'.`,
    );
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(value: unknown) {
    this.setLocal('value', value);
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes(value), () => {
      this.mustTarget();
      this.context.model.settings.set(this.key, JSON.parse(JSON.stringify(value)) as unknown);
    });
  }
  delete(): void {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      this.mustTarget();
      this.context.model.settings.delete(this.key);
    });
  }
}

/** `workbook.settings`: `add` (creates or overwrites), `getItemOrNullObject`, `items`. */
export class FakeSettingCollection {
  private loadedItems: FakeSetting[] | undefined;
  constructor(private readonly context: FakeRequestContext) {}

  get items(): FakeSetting[] {
    if (!this.loadedItems) throw propertyNotLoaded('SettingCollection', 'items');
    return this.loadedItems;
  }
  /** Adds or replaces a setting. Excel stores the value as JSON (a string of at most 2 MB). */
  add(key: string, value: unknown): FakeSetting {
    this.context.enqueue(ACTION_OVERHEAD_BYTES + jsonBytes([key, value]), () => {
      if (key.length === 0 || key.length > 255) {
        throw new FakeOfficeError('InvalidArgument', `The setting key '${key}' is invalid.`);
      }
      this.context.model.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
    return new FakeSetting(this.context, key, false);
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.context, key, true);
  }
  load(): this {
    this.context.enqueue(ACTION_OVERHEAD_BYTES, () => {
      const keys = [...this.context.model.settings.keys()];
      return {
        responseBytes: jsonBytes(keys),
        commit: () => {
          this.loadedItems = keys.map((k) => new FakeSetting(this.context, k, false));
        },
      };
    });
    return this;
  }
}
