/**
 * `Excel.run` over the in-memory Excel, and `installFakeOffice`, which puts `Office` and
 * `Excel` globals on a window so the real task pane can run against the fake in a browser.
 */
import { FakeRequestContext } from './fakeContext';
import { FakeOfficeError } from './fakeErrors';
import { FakeWorkbookModel, type FakeWorkbookFixture } from './fakeModel';
import { FakeWorksheetCollection } from './fakeWorksheet';

/** `context.workbook` of the fake. */
export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }
}

/** A request context whose `workbook` is typed. */
export type FakeContext = FakeRequestContext & { workbook: FakeWorkbook };

/** A new request context over the model (what `Excel.run` hands its callback). */
export function createFakeContext(model: FakeWorkbookModel): FakeContext {
  const context = new FakeRequestContext(model);
  context.workbook = new FakeWorkbook(context);
  return context as FakeContext;
}

/** The fake's `Excel.run(batch)`: a fresh context; pending actions are synced at the end. */
export function createFakeRun(model: FakeWorkbookModel) {
  return async function run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T> {
    const context = createFakeContext(model);
    const result = await batch(context);
    if (context.pendingActions > 0) await context.sync();
    return result;
  };
}

/** What `installFakeOffice` exposes as `window.__namndplanFakeExcel` for tests to inspect. */
export interface FakeOfficeHandle {
  model: FakeWorkbookModel;
  /** Makes every sync fail as if a cell were being edited (null: back to normal). */
  setCellEditMode(
    code: 'InvalidOperationInCellEditMode' | 'InvalidOperation' | 'GeneralException' | null,
  ): void;
}

/**
 * Defines `Office` (`onReady` resolves `{ host: 'Excel' }`, requirement checks, the document
 * URL) and `Excel.run` on `target` over a fake workbook built from `fixture`. Call it BEFORE the
 * task pane's bundle runs and instead of loading office.js.
 */
export function installFakeOffice(target: object, fixture: FakeWorkbookFixture): FakeOfficeHandle {
  const model = FakeWorkbookModel.fromFixture(fixture);
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: 'sv-SE',
      document: { url: `https://fake.invalid/${encodeURIComponent(model.name)}` },
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          const minor = Number((version ?? '1.1').split('.')[1] ?? 1);
          return name === 'ExcelApi' && minor <= model.apiVersion;
        },
      },
    },
  };
  const handle: FakeOfficeHandle = {
    model,
    setCellEditMode: (code) => {
      model.cellEditMode = code;
    },
  };
  Object.assign(target, {
    Office: office,
    Excel: { run: createFakeRun(model) },
    OfficeExtension: { Error: FakeOfficeError },
    __namndplanFakeExcel: handle,
  });
  return handle;
}
