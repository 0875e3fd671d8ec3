/**
 * The Office adapter adding the templates to the open workbook (issue 10), over the in-memory
 * Excel: pre-filled from each seed fixture, the four sheets hold the seed's lines and budgets as
 * the seed prints them, the formulas, the lists (ExcelApi 1.8) or the plain word list (1.7), the
 * locks and the protection, in a fixed number of syncs; a user's sheet is never touched; and a
 * template written into Excel reads back as exactly what it was made of.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  FakeWorkbookModel,
  installFakeOffice,
  isLocked,
  protectionOf,
  validationAt,
  type FakeSheet,
  type FakeWorkbookFixture,
} from '../../src/adapters/office/fake';
import { createExcelHost } from '../../src/adapters/office/excelHost';
import { readWorkbookFromExcel } from '../../src/adapters/office/readWorkbook';
import {
  TEMPLATE_MARKER,
  writeTemplateSheets,
} from '../../src/adapters/office/writeTemplateSheets';
import { readWorkbookStream } from '../../src/adapters/xlsx/readWorkbookStream';
import { analyzeWorkbook } from '../../src/domain/analyze';
import { parseAddress } from '../../src/domain/grid';
import {
  prefillTemplate,
  readTemplate,
  SHEET_NAMES,
  type TemplateContent,
} from '../../src/domain/templates';
import { PROBABILITY_LIST } from '../../src/domain/templates/templateModel';
import { excelRun } from './fakeExcelHelpers';

const FIXTURES = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures');
const DRIFT = SHEET_NAMES['uppfoljning-drift'];
const GOALS = SHEET_NAMES.maluppfyllelse;
const RISKS = SHEET_NAMES.internkontrollplan;
const ALL = Object.values(SHEET_NAMES);

async function seed(
  name: string,
): Promise<{ fixture: FakeWorkbookFixture; content: TemplateContent }> {
  const b = readFileSync(join(FIXTURES, `${name}.xlsx`));
  const snapshot = await readWorkbookStream(
    new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    name,
  );
  return {
    fixture: snapshot,
    content: prefillTemplate(analyzeWorkbook(snapshot), { period: 'delår 2025' }),
  };
}

/** One cell of a fake sheet by A1: value, formula, format, locked. */
function at(sheet: FakeSheet | undefined, a1: string) {
  const { row, col } = parseAddress(a1);
  if (!sheet) throw new Error(`no sheet for ${a1}`);
  return {
    value: sheet.value(row - 1, col - 1),
    formula: sheet.formula(row - 1, col - 1),
    format: sheet.format(row - 1, col - 1),
    locked: isLocked(sheet, row - 1, col - 1),
    list: validationAt(sheet, row - 1, col - 1)?.rule?.list.source ?? null,
  };
}

function write(model: FakeWorkbookModel, content: TemplateContent, confirm = true) {
  const asked: string[][] = [];
  return excelRun(model)((ctx) =>
    writeTemplateSheets(ctx, content, (names) => {
      asked.push(names);
      return Promise.resolve(confirm);
    }),
  ).then((outcome) => ({ outcome, asked }));
}

/** The seed's first budget line as its budget table prints it, and its sign convention. */
const FIRST_LINE: Record<string, [label: string, budget: number, costsNegative: boolean]> = {
  'ale-2018': ['Nämnd och administration', 97186, false],
  'ale-2024': ['Centralt socialtjänstförvaltningen', -11507, true],
  'alingsas-2023': ['Verksamhetens intäkter', 16924, true],
  'mark-2024': ['Funktionsstöd', -230.8, true],
  'mellerud-2023': ['Intäkter', -62289, false],
};

describe.each(Object.keys(FIRST_LINE))(
  'templates pre-filled from %s, added to the open workbook',
  (name) => {
    it('holds its lines, budgets, formulas, lists and locks, protected, in 2 syncs (3 beside a user’s sheet), and reads back exactly', async () => {
      const { fixture, content } = await seed(name);
      const model = FakeWorkbookModel.fromFixture(fixture);
      const before = model.sheets.map((s) => s.name);
      const userValues = model.sheets.map((s) => JSON.stringify(s.values));
      // Mellerud has a sheet of its own named Måluppfyllelse: ours goes beside it.
      const taken = ALL.filter((n) => before.includes(n));
      const names = ALL.map((n) => (taken.includes(n) ? `${n} (2)` : n));
      expect(taken).toEqual(name === 'mellerud-2023' ? [GOALS] : []);
      const { outcome, asked } = await write(model, content);
      expect(asked).toEqual([]);
      expect(outcome).toEqual({ written: names, replaced: [], cancelled: false });
      expect(model.stats().syncs).toBe(taken.length > 0 ? 3 : 2);
      expect(model.calculationSuspendedSyncs).toBe(1);
      // The one write sync of a seed's templates: 20–31 KB, far below Excel's 5 MB.
      expect(model.stats().maxRequestBytes).toBeLessThan(40_000);
      expect(model.sheets.map((s) => s.name)).toEqual([...before, ...names, 'NP Mall']);
      expect(model.sheets.slice(0, before.length).map((s) => JSON.stringify(s.values))).toEqual(
        userValues,
      );
      expect(model.sheet('NP Mall')?.visibility).toBe('VeryHidden');

      const drift = model.sheet(DRIFT);
      const [label, budget, negative] = FIRST_LINE[name] ?? ['', 0, false];
      expect(at(drift, 'A4').value).toBe('Verksamhet');
      expect(at(drift, 'A5')).toMatchObject({ value: label, locked: true });
      expect(at(drift, 'B5')).toMatchObject({ value: budget, locked: true });
      expect(at(drift, 'C5').locked).toBe(false);
      // Header bold on blue, the committee's cells light yellow; Verksamhet 36 characters wide.
      expect(drift?.style(3, 0)).toEqual({ bold: true, fill: '#D9E1F2' });
      expect(drift?.style(4, 2)).toEqual({ fill: '#FFF9E5' });
      expect(drift?.columnWidths.get(0)).toBe(192.75);
      expect(at(drift, 'C5').format).toMatch(/^\[\$-41D\]#,##0(\.0)?;-#,##0(\.0)?$/);
      expect(at(drift, 'E5')).toMatchObject({
        formula: negative ? '=IF(OR(B5="",D5=""),"",D5-B5)' : '=IF(OR(B5="",D5=""),"",B5-D5)',
        locked: true,
      });
      expect(at(drift, 'F5').formula).toBe('=IF(OR(E5="",N(B5)=0),"",E5/ABS(B5))');
      expect(at(drift, 'F5').format).toBe('0.0%');
      const sum = 5 + content.drift.length;
      expect(at(drift, `A${sum}`).value).toBe('Summa');
      expect(at(drift, `B${sum}`).formula).toBe(`=SUM(B5:B${sum - 1})`);
      expect(drift?.conditionalFormats.map((c) => [c.type, c.rule, c.fillColor])).toEqual([
        [
          'Custom',
          {
            formula: `=AND(LEN(TRIM(G5))=0,OR(ABS(N(E5))>=${content.thresholds.amount},ABS(N(F5))>=0.05))`,
          },
          '#FFC7CE',
        ],
      ]);
      for (const s of names) expect(protectionOf(model.sheet(s) as FakeSheet).protected).toBe(true);
      expect(model.sheet(DRIFT)?.names.has(TEMPLATE_MARKER.toLowerCase())).toBe(true);

      // Lists where the committee chooses: a goal's Bedömning, every risk's sannolikhet.
      const goals = model.sheet(names[2] ?? GOALS);
      const goalRow = content.goals.findIndex((g) => g.kind === 'goal');
      const indicatorRow = content.goals.findIndex((g) => g.kind === 'indicator');
      if (goalRow >= 0) {
        expect(at(goals, `F${5 + goalRow}`).list).toBe(
          'Helt uppfyllt,I hög grad uppfyllt,Delvis uppfyllt,Ej uppfyllt',
        );
      }
      if (indicatorRow >= 0) expect(at(goals, `F${5 + indicatorRow}`).list).toBeNull();
      expect(at(model.sheet(RISKS), 'C5').list).toBe(PROBABILITY_LIST.join(','));
      expect(at(model.sheet(RISKS), 'E5').formula).toBe(
        '=IF(OR(C5="",D5=""),"",VALUE(LEFT(C5,1))*VALUE(LEFT(D5,1)))',
      );

      // Read back through the Office reader, the template is what it was made of.
      const snapshot = await excelRun(model)((ctx) =>
        readWorkbookFromExcel(ctx, undefined, { merges: false }),
      );
      expect(readTemplate(snapshot)).toEqual(content);
    });
  },
);

describe('below ExcelApi 1.8 (Excel 2019)', () => {
  const globals = globalThis as Record<string, unknown>;
  afterEach(() => {
    for (const k of ['Office', 'Excel', 'OfficeExtension', '__namndplanFakeExcel'])
      delete globals[k];
  });
  it('writes no data validation, but the allowed words as a plain list beside the column', async () => {
    const { fixture, content } = await seed('mark-2024');
    const { model } = installFakeOffice(globalThis, fixture, { apiVersion: 7 });
    const { outcome } = await write(model, content);
    expect(outcome.written).toEqual(ALL);
    const risks = model.sheet(RISKS);
    expect(at(risks, 'C5').list).toBeNull();
    // Internkontrollplan ends in column I; the words stand in K and L from the header row down.
    expect(at(risks, 'K4').value).toBe('Tillåtna värden: Sannolikhet');
    expect([5, 6, 7, 8, 9].map((r) => at(risks, `K${r}`).value)).toEqual(PROBABILITY_LIST);
    expect(at(risks, 'L4').value).toBe('Tillåtna värden: Konsekvens');
    expect(at(risks, 'L9').value).toBe('5 Mycket allvarig');
    const goals = model.sheet(GOALS);
    expect(at(goals, 'I4').value).toBe('Tillåtna värden: Bedömning');
    expect(at(goals, 'I8').value).toBe('Ej uppfyllt');
    expect(String(at(goals, 'A2').value)).toMatch(/Välj bland de tillåtna värdena till höger\.$/);
    expect(protectionOf(risks as FakeSheet).protected).toBe(true);
    expect(model.stats().syncs).toBe(2);
  });
});

describe("a user's sheets and our own earlier templates", () => {
  const userSheet: FakeWorkbookFixture = {
    name: 'Egen.xlsx',
    sheets: [{ name: 'Uppföljning drift', values: [['Vår egen uppföljning', 42]] }],
  };

  it("leaves a user's sheet named Uppföljning drift untouched and writes ours beside it", async () => {
    const model = FakeWorkbookModel.fromFixture(userSheet);
    const content = prefillTemplate(null, { period: 'T1 2025' });
    const { outcome, asked } = await write(model, content);
    expect(asked).toEqual([]);
    expect(outcome.written[0]).toBe('Uppföljning drift (2)');
    const user = model.sheet('Uppföljning drift');
    expect([at(user, 'A1').value, at(user, 'B1').value, at(user, 'A5').value]).toEqual([
      'Vår egen uppföljning',
      42,
      undefined,
    ]);
    expect(protectionOf(user as FakeSheet).protected).toBe(false);
    expect(at(model.sheet('Uppföljning drift (2)'), 'A4').value).toBe('Verksamhet');
    // The marker names the sheet where it went, so the check finds it there.
    expect(at(model.sheet('NP Mall'), 'A2').value).toMatch(
      /^Uppföljning drift \(2\)\|uppfoljning-drift\|/,
    );
    expect(model.stats().syncs).toBe(3);
  });

  it("beside a user's own sheet named NP Mall, the marker goes to NP Mall (2) and is still found", async () => {
    const model = FakeWorkbookModel.fromFixture({
      sheets: [{ name: 'NP Mall', values: [['Anteckningar om mallarna']] }],
    });
    const content = prefillTemplate(null, { period: 'T1 2025' });
    await write(model, content);
    expect(at(model.sheet('NP Mall'), 'A1').value).toBe('Anteckningar om mallarna');
    expect(model.sheet('NP Mall (2)')?.visibility).toBe('VeryHidden');
    const snapshot = await excelRun(model)((ctx) =>
      readWorkbookFromExcel(ctx, undefined, { merges: false }),
    );
    expect(readTemplate(snapshot)).toEqual(content);
  });

  it('asks before rewriting our earlier templates: declined, nothing changes; agreed, rewritten in place', async () => {
    const { fixture, content } = await seed('mark-2024');
    const model = FakeWorkbookModel.fromFixture(fixture);
    await write(model, content);
    const count = model.sheets.length;
    const drift = model.sheet(DRIFT) as FakeSheet;
    drift.setValue(4, 2, -100); // the committee's Utfall in C5

    const declined = await write(model, content, false);
    expect(declined.asked).toEqual([ALL]);
    expect(declined.outcome).toEqual({ written: [], replaced: [], cancelled: true });
    expect(at(drift, 'C5').value).toBe(-100);

    model.resetStats();
    const agreed = await write(model, { ...content, period: 'T2 2025' }, true);
    expect(agreed.outcome).toEqual({ written: ALL, replaced: ALL, cancelled: false });
    expect(model.sheets).toHaveLength(count);
    expect(model.sheet(DRIFT)).toBe(drift); // the same sheet, so references to it still hold
    expect(at(drift, 'C5').value).toBeUndefined();
    expect(at(drift, 'C4').value).toBe('Utfall T2 2025');
    expect(protectionOf(drift).protected).toBe(true);
    expect(model.stats().syncs).toBe(3);
  });
});

describe('the in-memory Excel is as strict about protection and validation as Excel', () => {
  const fixture: FakeWorkbookFixture = { sheets: [{ name: 'Blad1', values: [['a']] }] };

  it('reading protected before a load throws; a protected sheet refuses locked cells and formats', async () => {
    const model = FakeWorkbookModel.fromFixture(fixture);
    await excelRun(model)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blad1');
      const protection = ws.protection;
      expect(() => protection.protected).toThrow(/call the load method/);
      ws.getRange('B2').format.protection.locked = false;
      protection.protect();
      await ctx.sync();
      ws.getRange('B2').values = [[5]]; // unlocked: allowed
      await ctx.sync();
      ws.getRange('A1').values = [['x']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      ws.getRange('B2').numberFormat = [['0']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      ws.protection.protect();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(model.sheet('Blad1')?.value(1, 1)).toBe(5);
    expect(model.sheet('Blad1')?.value(0, 0)).toBe('a');
  });

  it('data validation is ExcelApi 1.8, and a rule over cells with another must be cleared first', async () => {
    const old = FakeWorkbookModel.fromFixture(fixture);
    old.apiVersion = 7;
    await excelRun(old)(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Blad1').getRange('A1:A3');
      expect(() => range.dataValidation).toThrow(/ExcelApi 1\.8/);
      await ctx.sync();
    });
    const model = FakeWorkbookModel.fromFixture(fixture);
    await excelRun(model)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Blad1');
      ws.getRange('A1:A3').dataValidation.rule = {
        list: { inCellDropDown: true, source: 'Ja,Nej' },
      };
      await ctx.sync();
      ws.getRange('A2:A4').dataValidation.rule = { list: { inCellDropDown: true, source: 'X' } };
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      ws.getRange('A2').dataValidation.clear();
      await ctx.sync();
    });
    const sheet = model.sheet('Blad1') as FakeSheet;
    expect([0, 1, 2].map((r) => validationAt(sheet, r, 0)?.rule?.list.source ?? null)).toEqual([
      'Ja,Nej',
      null,
      'Ja,Nej',
    ]);
  });
});

describe('the Excel host writes the templates in two runs, asking in between', () => {
  it('adds them in 3 syncs without a question, and asks before rewriting them', async () => {
    const model = FakeWorkbookModel.fromFixture({ sheets: [{ name: 'Blad1', values: [['x']] }] });
    const host = createExcelHost({ run: excelRun(model) });
    const content = prefillTemplate(null, { period: 'T1 2025' });
    const asked: string[][] = [];
    const confirm = (names: string[]): Promise<boolean> => {
      asked.push(names);
      return Promise.resolve(true);
    };
    expect(await host.writeTemplates?.(content, confirm)).toEqual({
      written: ALL,
      replaced: [],
      cancelled: false,
    });
    // Run 1: the names; run 2: the names again, then every write.
    expect(model.stats().syncs).toBe(3);
    expect(asked).toEqual([]);
    model.resetStats();
    expect((await host.writeTemplates?.(content, confirm))?.replaced).toEqual(ALL);
    expect(asked).toEqual([ALL]);
    // Each run also probes our earlier sheets (markers, protection): 2 + 3.
    expect(model.stats().syncs).toBe(5);
    expect(model.sheets.map((s) => s.name)).toEqual(['Blad1', ...ALL, 'NP Mall']);
  });
});

describe('a filled template checked in Excel', () => {
  it('is read with its formulas, so a typed number is told from a kept formula exactly', async () => {
    const { fixture, content } = await seed('mark-2024');
    const model = FakeWorkbookModel.fromFixture(fixture);
    await write(model, content);
    const drift = model.sheet(DRIFT) as FakeSheet;
    // The committee fills Funktionsstöd and types a number over Avvikelse on the next line.
    drift.setValue(4, 2, -120);
    drift.setValue(4, 3, -230.8);
    drift.setValue(5, 4, 0);
    drift.setFormula(5, 4, undefined);
    const host = createExcelHost({ run: excelRun(model) });
    const snapshot = await host.readWorkbook();
    expect(snapshot.formulas?.get(DRIFT)?.get('E5')).toBe('IF(OR(B5="",D5=""),"",D5-B5)');
    expect(snapshot.formulas?.get(DRIFT)?.has('E6')).toBe(false);
    const template = analyzeWorkbook(snapshot).template;
    const overwritten = template?.gaps.filter((g) => g.kind === 'formula-overwritten');
    // E6 only: the fake computes no formula (E5 shows #NAME?), yet E5 is known to hold its own.
    expect(overwritten?.map((g) => `${g.sheet}!${g.cell}`)).toEqual([`${DRIFT}!E6`]);
  });
});
