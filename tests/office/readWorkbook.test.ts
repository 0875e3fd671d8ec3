/** Reading the live workbook through the adapter, over the in-memory Excel. */
import { FakeWorkbookModel, installFakeOffice, rectFromA1 } from '../../src/adapters/office/fake';
import { parseAreasAddress, readWorkbookFromExcel } from '../../src/adapters/office/readWorkbook';
import { fromOfficeValue, isDateFormat } from '../../src/adapters/office/officeValues';
import type { Progress } from '../../src/taskpane/host';
import { excelRun, gridFixture, SEED_FIXTURE } from './fakeExcelHelpers';

async function read(model: FakeWorkbookModel, options = {}) {
  return excelRun(model)((ctx) =>
    readWorkbookFromExcel(ctx, undefined, { workbookName: 'x.xlsx', ...options }),
  );
}

describe('readWorkbookFromExcel', () => {
  it('reads every sheet exactly: values, formats, merges, origin; errors and blanks → null, dates → ISO', async () => {
    const wb = await read(FakeWorkbookModel.fromFixture(SEED_FIXTURE));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Indikatorer', 'Ekonomi 2023', 'Tom']);
    const [ind, eco, tom] = wb.sheets;
    expect(ind?.origin).toEqual({ row: 1, col: 1 });
    expect(ind?.merges).toEqual(['A1:G1']);
    expect(ind?.values[3]).toEqual([
      'Antal berörda barn vid vräkningar',
      1,
      0,
      3,
      '=0',
      '=0',
      '=0',
    ]);
    expect(ind?.formats[3]).toEqual(['General', '0', '0', '0', '@', '@', '@']);
    expect(ind?.values[4]?.[4]).toBeNull();
    expect(ind?.formats[4]?.[4]).toBeNull();
    expect(eco?.origin).toEqual({ row: 3, col: 2 });
    expect(eco?.values).toEqual([
      ['Verksamhet (mnkr)', 'Budget 2023', 'Utfall 2023', 'Avvikelse', 'Andel', 'Delår'],
      ['Hemtjänst', 120.4, 128.1, -7.7, 0.023, '2023-08-31'],
      ['Köpt vård', 60, null, null, null, '2023-08-31'],
      ['Summa', 180.4, 188.1, -7.7, null, null],
    ]);
    expect(eco?.formats[1]).toEqual([
      'General',
      '#,##0.0',
      '#,##0.0',
      '#,##0.0',
      '0.0%',
      'yyyy-mm-dd',
    ]);
    expect(eco?.merges).toEqual([]);
    // The error cells are told apart from blanks, in sheet coordinates (the range starts at B3).
    expect(eco?.errors).toEqual([
      { row: 5, col: 4, text: '#N/A' },
      { row: 5, col: 5, text: '#DIV/0!' },
    ]);
    expect(tom).toEqual({
      name: 'Tom',
      origin: { row: 1, col: 1 },
      values: [],
      formats: [],
      merges: [],
    });
  });

  it('takes the same 3 syncs for 1 sheet and for 10 sheets', async () => {
    const one = FakeWorkbookModel.fromFixture(gridFixture(1, 100));
    const ten = FakeWorkbookModel.fromFixture(gridFixture(10, 100));
    const a = await read(one);
    const b = await read(ten);
    expect(a.sheets).toHaveLength(1);
    expect(b.sheets).toHaveLength(10);
    expect(one.stats().syncs).toBe(3);
    expect(ten.stats().syncs).toBe(3);
  });

  it('takes the same 3 syncs for 100 rows and for 10 000 rows, in row blocks', async () => {
    const small = FakeWorkbookModel.fromFixture(gridFixture(1, 100));
    const large = FakeWorkbookModel.fromFixture(gridFixture(2, 10_000));
    await read(small);
    const wb = await read(large);
    expect(small.stats().syncs).toBe(3);
    expect(large.stats().syncs).toBe(3);
    expect(wb.sheets[1]?.values[9_999]).toEqual(['Rad 10000', 10_000_001, 10_000_002, 10_000_003]);
    // Two sheets × 10 000 rows × 4 columns = 80 000 cells: blocks of ≤ 50 000 cells, one sync,
    // which also asks both sheets' merged areas (an existence check and a load each).
    expect(large.syncLog[2]?.actions).toBe(2 + 2 * 2);
    expect(large.stats().maxResponseBytes).toBeLessThan(4_000_000);
  });

  it('splits a sync that Excel refuses as too large and still reads everything', async () => {
    const model = FakeWorkbookModel.fromFixture(gridFixture(1, 2_000));
    model.payloadLimitBytes = 60_000; // pretend a tiny limit: every block must be split
    const wb = await read(model, { merges: false });
    expect(wb.sheets[0]?.values).toHaveLength(2_000);
    expect(wb.sheets[0]?.values[1_999]?.[3]).toBe(2_000_003);
    const refused = model.syncLog.filter((s) => s.responseBytes > 60_000);
    expect(refused.length).toBeGreaterThan(0); // Excel said no, the adapter split and retried
    expect(model.stats().syncs).toBeGreaterThan(3 + refused.length);
  });

  it('reads without merged areas on an Excel below ExcelApi 1.13 instead of failing', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    model.apiVersion = 7;
    // Asked for merges anyway: office.js throws at the call, which the read queues inside its
    // `try` (it used to throw outside it and fail the whole read).
    const wb = await read(model, { merges: true });
    expect(wb.sheets[0]?.merges).toEqual([]);
    expect(wb.sheets[0]?.values[3]?.[3]).toBe(3);
    expect(model.stats().syncs).toBe(3);
  });

  describe('by default, merged areas are asked only where isSetSupported says ExcelApi 1.13', () => {
    const globals = globalThis as Record<string, unknown>;
    afterEach(() => {
      for (const k of ['Office', 'Excel', 'OfficeExtension', '__namndplanFakeExcel'])
        delete globals[k];
    });
    it('Excel 2019 (1.7): no merged-area request at all, 3 syncs, none refused', async () => {
      const { model } = installFakeOffice(globalThis, SEED_FIXTURE, { apiVersion: 7 });
      const wb = await excelRun(model)((ctx) => readWorkbookFromExcel(ctx));
      expect(wb.sheets[0]?.merges).toEqual([]);
      expect(model.stats().syncs).toBe(3);
    });
    it('Microsoft 365 (1.13): merged areas read in the first data sync', async () => {
      const { model } = installFakeOffice(globalThis, SEED_FIXTURE);
      const wb = await excelRun(model)((ctx) => readWorkbookFromExcel(ctx));
      expect(wb.sheets[0]?.merges).toEqual(['A1:G1']);
      expect(model.stats().syncs).toBe(3);
    });
  });

  it("asks each sheet's used range: one sheet's refused merges do not drop another's", async () => {
    const model = FakeWorkbookModel.fromFixture(gridFixture(2, 1_200));
    const [a, b] = model.sheets;
    if (!a || !b) throw new Error('fixture');
    // 600 merged pairs on the first sheet (more than Excel returns at once), one on the second.
    a.merges = Array.from({ length: 600 }, (_, i) => rectFromA1(`B${2 * i + 1}:C${2 * i + 1}`));
    b.merges = [rectFromA1('A1:D1')];
    const wb = await read(model);
    expect(wb.sheets[1]?.merges).toEqual(['A1:D1']);
    // The first sheet, asked alone, then in row bands, gives all 600, each once.
    expect(wb.sheets[0]?.merges).toHaveLength(600);
    expect(new Set(wb.sheets[0]?.merges).size).toBe(600);
    expect(wb.sheets[0]?.merges[599]).toBe('B1199:C1199');
  });

  it('merged areas come from the used range: a merge whose top-left lies in it is found', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    // Ekonomi 2023's used range starts at B3; a header merged over B3:C3 is found there.
    const eco = model.sheet('Ekonomi 2023');
    if (!eco) throw new Error('fixture');
    eco.merges = [rectFromA1('B3:C3')];
    const wb = await read(model);
    expect(wb.sheets[1]?.merges).toEqual(['B3:C3']);
  });

  it("the workbook's name is workbook.name (ExcelApi 1.7), not taken from the document URL", async () => {
    const globals = globalThis as Record<string, unknown>;
    const { model } = installFakeOffice(globalThis, SEED_FIXTURE);
    try {
      const wb = await excelRun(model)((ctx) => readWorkbookFromExcel(ctx));
      expect(Office.context.document.url).not.toMatch(/Socialnamnd/);
      expect(wb.name).toBe('Socialnamnd.xlsx');
    } finally {
      for (const k of ['Office', 'Excel', 'OfficeExtension', '__namndplanFakeExcel'])
        delete globals[k];
    }
  });

  it('#EXTERNAL! (a broken external data link) is an error value, not text', async () => {
    const model = FakeWorkbookModel.fromFixture({
      sheets: [{ name: 'Länk', values: [['Utfall', '#EXTERNAL!']] }],
    });
    const wb = await read(model);
    expect(wb.sheets[0]?.values[0]).toEqual(['Utfall', null]);
    expect(wb.sheets[0]?.errors).toEqual([{ row: 1, col: 2, text: '#EXTERNAL!' }]);
  });

  it('reports progress up to 1', async () => {
    const seen: Progress[] = [];
    await excelRun(FakeWorkbookModel.fromFixture(gridFixture(2, 100)))((ctx) =>
      readWorkbookFromExcel(ctx, (p) => seen.push(p)),
    );
    expect(seen.every((p) => p.phase === 'reading')).toBe(true);
    expect(seen.at(-1)?.fraction).toBe(1);
  });
});

describe('Office value quirks', () => {
  it('maps error strings and empty strings to null and date serials to ISO', () => {
    expect(fromOfficeValue('#N/A', 'General')).toBeNull();
    expect(fromOfficeValue('#DIV/0!', '0%')).toBeNull();
    expect(fromOfficeValue('', 'General')).toBeNull();
    expect(fromOfficeValue(45169, 'yyyy-mm-dd')).toBe('2023-08-31');
    expect(fromOfficeValue(45169, '[$-41D]d mmmm yyyy')).toBe('2023-08-31');
    expect(fromOfficeValue(45169, '#,##0')).toBe(45169);
    expect(fromOfficeValue(0.5, '[h]:mm')).toBe(0.5);
    expect(fromOfficeValue(true, 'General')).toBe(true);
  });

  it('recognises date formats but not amount, percent or time formats', () => {
    expect(['yyyy-mm-dd', 'd/m/yyyy', 'mmm-yy', 'dd.mm.yyyy hh:mm'].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['General', '#,##0', '0.0%', '# ##0 "mnkr"', 'hh:mm', '[h]:mm:ss', '@'].map(isDateFormat),
    ).toEqual([false, false, false, false, false, false, false]);
  });

  it('parses RangeAreas addresses, quoted sheet names included', () => {
    expect(parseAreasAddress("'NP, A'!A1:B2, Drift!C3:D3,Blad1!$E$5")).toEqual([
      'A1:B2',
      'C3:D3',
      'E5',
    ]);
  });
});
