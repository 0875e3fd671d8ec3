/** The Excel host over the stand-in Office: reading, writing, selecting, and Excel's errors. */
import { createExcelHost } from '../../src/adapters/office/excelHost';
import { ExcelHostError, toExcelHostError } from '../../src/adapters/office/officeErrors';
import {
  createFakeRun,
  FakeWorkbookModel,
  installFakeOffice,
} from '../../src/adapters/office/fake';
import type { ExcelRun } from '../../src/adapters/office/excelHost';
import { REPORT_MARKER } from '../../src/adapters/office/writeReportSheets';
import { excelRun, SEED_FIXTURE } from './fakeExcelHelpers';
import { seedReport } from '../helpers/seedReport';

describe('createExcelHost', () => {
  it("selects a finding's cell: activates the sheet, then selects", async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const host = createExcelHost({ run: excelRun(model) });
    await expect(host.selectCell('Ekonomi 2023', 'D6')).resolves.toBe(true);
    expect(model.activeSheet?.name).toBe('Ekonomi 2023');
    expect(model.selection).toEqual({ sheet: 'Ekonomi 2023', address: 'D6' });
  });

  it('maps "cell is being edited" to our error with a Swedish message and a retry', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const host = createExcelHost({ run: excelRun(model) });
    for (const code of ['InvalidOperationInCellEditMode', 'ActivityLimitReached'] as const) {
      model.cellEditMode = code;
      const error: unknown = await host.readWorkbook().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExcelHostError);
      expect(error).toMatchObject({ kind: 'busy', retryable: true, officeCode: code });
      expect((error as Error).message).toMatch(/^Excel är upptaget.*försök igen/);
    }
    model.cellEditMode = null; // the user pressed Enter: the retry works
    const wb = await host.readWorkbook();
    expect(wb.sheets[0]?.values[3]?.[3]).toBe(3);
  });

  it('maps a missing sheet on select to not-found, without retry', async () => {
    const host = createExcelHost({ run: excelRun(FakeWorkbookModel.fromFixture(SEED_FIXTURE)) });
    await expect(host.selectCell('Borttaget blad', 'A1')).rejects.toMatchObject({
      name: 'ExcelHostError',
      kind: 'not-found',
      retryable: false,
    });
  });

  it("writes the report sheets with the pane's settings and asks before replacing", async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const host = createExcelHost({
      run: excelRun(model),
      reportOptions: () => ({ riskThreshold: 16 }),
    });
    const first = await host.writeReport(seedReport(), () => Promise.resolve(false));
    // The document tables of the workbook first, then the audit listing (as the CLI's --out).
    expect(first.written).toEqual([
      'NP Mål och indikatorer',
      'NP Internkontrollplan',
      'NP Riskmatris',
      'NP Avvikelser',
      'NP Måluppfyllelse',
      'NP Internkontroll',
      'NP Kontroller',
    ]);
    expect(String(model.sheet('NP Internkontroll')?.value(0, 0))).toMatch(/riskvärde 16/);
    const second = await host.writeReport(seedReport(), () => Promise.resolve(false));
    expect(second).toEqual({ written: [], replaced: [], cancelled: true });
  });

  it('a finding on a hidden sheet says so, instead of "Excel är upptaget"', async () => {
    const model = FakeWorkbookModel.fromFixture({
      sheets: [...SEED_FIXTURE.sheets, { name: 'Dolt', values: [[1]], visibility: 'Hidden' }],
    });
    const host = createExcelHost({ run: excelRun(model) });
    const error: unknown = await host.selectCell('Dolt', 'A1').catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ExcelHostError', kind: 'hidden-sheet' });
    expect((error as Error).message).toMatch(/^Cellen ligger på ett dolt blad/);
    expect(model.selection).toBeNull();
  });

  it('asks before replacing OUTSIDE any Excel.run: one run to plan, the question, one to write', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const fake = createFakeRun(model);
    let open = 0;
    const runs: string[] = [];
    const counting = (async (a: unknown, b?: unknown) => {
      open += 1;
      runs.push(typeof a === 'function' ? 'run' : `run ${JSON.stringify(a)}`);
      try {
        return await (b ? fake(a as never, b as never) : fake(a as never));
      } finally {
        open -= 1;
      }
    }) as unknown as ExcelRun;
    const host = createExcelHost({ run: counting });
    await host.writeReport(seedReport(), () => Promise.resolve(true));
    runs.length = 0;
    let openWhileAsked = -1;
    const outcome = await host.writeReport(seedReport(), () => {
      openWhileAsked = open;
      return Promise.resolve(true);
    });
    expect(openWhileAsked).toBe(0);
    expect(outcome.replaced).toHaveLength(7);
    // Both runs wait for a cell edit to end instead of failing.
    expect(runs).toEqual(['run {"delayForCellEdit":true}', 'run {"delayForCellEdit":true}']);
  });

  it('re-checks after the question: a sheet that became ours meanwhile is not rewritten unasked', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const host = createExcelHost({ run: excelRun(model) });
    await host.writeReport(seedReport(), () => Promise.resolve(true));
    // The user deletes NP Kontroller; while the next question is open it comes back (a copy of
    // a report sheet carries our marker).
    model.deleteSheet(model.sheet('NP Kontroller') ?? model.sheets[0]!);
    const before = JSON.stringify(model.sheets);
    const error: unknown = await host
      .writeReport(seedReport(), (names) => {
        expect(names).not.toContain('NP Kontroller');
        const copy = model.addSheet('NP Kontroller');
        copy.names.set(REPORT_MARKER.toLowerCase(), {
          name: REPORT_MARKER,
          formula: '="namndplan:1"',
          visible: true,
          comment: '',
        });
        return Promise.resolve(true);
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ExcelHostError', kind: 'changed', retryable: true });
    const after = JSON.parse(JSON.stringify(model.sheets)) as { name: string }[];
    expect(after.filter((s) => s.name !== 'NP Kontroller')).toEqual(
      (JSON.parse(before) as { name: string }[]).filter((s) => s.name !== 'NP Kontroller'),
    );
  });

  it('writing waits while a cell is being edited, and completes when the edit ends', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const host = createExcelHost({ run: excelRun(model) });
    model.cellEditMode = 'InvalidOperationInCellEditMode';
    let finished = false;
    const writing = host
      .writeReport(seedReport(), () => Promise.resolve(true))
      .then((o) => {
        finished = true;
        return o;
      });
    await new Promise((r) => setTimeout(r, 20));
    expect(finished).toBe(false);
    model.cellEditMode = null;
    expect((await writing).written).toHaveLength(7);
  });

  it('maps Excel codes to messages that say what happened; busy only where waiting helps', () => {
    const kind = (code: string): string => toExcelHostError({ code, message: 'm' }).kind;
    expect(kind('InvalidOperationInCellEditMode')).toBe('busy');
    expect(kind('ActivityLimitReached')).toBe('busy');
    expect(kind('ServiceNotAvailable')).toBe('busy');
    expect(kind('InvalidOperation')).toBe('unknown');
    expect(kind('GeneralException')).toBe('unknown');
    expect(kind('InvalidRequestContext')).toBe('stale-context');
    expect(kind('InactiveWorkbook')).toBe('inactive-workbook');
    expect(kind('RangeExceedsLimit')).toBe('range-limit');
    expect(kind('MergedRangeConflict')).toBe('table-conflict');
    const texts = new Set(
      [
        'InvalidOperationInCellEditMode',
        'InvalidRequestContext',
        'InactiveWorkbook',
        'RangeExceedsLimit',
        'MergedRangeConflict',
        'GeneralException',
      ].map((code) => toExcelHostError({ code, message: 'm' }).message),
    );
    expect(texts.size).toBe(6);
    expect(toExcelHostError({ code: 'InactiveWorkbook', message: 'm' }).messageEn).toMatch(
      /not active/,
    );
  });

  it("keeps the pane's settings in the workbook (workbook.settings), so they travel with it", async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const host = createExcelHost({ run: excelRun(model) });
    await expect(host.workbookSettings?.read()).resolves.toBeNull();
    await host.workbookSettings?.write({ version: 1, riskThreshold: 16, varianceThreshold: 2 });
    expect(model.settings.get('Namndplan.settings')).toEqual({
      version: 1,
      riskThreshold: 16,
      varianceThreshold: 2,
    });
    // Another user opening the same workbook (a new host over the same model) gets them.
    const other = createExcelHost({ run: excelRun(model) });
    await expect(other.workbookSettings?.read()).resolves.toMatchObject({ riskThreshold: 16 });
    model.apiVersion = 3; // no workbook.settings: the failure is an ExcelHostError, not swallowed
    await expect(other.workbookSettings?.write({})).rejects.toMatchObject({ kind: 'unsupported' });
  });

  it('passes our own errors through and classifies unknown ones', () => {
    const ours = new ExcelHostError('too-large', 'RequestPayloadSizeLimitExceeded', 'x');
    expect(toExcelHostError(ours)).toBe(ours);
    expect(toExcelHostError(new Error('boom'))).toMatchObject({
      kind: 'unknown',
      officeCode: null,
      detail: 'boom',
    });
    expect(toExcelHostError({ debugInfo: { code: 'ApiNotFound' }, message: 'm' })).toMatchObject({
      kind: 'unsupported',
    });
  });
});

describe('installFakeOffice', () => {
  const globals = globalThis as Record<string, unknown>;
  afterEach(() => {
    for (const k of ['Office', 'Excel', 'OfficeExtension', '__namndplanFakeExcel'])
      delete globals[k];
  });

  it('defines Office (onReady → Excel) and Excel.run so the real host runs against the fake', async () => {
    const handle = installFakeOffice(globalThis, SEED_FIXTURE);
    await expect(Office.onReady()).resolves.toMatchObject({ host: 'Excel' });
    expect(Office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    const host = createExcelHost(); // the global Excel.run
    const wb = await host.readWorkbook();
    expect(wb.name).toBe('Socialnamnd.xlsx');
    expect(wb.sheets[0]?.merges).toEqual(['A1:G1']);
    handle.setCellEditMode('InvalidOperationInCellEditMode');
    await expect(host.readWorkbook()).rejects.toMatchObject({ kind: 'busy' });
    // Selecting waits for the edit to end (delayForCellEdit) instead of failing.
    const selecting = host.selectCell('Indikatorer', 'A4');
    await new Promise((r) => setTimeout(r, 20));
    expect(handle.model.selection).toBeNull();
    handle.setCellEditMode(null);
    await expect(selecting).resolves.toBe(true);
    expect(handle.model.selection).toEqual({ sheet: 'Indikatorer', address: 'A4' });
  });
});
