/**
 * `Excel.run` over the in-memory Excel, and `installFakeOffice`, which puts `Office` and
 * `Excel` globals on a window so the real task pane can run against the fake in a browser.
 */
import { FakeRequestContext } from './fakeContext';
import { FakeOfficeError } from './fakeErrors';
import { FakeWorkbookModel, type FakeWorkbookFixture } from './fakeModel';
import { FakeWorkbook } from './fakeWorkbook';

export { FakeWorkbook };

/** A request context whose `workbook` is typed. */
export type FakeContext = FakeRequestContext & { workbook: FakeWorkbook };

/** The options of `Excel.run` the fake honours. */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
}

/** A new request context over the model (what `Excel.run` hands its callback). */
export function createFakeContext(
  model: FakeWorkbookModel,
  options: FakeRunOptions = {},
): FakeContext {
  const context = new FakeRequestContext(model, options.delayForCellEdit === true);
  context.workbook = new FakeWorkbook(context);
  return context as FakeContext;
}

/**
 * The fake's `Excel.run(batch)` and `Excel.run(options, batch)`: a fresh context; pending
 * actions are synced at the end.
 */
export function createFakeRun(model: FakeWorkbookModel) {
  async function run<T>(batch: (context: FakeContext) => Promise<T>): Promise<T>;
  async function run<T>(
    options: FakeRunOptions,
    batch: (context: FakeContext) => Promise<T>,
  ): Promise<T>;
  async function run<T>(
    first: FakeRunOptions | ((context: FakeContext) => Promise<T>),
    second?: (context: FakeContext) => Promise<T>,
  ): Promise<T> {
    const batch = typeof first === 'function' ? first : second;
    if (!batch) throw new Error('Excel.run needs a batch function');
    const context = createFakeContext(model, typeof first === 'function' ? {} : first);
    const result = await batch(context);
    if (context.pendingActions > 0) await context.sync();
    return result;
  }
  return run;
}

/** What `installFakeOffice` exposes as `window.__namndplanFakeExcel` for tests to inspect. */
export interface FakeOfficeHandle {
  model: FakeWorkbookModel;
  /** Makes every sync fail as if a cell were being edited (null: back to normal). */
  setCellEditMode(
    code: 'InvalidOperationInCellEditMode' | 'InvalidOperation' | 'GeneralException' | null,
  ): void;
}

/** How the stand-in host behaves beyond the workbook (all optional). */
export interface FakeHostOptions {
  /** Milliseconds before `Office.onReady` resolves (a slow host). Default 0. */
  readyDelayMs?: number;
  /** `Office.context.displayLanguage`. Default `sv-SE`. */
  displayLanguage?: string;
  /** `Office.context.partitionKey`; undefined like Office on Windows without partitioning. */
  partitionKey?: string;
  /** Highest ExcelApi minor version (1.13 → 13). */
  apiVersion?: number;
}

/**
 * Defines `Office` (`onReady` resolves `{ host: 'Excel' }`, requirement checks, the display
 * language, the partition key) and `Excel.run` on `target` over a fake workbook built from
 * `fixture`. Call it BEFORE the task pane's bundle runs and instead of loading office.js.
 */
export function installFakeOffice(
  target: object,
  fixture: FakeWorkbookFixture,
  options: FakeHostOptions = {},
): FakeOfficeHandle {
  const model = FakeWorkbookModel.fromFixture(fixture);
  if (options.apiVersion !== undefined) model.apiVersion = options.apiVersion;
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const delay = options.readyDelayMs ?? 0;
  const ready =
    delay > 0
      ? new Promise<typeof info>((resolve) => setTimeout(() => resolve(info), delay))
      : Promise.resolve(info);
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return ready.then((i) => {
        callback?.(i);
        return i;
      });
    },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: options.displayLanguage ?? 'sv-SE',
      ...(options.partitionKey === undefined ? {} : { partitionKey: options.partitionKey }),
      // Deliberately not the workbook's name: the adapter asks `workbook.name` (ExcelApi 1.7).
      document: { url: 'https://fake.invalid/sites/namnd/Shared%20Documents/Doc.aspx?sourcedoc=1' },
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          const minor = Number((version ?? '1.1').split('.')[1] ?? 1);
          if (name === 'DelayForCellEdit') return minor <= 1;
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
