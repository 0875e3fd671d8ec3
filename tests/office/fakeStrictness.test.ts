/**
 * The in-memory Excel is as strict as Office.js where the two are known to differ from a kinder
 * stand-in. Each test here would have passed a wrong adapter before (the fake was kinder):
 * office.js's own checks (`node_modules/@microsoft/office-js`, `_throwIfApiNotSupported`), the
 * documented limits in `@types/office-js`, and known Excel behaviour (OfficeDev/office-js issues).
 */
import {
  createFakeContext,
  createFakeRun,
  FakeWorkbookModel,
  MAX_MERGED_AREAS,
  rectFromA1,
} from '../../src/adapters/office/fake';
import { SEED_FIXTURE } from './fakeExcelHelpers';

const model = (): FakeWorkbookModel => FakeWorkbookModel.fromFixture(SEED_FIXTURE);

/** The error a call throws synchronously, or null. */
function thrown(call: () => unknown): { code?: unknown; message?: unknown } | null {
  try {
    call();
    return null;
  } catch (e) {
    return e as { code?: unknown; message?: unknown };
  }
}

describe('an API above the host’s requirement set throws at the call, as office.js does', () => {
  it('Range.getMergedAreasOrNullObject below ExcelApi 1.13: ApiNotFound before anything is queued', () => {
    const m = model();
    m.apiVersion = 7;
    const ctx = createFakeContext(m);
    const range = ctx.workbook.worksheets.getItem('Indikatorer').getRange('A1:G5');
    expect(thrown(() => range.getMergedAreasOrNullObject())).toMatchObject({
      code: 'ApiNotFound',
      message: expect.stringMatching(/Range.getMergedAreasOrNullObject, ExcelApi 1.13/),
    });
    expect(ctx.pendingActions).toBe(0);
  });

  it('the 1.4 and 1.6 methods the adapter uses throw at the call on an older host', () => {
    const m = model();
    const ctx = createFakeContext(m);
    const ws = ctx.workbook.worksheets.getItem('Tom');
    m.apiVersion = 3;
    for (const call of [
      () => ws.getUsedRangeOrNullObject(true),
      () => ctx.workbook.worksheets.getItemOrNullObject('Tom'),
      () => ws.names.add('X', '=1'),
      () => ws.names.getItemOrNullObject('X'),
      () => ctx.workbook.settings,
    ]) {
      expect(thrown(call)).toMatchObject({ code: 'ApiNotFound' });
    }
    m.apiVersion = 5;
    expect(thrown(() => ctx.application.suspendApiCalculationUntilNextSync())).toMatchObject({
      code: 'ApiNotFound',
    });
    expect(ctx.pendingActions).toBe(0);
  });

  it('what office.js leaves to the host (a property setter) still fails at sync', async () => {
    const m = model();
    m.apiVersion = 6;
    const ctx = createFakeContext(m);
    ctx.workbook.worksheets.getItem('Tom').getRange('A1').hyperlink = { documentReference: 'A2' };
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('hidden sheets', () => {
  it('deleting a VeryHidden sheet fails with InvalidOperation; a Hidden one can be deleted', async () => {
    const m = FakeWorkbookModel.fromFixture({
      sheets: [
        ...SEED_FIXTURE.sheets,
        { name: 'Gömd', values: [[1]], visibility: 'VeryHidden' },
        { name: 'Dold', values: [[1]], visibility: 'Hidden' },
      ],
    });
    const ctx = createFakeContext(m);
    ctx.workbook.worksheets.getItem('Gömd').delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    ctx.workbook.worksheets.getItem('Dold').delete();
    await ctx.sync();
    expect(m.sheets.map((s) => s.name)).toEqual(['Indikatorer', 'Ekonomi 2023', 'Tom', 'Gömd']);
  });

  it('activating or selecting on a hidden sheet fails; hiding the active sheet moves the focus', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    const ind = ctx.workbook.worksheets.getItem('Indikatorer');
    expect(m.activeSheet?.name).toBe('Indikatorer');
    ind.visibility = 'Hidden';
    await ctx.sync();
    expect(m.activeSheet?.name).toBe('Ekonomi 2023');
    ind.getRange('A1').select();
    await expect(ctx.sync()).rejects.toMatchObject({
      code: 'InvalidOperation',
      message: expect.stringMatching(/hidden/),
    });
    ind.activate();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('a workbook keeps one visible sheet', async () => {
    const m = FakeWorkbookModel.fromFixture({ sheets: [{ name: 'Enda', values: [[1]] }] });
    const ctx = createFakeContext(m);
    ctx.workbook.worksheets.getItem('Enda').visibility = 'Hidden';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('names, tables and merged areas', () => {
  it('NamedItem.visible = false is ignored, as Excel does (office-js#3878)', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    const item = ctx.workbook.worksheets.getItem('Tom').names.add('Markör', '="x"');
    item.visible = false;
    await ctx.sync();
    expect(m.sheet('Tom')?.names.get('markör')?.visible).toBe(true);
  });

  it('a table overlapping another table, or merged cells, fails with MergedRangeConflict', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    const tom = ctx.workbook.worksheets.getItem('Tom');
    tom.tables.add(tom.getRange('A1:C4'), true);
    await ctx.sync();
    tom.tables.add(tom.getRange('C4:D6'), true);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    const ind = ctx.workbook.worksheets.getItem('Indikatorer'); // A1:G1 is merged
    ind.tables.add(ind.getRange('B1:C3'), true);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'MergedRangeConflict' });
  });

  it('merged areas are those whose top-left cell lies in the range asked (office-js#3611)', async () => {
    const ctx = createFakeContext(model());
    const ind = ctx.workbook.worksheets.getItem('Indikatorer'); // A1:G1 is merged
    const fromB = ind.getRange('B1:G5').getMergedAreasOrNullObject();
    const fromA = ind.getRange('A1').getMergedAreasOrNullObject();
    fromA.load('address');
    await ctx.sync();
    expect(fromB.isNullObject).toBe(true);
    expect(fromA.address).toBe('Indikatorer!A1:G1');
  });

  it(`asking for more than ${MAX_MERGED_AREAS} merged areas at once fails`, async () => {
    const m = model();
    const sheet = m.sheet('Tom');
    if (!sheet) throw new Error('fixture');
    sheet.merges = Array.from({ length: MAX_MERGED_AREAS + 1 }, (_, i) =>
      rectFromA1(`A${i + 1}:B${i + 1}`),
    );
    const ctx = createFakeContext(m);
    const all = ctx.workbook.worksheets.getItem('Tom').getRange().getMergedAreasOrNullObject();
    all.load('address');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
    const half = ctx.workbook.worksheets
      .getItem('Tom')
      .getRange('A1:B256')
      .getMergedAreasOrNullObject();
    half.load('areaCount');
    await ctx.sync();
    expect(half.areaCount).toBe(256);
  });
});

describe('cell-edit mode and Excel.run options', () => {
  it('a batch run with delayForCellEdit waits for the edit to end; one without fails', async () => {
    const m = model();
    m.cellEditMode = 'InvalidOperationInCellEditMode';
    const run = createFakeRun(m);
    await expect(
      run((ctx) => {
        ctx.workbook.worksheets.load('items/name');
        return ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    let done = false;
    const waiting = run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem('Tom').getRange('A1').values = [[1]];
      await ctx.sync();
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    m.cellEditMode = null;
    await waiting;
    expect(m.sheet('Tom')?.value(0, 0)).toBe(1);
  });
});

describe('what the adapter needs beyond that', () => {
  it('workbook.name is the file name (ExcelApi 1.7), read after load + sync', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    expect(() => ctx.workbook.name).toThrow(/not available/);
    ctx.workbook.load('name');
    await ctx.sync();
    expect(ctx.workbook.name).toBe('Socialnamnd.xlsx');
    m.apiVersion = 6;
    expect(thrown(() => ctx.workbook.name)).toMatchObject({ code: 'ApiNotFound' });
  });

  it('Range.clear empties cells; tables survive it and are converted to plain cells', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    const tom = ctx.workbook.worksheets.getItem('Tom');
    tom.getRange('A1:B2').values = [
      ['Rubrik', 'Mer'],
      [1, 2],
    ];
    tom.getRange('A1').hyperlink = { documentReference: "'Tom'!B2" };
    tom.tables.add(tom.getRange('A1:B2'), true);
    await ctx.sync();
    tom.getRange().clear('All');
    await ctx.sync();
    const sheet = m.sheet('Tom');
    expect(sheet?.usedRect(false)).toBeNull();
    expect(sheet?.hyperlink(0, 0)).toBeUndefined();
    expect(sheet?.tables).toHaveLength(1);
    tom.tables.load('items/name');
    await ctx.sync();
    for (const t of tom.tables.items) t.convertToRange();
    await ctx.sync();
    expect(sheet?.tables).toHaveLength(0);
  });

  it('deleting a sheet turns formulas elsewhere that point at it into #REF!', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    ctx.workbook.worksheets.getItem('Indikatorer').getRange('H1').values = [["='Tom'!A1+Tom!B2"]];
    ctx.workbook.worksheets.getItem('Tom').delete();
    await ctx.sync();
    expect(m.sheet('Indikatorer')?.formula(0, 7)).toBe('=#REF!+#REF!');
    expect(m.sheet('Indikatorer')?.value(0, 7)).toBe('#REF!');
  });

  it('workbook.settings keep JSON values in the workbook', async () => {
    const m = model();
    const ctx = createFakeContext(m);
    ctx.workbook.settings.add('namndplan', { riskThreshold: 16 });
    const missing = ctx.workbook.settings.getItemOrNullObject('annat');
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
    const item = ctx.workbook.settings.getItemOrNullObject('namndplan');
    item.load('value');
    await ctx.sync();
    expect(item.value).toEqual({ riskThreshold: 16 });
    expect(m.settings.get('namndplan')).toEqual({ riskThreshold: 16 });
  });
});
