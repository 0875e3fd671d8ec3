/** Writing the report sheets into the live workbook, over the in-memory Excel. */
import {
  conditionalFill,
  FakeWorkbookModel,
  rectFromA1,
  type FakeSheet,
} from '../../src/adapters/office/fake';
import { REPORT_MARKER, writeReportSheets } from '../../src/adapters/office/writeReportSheets';
import { planSheetNames } from '../../src/adapters/office/sheetNames';
import { buildReportSheets } from '../../src/domain/standardTables';
import type { ReportSheet } from '../../src/domain/reportSheets';
import { parseAddress } from '../../src/domain/grid';
import { excelRun, SEED_FIXTURE } from './fakeExcelHelpers';
import { seedReport } from '../helpers/seedReport';

const SHEETS = buildReportSheets(seedReport(), { riskThreshold: 12, varianceThresholdPercent: 2 });
const NAMES = ['NP Avvikelser', 'NP Måluppfyllelse', 'NP Internkontroll', 'NP Kontroller'];

function write(
  model: FakeWorkbookModel,
  confirm: boolean | ((names: string[]) => boolean),
  sheets: readonly ReportSheet[] = SHEETS,
) {
  const asked: string[][] = [];
  const run = excelRun(model)((ctx) =>
    writeReportSheets(ctx, sheets, (names) => {
      asked.push(names);
      return Promise.resolve(typeof confirm === 'function' ? confirm(names) : confirm);
    }),
  );
  return run.then((outcome) => ({ outcome, asked }));
}

/** A cell of a fake sheet by A1. */
function at(sheet: FakeSheet | undefined, a1: string) {
  const { row, col } = parseAddress(a1);
  return {
    value: sheet?.value(row - 1, col - 1),
    format: sheet?.format(row - 1, col - 1),
    fill: sheet ? conditionalFill(sheet, row - 1, col - 1) : null,
    style: sheet?.style(row - 1, col - 1),
    link: sheet?.hyperlink(row - 1, col - 1),
  };
}

/** The 1-based row whose first cell is `text`. */
function rowOf(sheet: FakeSheet | undefined, text: string): number {
  // Names are indented under their goal: compare them trimmed.
  for (let r = 0; r < 500; r++) if (String(sheet?.value(r, 0) ?? '').trim() === text) return r + 1;
  throw new Error(`no row ${text}`);
}

describe('writeReportSheets', () => {
  it('writes the four sheets with values, formats, a table, status colours and links, in 2 syncs', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const { outcome, asked } = await write(model, true);
    expect(outcome).toEqual({ written: NAMES, replaced: [], cancelled: false });
    expect(asked).toEqual([]);
    expect(model.sheets.map((s) => s.name)).toEqual([
      'Indikatorer',
      'Ekonomi 2023',
      'Tom',
      ...NAMES,
    ]);
    expect(model.stats().syncs).toBe(2); // names; then everything (no earlier report sheets to check)
    expect(model.calculationSuspendedSyncs).toBe(1);

    const dev = model.sheet('NP Avvikelser');
    expect(at(dev, 'A1')).toMatchObject({ value: SHEETS[0]?.title, style: { bold: true } });
    expect(at(dev, 'A3').value).toBe('Tabell');
    // Row 4 is the source table's title row (bold), its variances follow.
    expect(at(dev, 'A4')).toMatchObject({ style: { bold: true } });
    // Alingsås: Verksamhetens intäkter 16 924 → 17 100 tkr, +176 (1,0 %).
    expect(at(dev, 'G5')).toMatchObject({ value: 176, format: '#,##0' });
    expect(at(dev, 'H5')).toMatchObject({ value: 1, format: '0.0" %"', fill: null });
    // Köp av tjänster −3 824 tkr, −6,7 %: beyond the 2 % threshold.
    expect(at(dev, 'H8').value).toBe(-6.7);
    expect(dev?.styles.get('7,7')).toMatchObject({ fill: '#FFC7CE' });
    // Mark 5.1 Driftbudget in mnkr, one decimal: Intäkter +3,5.
    expect(at(dev, 'G25')).toMatchObject({ value: 3.5, format: '#,##0.0' });
    expect(at(dev, 'K5')).toMatchObject({
      value: 'Ekonomi!C5',
      link: { documentReference: "'Ekonomi'!C5", textToDisplay: 'Ekonomi!C5' },
    });
    expect(dev?.tables).toEqual([
      expect.objectContaining({ rect: rectFromA1('A3:K32'), hasHeaders: true }),
    ]);
    // The marker is there; Excel may ignore `visible = false` (the in-memory Excel does), so
    // nothing may depend on it being hidden.
    expect(dev?.names.get(REPORT_MARKER.toLowerCase())).toMatchObject({ visible: true });

    const goals = model.sheet('NP Måluppfyllelse');
    // Grouped by goal: the KF goal's section first, its committee goal, then the indicators.
    expect(String(at(goals, 'A4').value)).toMatch(/^Fullmäktigemål: 2\. I Alingsås finns/);
    const bistand = rowOf(goals, 'Antal vuxna biståndsmottagare med långvarigt ekonomiskt bistånd');
    expect(bistand).toBeGreaterThan(4);
    // Each status text shows its colour, wherever the engine puts that indicator.
    const statusRow = (text: string): number => {
      for (let r = 3; r < 500; r++) if (goals?.value(r, 6) === text) return r + 1;
      throw new Error(`no status ${text}`);
    };
    expect(at(goals, `G${statusRow('Oklart')}`)).toMatchObject({ format: '@', fill: '#FFEB9C' });
    expect(at(goals, `G${statusRow('Ej uppfyllt')}`)).toMatchObject({ fill: '#FFC7CE' });
    expect(at(goals, `G${statusRow('Uppfyllt')}`)).toMatchObject({ fill: '#C6EFCE' });
    // Mark's vräkningar target `=0` is written as text, not as a formula.
    const evictions = rowOf(goals, 'Antal berörda barn vid vräkningar');
    expect(at(goals, `B${evictions}`)).toMatchObject({ value: '=0', format: '@' });
    expect(at(goals, `G${evictions}`)).toMatchObject({ value: 'Ej uppfyllt', fill: '#FFC7CE' });
    expect(goals?.formulas.size).toBe(0);
    // One rule per status the sheet holds, in the order they first appear: the goals' verdicts
    // (Ej uppfyllt shares its rule with the indicators' status of the same words and colour) and
    // the indicators' statuses; Mark adds följetal without a target and goals not yet judged.
    expect(goals?.conditionalFormats.map((c) => [c.type, c.rule?.['formula1']])).toEqual([
      ['CellValue', '="Ej uppfyllt"'],
      ['CellValue', '="Uppfyllt"'],
      ['CellValue', '="Oklart"'],
      ['CellValue', '="Utfall saknas"'],
      ['CellValue', '="Ej bedömd"'],
      ['CellValue', '="Delvis uppfyllt"'],
      ['CellValue', '="Helt uppfyllt"'],
      ['CellValue', '="Mål saknas"'],
    ]);
    const grey = rowOf(goals, 'Antal personer i LSS-boende'); // a Mark följetal: no target
    expect(at(goals, `G${grey}`)).toMatchObject({ value: 'Mål saknas', fill: '#EDEDED' });

    const checks = model.sheet('NP Kontroller');
    expect(at(checks, 'G4')).toMatchObject({ value: 'Avrundning', fill: '#FFEB9C' });
    expect(model.activeSheet?.name).toBe('NP Avvikelser');
  });

  it('never overwrites a user sheet named like a report sheet: writes NP Avvikelser (2)', async () => {
    const model = FakeWorkbookModel.fromFixture({
      sheets: [
        ...SEED_FIXTURE.sheets,
        { name: 'np avvikelser', values: [['Mina egna siffror', 1]] },
      ],
    });
    const { outcome, asked } = await write(model, true);
    expect(outcome.written[0]).toBe('NP Avvikelser (2)');
    expect(asked).toEqual([]);
    const mine = model.sheet('np avvikelser');
    expect(mine?.value(0, 0)).toBe('Mina egna siffror');
    expect(mine?.tables).toEqual([]);
    expect(model.sheet('NP Avvikelser (2)')?.value(4, 6)).toBe(176);
  });

  it('a second run with confirm=false changes nothing', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    await write(model, true);
    const before = JSON.stringify(model.sheets);
    const { outcome, asked } = await write(model, false);
    expect(asked).toEqual([NAMES]);
    expect(outcome).toEqual({ written: [], replaced: [], cancelled: true });
    expect(JSON.stringify(model.sheets)).toBe(before);
  });

  it('a second run with confirm=true replaces only our sheets, and leaves the user sheet alone', async () => {
    const model = FakeWorkbookModel.fromFixture({
      sheets: [...SEED_FIXTURE.sheets, { name: 'NP Avvikelser', values: [['Användarens blad']] }],
    });
    await write(model, true);
    expect(model.sheet('NP Avvikelser (2)')).toBeDefined();
    model.resetStats();
    const changed = SHEETS.map((s) =>
      s.name === 'NP Måluppfyllelse' ? { ...s, rows: s.rows.slice(0, 1) } : s,
    );
    const { outcome, asked } = await write(model, true, changed);
    expect(asked).toEqual([
      ['NP Avvikelser (2)', 'NP Måluppfyllelse', 'NP Internkontroll', 'NP Kontroller'],
    ]);
    expect(outcome.replaced).toEqual(asked[0]);
    expect(model.sheets.map((s) => s.name).sort()).toEqual(
      [
        'Indikatorer',
        'Ekonomi 2023',
        'Tom',
        'NP Avvikelser',
        'NP Avvikelser (2)',
        'NP Måluppfyllelse',
        'NP Internkontroll',
        'NP Kontroller',
      ].sort(),
    );
    expect(model.sheet('NP Avvikelser')?.value(0, 0)).toBe('Användarens blad');
    expect(model.sheet('NP Måluppfyllelse')?.value(4, 0)).toBeUndefined(); // the old second row is gone
    expect(model.sheet('NP Måluppfyllelse')?.tables).toHaveLength(1);
    expect(model.stats().syncs).toBe(3); // names, markers, writes
  });

  it('splits a report larger than one sync budget into row blocks, no request near 5 MB', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const base = SHEETS[1] as ReportSheet;
    const row = base.rows[0];
    if (!row) throw new Error('fixture');
    const big: ReportSheet = {
      ...base,
      rows: Array.from({ length: 40_000 }, (_, i) => ({
        ...row,
        values: row.values.map((v, c) => (c === 0 ? `Indikator ${i}` : v)),
      })),
    };
    const { outcome } = await write(model, true, [big]);
    expect(outcome.written).toEqual(['NP Måluppfyllelse']);
    const stats = model.stats();
    expect(stats.maxRequestBytes).toBeLessThan(4_200_000);
    expect(stats.syncs).toBeGreaterThan(2);
    expect(model.calculationSuspendedSyncs).toBe(stats.syncs - 1);
    expect(model.sheet('NP Måluppfyllelse')?.value(40_002, 0)).toBe('Indikator 39999');
  });
});

describe('writeReportSheets at 100 000 lines (issue 13: no spread of unbounded arrays)', () => {
  it('writes a 100 000-line report through the in-memory Excel, every sync under 5 MB', async () => {
    // 100 000 variance lines: the report of a 100 000-line budget (the bench's size). Writing it
    // crashed with "Maximum call stack size exceeded" from `ops.push(...sheetOps(...))`.
    const seed = seedReport();
    const template = seed.variances[0];
    if (!template) throw new Error('fixture');
    // Every other line unfavourable beyond the threshold: a red fill each, besides its link, so
    // one sheet takes ~150 000 operations (more than a spread's arguments fit on the stack).
    const variances = Array.from({ length: 100_000 }, (_, i) => ({
      ...template,
      row: i + 5,
      cell: `C${i + 5}`,
      label: `Verksamhet ${i + 1}`,
      variance: i % 2 === 0 ? 50 : -50,
      variancePercent: i % 2 === 0 ? 5 : -5,
    }));
    const sheets = buildReportSheets(
      { ...seed, variances },
      { riskThreshold: 12, varianceThresholdPercent: 1 },
    );
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    const { outcome } = await write(model, true, sheets);
    expect(outcome.written).toEqual(NAMES);
    const dev = model.sheet('NP Avvikelser');
    const last = dev?.usedRect(true);
    expect(last?.bottom).toBeGreaterThanOrEqual(100_000 + 2);
    // The last line is there with its link back to the source.
    const bottom = (last?.bottom ?? 0) + 1;
    expect(at(dev, `A${bottom}`).value).toBeDefined();
    expect(dev?.hyperlinks.size).toBeGreaterThanOrEqual(100_000);
    let red = 0;
    for (const style of dev?.styles.values() ?? []) if (style.fill === '#FFC7CE') red += 1;
    expect(red).toBe(50_000);
    const stats = model.stats();
    expect(stats.maxRequestBytes).toBeLessThan(4_200_000);
    expect(stats.syncs).toBeGreaterThan(3);
  }, 120_000);
});

describe('rewriting earlier report sheets in place', () => {
  it('clears and rewrites them: the same sheets, no old content, one table, a user formula keeps its reference', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    await write(model, true);
    const before = model.sheets.map((s) => s.id);
    // A user's summary that points at the report, and a leftover of their own on the report sheet.
    const tom = model.sheet('Tom');
    tom?.setValue(0, 0, '#NAME?');
    tom?.setFormula(0, 0, "='NP Avvikelser'!G5");
    model.sheet('NP Avvikelser')?.setValue(499, 20, 'kvarglömt');
    const shorter = SHEETS.map((s) => ({ ...s, rows: s.rows.slice(0, 2) }));
    const { outcome } = await write(model, true, shorter);
    expect(outcome.replaced).toEqual(NAMES);
    expect(model.sheets.map((s) => s.id)).toEqual(before); // not deleted and added again
    expect(tom?.formula(0, 0)).toBe("='NP Avvikelser'!G5"); // no #REF!
    const dev = model.sheet('NP Avvikelser');
    expect(dev?.value(499, 20)).toBeUndefined();
    expect(dev?.value(5, 0)).toBeUndefined(); // only two rows now: title, empty, header, 2 rows
    expect(dev?.tables).toHaveLength(1);
    for (const name of NAMES) {
      const sheet = model.sheet(name);
      // Every conditional format and link is the new report's: within its rows.
      const lastRow = sheet?.usedRect(true)?.bottom ?? 0;
      for (const cf of sheet?.conditionalFormats ?? [])
        expect(cf.rect.bottom).toBeLessThanOrEqual(lastRow);
    }
  });

  it('a report sheet the user made VeryHidden is made Hidden and rewritten, not failed on', async () => {
    const model = FakeWorkbookModel.fromFixture(SEED_FIXTURE);
    await write(model, true);
    const goals = model.sheet('NP Måluppfyllelse');
    const dev = model.sheet('NP Avvikelser');
    if (!goals || !dev) throw new Error('fixture');
    goals.visibility = 'VeryHidden';
    dev.visibility = 'Hidden';
    model.activeSheet = model.sheet('Indikatorer') ?? null;
    const { outcome } = await write(model, true);
    expect(outcome.cancelled).toBe(false);
    expect(goals.visibility).toBe('Hidden');
    expect(dev.visibility).toBe('Hidden'); // the user hid it: it stays hidden
    expect(goals.tables).toHaveLength(1);
    // The first report sheet the user can see comes to the front.
    expect(model.activeSheet?.name).toBe('NP Internkontroll');
  });
});

describe('planSheetNames', () => {
  it('keeps within 31 characters and skips names the user holds', () => {
    const long = 'NP Ett mycket långt bladnamn som';
    expect(
      planSheetNames(
        [long, 'NP A'],
        [
          { name: long.slice(0, 31), ours: false },
          { name: 'NP A', ours: true },
        ],
      ),
    ).toEqual([
      { name: 'NP Ett mycket långt bladnam (2)', replaces: false },
      { name: 'NP A', replaces: true },
    ]);
  });
});
