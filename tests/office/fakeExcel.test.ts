/** The in-memory Excel itself behaves like Office.js where adapter bugs hide. */
import {
  createFakeContext,
  FakeOfficeError,
  FakeWorkbookModel,
} from '../../src/adapters/office/fake';
import { SEED_FIXTURE } from './fakeExcelHelpers';

const model = (): FakeWorkbookModel => FakeWorkbookModel.fromFixture(SEED_FIXTURE);

describe('in-memory Excel', () => {
  it('throws PropertyNotLoaded, worded as Office.js, for a property read before load + sync', async () => {
    const ctx = createFakeContext(model());
    const range = ctx.workbook.worksheets.getItem('Indikatorer').getRange('A4:D4');
    expect(() => range.values).toThrow(
      `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
    range.load('values');
    expect(() => range.values).toThrow(/not available/); // loaded but not yet synced
    await ctx.sync();
    expect(range.values).toEqual([['Antal berörda barn vid vräkningar', 1, 0, 3]]);
    expect(() => range.numberFormat).toThrow(/'numberFormat' is not available/);
    try {
      void range.address;
    } catch (e) {
      expect((e as FakeOfficeError).code).toBe('PropertyNotLoaded');
    }
  });

  it('collections expose items only after load and sync', async () => {
    const ctx = createFakeContext(model());
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(/'items' is not available/);
    sheets.load('items/name');
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['Indikatorer', 'Ekonomi 2023', 'Tom']);
  });

  it('applies writes at sync, not before, and counts syncs', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    const ws = ctx.workbook.worksheets.getItem('Tom');
    ws.getRange('B2:C2').values = [['Budget', 42]];
    expect(m.sheet('Tom')?.value(1, 2)).toBeUndefined();
    await ctx.sync();
    expect(m.sheet('Tom')?.value(1, 1)).toBe('Budget');
    expect(m.sheet('Tom')?.value(1, 2)).toBe(42);
    expect(ctx.syncCount).toBe(1);
    expect(m.stats().syncs).toBe(1);
  });

  it('turns number-like text into numbers unless the cell is formatted as text, like Excel', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    const ws = ctx.workbook.worksheets.getItem('Tom');
    ws.getRange('A1:B1').values = [['2023-08-31', '-7,7']];
    ws.getRange('A2').numberFormat = [['@']];
    ws.getRange('A2').values = [['2023-08-31']];
    await ctx.sync();
    expect(m.sheet('Tom')?.value(0, 0)).toBe(45169);
    expect(m.sheet('Tom')?.value(1, 0)).toBe('2023-08-31');
  });

  it('rejects a values array that does not match the range', async () => {
    const ctx = createFakeContext(model());
    ctx.workbook.worksheets.getItem('Tom').getRange('A1:B2').values = [[1, 2]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('fails the sync with ItemNotFound when a missing sheet is used', async () => {
    const ctx = createFakeContext(model());
    const ws = ctx.workbook.worksheets.getItem('Finns inte');
    ws.load('name');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound', name: 'RichApi.Error' });
    const maybe = ctx.workbook.worksheets.getItemOrNullObject('Finns inte');
    await ctx.sync();
    expect(maybe.isNullObject).toBe(true);
  });

  it('throws RequestPayloadSizeLimitExceeded when one sync carries more than 5 MB, applying nothing', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    const rows = Array.from({ length: 120_000 }, (_, r) => [
      `rad ${r} med en lång text`,
      r * 1.5,
      r,
      r,
    ]);
    ctx.workbook.worksheets.getItem('Tom').getRange('A1:D120000').values = rows;
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(m.sheet('Tom')?.usedRect(true)).toBeNull();
    expect(m.syncLog[0]?.requestBytes).toBeGreaterThan(5 * 1024 * 1024);
  });

  it('throws ResponsePayloadSizeLimitExceeded when a load returns more than 5 MB', async () => {
    const m = model();
    m.sheet('Tom')?.setValue(199_999, 9, 'x'.repeat(10));
    for (let r = 0; r < 200_000; r++) m.sheet('Tom')?.setValue(r, 0, `värde nummer ${r}`);
    const ctx = createFakeContext(m);
    const used = ctx.workbook.worksheets.getItem('Tom').getUsedRange(true);
    used.load('values');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => used.values).toThrow(/not available/);
  });

  it('fails every sync while a cell is being edited', async () => {
    const m = model();
    m.cellEditMode = 'InvalidOperationInCellEditMode';
    const ctx = createFakeContext(m);
    ctx.workbook.worksheets.load('items/name');
    await expect(ctx.sync()).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
      message: expect.stringMatching(/cell-editing mode/),
    });
  });

  it('used range ignores formatting-only cells when asked, and is a null object on a blank sheet', async () => {
    const ctx = createFakeContext(model());
    const eco = ctx.workbook.worksheets.getItem('Ekonomi 2023').getUsedRange(true);
    const blank = ctx.workbook.worksheets.getItem('Tom').getUsedRangeOrNullObject(true);
    eco.load('address,rowIndex,columnIndex,rowCount,columnCount');
    await ctx.sync();
    expect(eco.address).toBe("'Ekonomi 2023'!B3:G6");
    expect([eco.rowIndex, eco.columnIndex, eco.rowCount, eco.columnCount]).toEqual([2, 1, 4, 6]);
    expect(blank.isNullObject).toBe(true);
  });

  it('adds a table on the ACTIVE sheet when given an unqualified address, as documented', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    ctx.workbook.worksheets.getItem('Tom').tables.add('A3:B5', true); // below the A1:G1 merge
    await ctx.sync();
    expect(m.sheet('Indikatorer')?.tables).toHaveLength(1);
    expect(m.sheet('Tom')?.tables).toHaveLength(0);
  });
});
