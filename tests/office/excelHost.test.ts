/** The Excel host over the stand-in Office: reading, writing, selecting, and Excel's errors. */
import { createExcelHost } from '../../src/adapters/office/excelHost';
import { ExcelHostError, toExcelHostError } from '../../src/adapters/office/officeErrors';
import { FakeWorkbookModel, installFakeOffice } from '../../src/adapters/office/fake';
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
    for (const code of [
      'InvalidOperationInCellEditMode',
      'InvalidOperation',
      'GeneralException',
    ] as const) {
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
    expect(first.written).toHaveLength(4);
    expect(String(model.sheet('NP Internkontroll')?.value(0, 0))).toMatch(/riskvärde 16/);
    const second = await host.writeReport(seedReport(), () => Promise.resolve(false));
    expect(second).toEqual({ written: [], replaced: [], cancelled: true });
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
    await expect(host.selectCell('Indikatorer', 'A4')).rejects.toMatchObject({ kind: 'busy' });
  });
});
