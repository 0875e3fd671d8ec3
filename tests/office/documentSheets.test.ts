/**
 * The document tables as report sheets in the live workbook: seed workbooks loaded into the
 * in-memory Excel, analysed and written through `createExcelHost`, then read back through the
 * Office.js API (`load` + `sync`) as a controller would look at them: the seed's own figures, bold
 * totals, titles naming committee, period and unit, Swedish number formats, the risk matrix's
 * zones with the risks' numbers in the right cells, and the syncs it took.
 */
import { join } from 'node:path';
import {
  createFakeRun,
  FakeWorkbookModel,
  pageSetupOf,
  type FakeSheet,
} from '../../src/adapters/office/fake';
import { createExcelHost } from '../../src/adapters/office/excelHost';
import { readWorkbook } from '../../src/adapters/xlsx/readWorkbook';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { writeReportWorkbook } from '../../src/adapters/xlsx/writeReportWorkbook';
import { analyzeWorkbook } from '../../src/domain/analyze';
import { parseAddress } from '../../src/domain/grid';
import { buildDocumentTables } from '../../src/domain/output/documentTables';
import { reportWorkbookSheets } from '../../src/domain/output/reportWorkbookSheets';
import type { WriteOutcome } from '../../src/taskpane/host';
import { layoutDocumentSheet } from '../../src/adapters/office/documentLayout';
import { excelRun } from './fakeExcelHelpers';

const FIXTURES = join(__dirname, '..', 'fixtures');
const OPTIONS = { riskThreshold: 12, varianceThresholdPercent: 1 };

interface Written {
  model: FakeWorkbookModel;
  outcome: WriteOutcome;
  /** The CLI's sheets for the same workbook, in the CLI's order (`--out`). */
  cliNames: string[];
  /** What writing took: syncs, the largest request, syncs with calculation suspended. */
  cost: { syncs: number; maxRequestBytes: number; suspended: number };
}

/** A seed fixture in the in-memory Excel, read and analysed by the pane's host, and written. */
async function writeSeed(name: string): Promise<Written> {
  const snapshot = await readWorkbookFile(join(FIXTURES, `${name}.xlsx`));
  const model = FakeWorkbookModel.fromFixture(snapshot);
  const host = createExcelHost({ run: excelRun(model), reportOptions: () => OPTIONS });
  const read = await host.readWorkbook();
  const report = analyzeWorkbook(read, { riskThreshold: 12 });
  model.resetStats();
  const outcome = await host.writeReport(report, () => Promise.resolve(true));
  const cost = { ...model.stats(), suspended: model.calculationSuspendedSyncs };
  const documents = buildDocumentTables(snapshot, report, { riskThreshold: 12 });
  const cliNames = reportWorkbookSheets(report, documents, OPTIONS).map((s) => s.name);
  return { model, outcome, cliNames, cost };
}

/** What Office.js says of a range after `load` + `sync`. */
async function look(model: FakeWorkbookModel, sheet: string, a1: string) {
  const run = createFakeRun(model);
  return run(async (ctx) => {
    const range = ctx.workbook.worksheets.getItem(sheet).getRange(a1);
    range.load('values,numberFormat');
    const { format } = range;
    format.load('rowHeight,columnWidth,wrapText,indentLevel,horizontalAlignment');
    format.font.load('bold,italic,name,size,color');
    format.fill.load('color');
    const top = format.borders.getItem('EdgeTop').load('style,color');
    const bottom = format.borders.getItem('EdgeBottom').load('style');
    await ctx.sync();
    return {
      values: range.values,
      numberFormat: range.numberFormat,
      bold: format.font.bold,
      italic: format.font.italic,
      font: format.font.name,
      size: format.font.size,
      fontColor: format.font.color,
      fill: format.fill.color,
      wrap: format.wrapText,
      indent: format.indentLevel,
      horizontal: format.horizontalAlignment,
      rowHeight: format.rowHeight,
      columnWidth: format.columnWidth,
      top: top.style,
      topColor: top.color,
      bottom: bottom.style,
    };
  });
}

/** The 1-based row of `sheet` whose first cell reads `label` (leading spaces aside). */
function rowOf(sheet: FakeSheet | undefined, label: string, from = 0): number {
  for (let r = from; r < 500; r++)
    if (String(sheet?.value(r, 0) ?? '').trim() === label) return r + 1;
  throw new Error(`No row ${label} on ${sheet?.name}`);
}

const value = (sheet: FakeSheet | undefined, a1: string): unknown => {
  const { row, col } = parseAddress(a1);
  return sheet?.value(row - 1, col - 1);
};

describe('document tables written into Excel (issue 9: the pane writes what --out writes)', () => {
  let ale: Written;
  let mark: Written;
  beforeAll(async () => {
    ale = await writeSeed('ale-2024');
    mark = await writeSeed('mark-2024');
  });

  it('writes the document tables first, then the audit sheets: the CLI’s sheets in its order', () => {
    expect(ale.outcome.written).toEqual(ale.cliNames);
    expect(ale.outcome.written.slice(0, 2)).toEqual([
      'NP Driftredovisning',
      'NP Investeringsredovisning',
    ]);
    expect(ale.outcome.written).toContain('NP Avvikelser');
    expect(mark.outcome.written).toEqual(mark.cliNames);
    expect(mark.outcome.written.indexOf('NP Riskmatris')).toBeLessThan(
      mark.outcome.written.indexOf('NP Avvikelser'),
    );
  });

  it('Ale 2024: the title names committee, period and unit; headers name the columns; Totalt −7 000 tkr', async () => {
    const sheet = ale.model.sheet('NP Driftredovisning');
    expect(value(sheet, 'A1')).toBe('Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)');
    const header = await look(ale.model, 'NP Driftredovisning', 'A2:E2');
    expect(header.values).toEqual([
      ['Besluts/verksamhetsområden', 'Budget 2023', 'Prognos 2023', 'Avvikelse', 'Avvikelse %'],
    ]);
    expect(header.bold).toBe(true);
    expect(header.fill).toBe('#D9E1F2');
    const r = rowOf(sheet, 'Totalt');
    const total = await look(ale.model, 'NP Driftredovisning', `A${r}:E${r}`);
    // The seed's own figures: budget −683 434, prognos −690 434, underskott −7 000 (−1,0 %).
    expect(total.values).toEqual([['Totalt', -683434, -690434, -7000, -1]]);
    expect(total.numberFormat[0]?.slice(1)).toEqual([
      '[$-41D]#,##0;-#,##0',
      '[$-41D]#,##0;-#,##0',
      '[$-41D]#,##0;-#,##0',
      '[$-41D]0.0" %";-0.0" %"',
    ]);
    // A total is bold, ruled above and double below; a line is not bold.
    expect([total.bold, total.top, total.bottom]).toEqual([true, 'Continuous', 'Double']);
    const line = rowOf(sheet, 'Funktionsstöd');
    expect((await look(ale.model, 'NP Driftredovisning', `A${line}:E${line}`)).bold).toBe(false);
    expect(value(sheet, `D${line}`)).toBe(-7740);
    // Lines in the source's order, the total last.
    expect(rowOf(sheet, 'Centralt socialtjänstförvaltningen')).toBe(3);
    expect(r).toBe(rowOf(sheet, 'Äldreomsorg') + 1);
  });

  it('sets a font on every written cell, column widths, wrapped text columns and a note row that fits', async () => {
    const sheet = ale.model.sheet('NP Driftredovisning');
    const used = sheet?.usedRect(true);
    const all = await look(ale.model, 'NP Driftredovisning', `A1:E${(used?.bottom ?? 0) + 1}`);
    expect(all.font).toBe('Calibri');
    expect(all.size).toBeNull(); // mixed: the title is 13 points, the rest 11
    expect((await look(ale.model, 'NP Driftredovisning', 'A1')).size).toBe(13);
    expect((await look(ale.model, 'NP Driftredovisning', 'B3')).size).toBe(11);
    // Width 36 characters for the names, as the report workbook's column.
    expect((await look(ale.model, 'NP Driftredovisning', 'A1')).columnWidth).toBe(
      Math.round(36 * 5.6 + 5),
    );
    expect((await look(ale.model, 'NP Driftredovisning', 'A3:A8')).wrap).toBe(true);
    const note = rowOf(sheet, 'Positiv avvikelse = överskott mot budget, negativ = underskott.');
    const n = await look(ale.model, 'NP Driftredovisning', `A${note}`);
    expect([n.italic, n.wrap, n.size]).toEqual([true, true, 10]);
    expect(sheet?.merges).toContainEqual({ top: note - 1, bottom: note - 1, left: 0, right: 4 });
    expect(n.rowHeight).toBeGreaterThanOrEqual(15);
  });

  it('no Excel table or filter on a document sheet; the audit sheets keep theirs', () => {
    expect(ale.model.sheet('NP Driftredovisning')?.tables).toHaveLength(0);
    expect(ale.model.sheet('NP Avvikelser')?.tables).toHaveLength(1);
  });

  it('page setup (ExcelApi 1.9): A4, one page wide, the title in the header, page numbers, header row repeated', () => {
    const setup = pageSetupOf(ale.model.sheet('NP Driftredovisning') as FakeSheet);
    expect(setup).toMatchObject({
      orientation: 'Portrait',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$2:$2',
      frozenRows: 2,
    });
    expect(setup.headersFooters.leftHeader).toBe(
      '&"Calibri,Bold"Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)',
    );
    expect(setup.headersFooters.rightFooter).toBe('Sida &P av &N');
    // The matrix is 6 columns of 13–22 characters; the internkontrollplan is wider: lying down.
    expect(pageSetupOf(mark.model.sheet('NP Internkontrollplan') as FakeSheet).orientation).toBe(
      'Landscape',
    );
  });

  it('Mark 2024: the 5×5 matrix has the risks’ numbers in their cells and zone fills by riskvärde', async () => {
    const sheet = mark.model.sheet('NP Riskmatris');
    const possible = rowOf(sheet, '3 Möjlig');
    // Risk 1 is sannolikhet 3 × konsekvens 3 (Kännbar, column D); risks 3, 4, 5 are 3 × 4 (E).
    expect(value(sheet, `D${possible}`)).toBe('1');
    expect(value(sheet, `E${possible}`)).toBe('3, 4, 5');
    expect(value(sheet, `C${rowOf(sheet, '2 Mindre sannolik')}`)).toBe('2');
    const d = await look(mark.model, 'NP Riskmatris', `D${possible}`); // riskvärde 9: yellow
    const e = await look(mark.model, 'NP Riskmatris', `E${possible}`); // 12: orange
    const f = await look(mark.model, 'NP Riskmatris', `F${possible}`); // 15: red
    const b = await look(mark.model, 'NP Riskmatris', `B${possible}`); // 3: green
    expect([b.fill, d.fill, e.fill, f.fill]).toEqual(['#A9D08E', '#FFE699', '#F4B183', '#FF7C80']);
    expect([e.horizontal, e.topColor]).toEqual(['Center', '#FFFFFF']);
    // Near-square cells: three lines high.
    expect(e.rowHeight).toBe(45);
    const plan = mark.model.sheet('NP Internkontrollplan');
    const risk3 = rowOf(plan, '3');
    expect(value(plan, `F${risk3}`)).toBe(12);
    expect((await look(mark.model, 'NP Internkontrollplan', `F${risk3}`)).fill).toBe('#F4B183');
  });

  it('Mark 2024: goals bold with their verdict colours, indicators indented under them', async () => {
    const sheet = mark.model.sheet('NP Mål och indikatorer');
    const goal = rowOf(sheet, 'Nämndens mål: Bästa barnkommun');
    const g = await look(mark.model, 'NP Mål och indikatorer', `A${goal}`);
    expect([g.bold, g.indent]).toEqual([true, 1]);
    expect(value(sheet, `E${goal}`)).toBe('Delvis uppfyllt – 1 av 3 uppfyllda');
    expect((await look(mark.model, 'NP Mål och indikatorer', `E${goal}`)).fill).toBe('#FFEB9C');
    const child = rowOf(sheet, 'Antal berörda barn vid vräkningar');
    const c = await look(mark.model, 'NP Mål och indikatorer', `A${child}:E${child}`);
    expect(c.values).toEqual([
      ['Antal berörda barn vid vräkningar', '=0 (2023)', 3, 'Prognos 2023', 'Ej uppfyllt'],
    ]);
    expect((await look(mark.model, 'NP Mål och indikatorer', `A${child}`)).indent).toBe(2);
    expect((await look(mark.model, 'NP Mål och indikatorer', `E${child}`)).fill).toBe('#FFC7CE');
    // '=0 (2023)' stays a text: written into an `@` cell, never a formula.
    expect(mark.model.sheet('NP Mål och indikatorer')?.formula(child - 1, 1)).toBeUndefined();
  });

  it('takes 3 syncs: the names in each run and ONE write, calculation suspended in it', () => {
    expect([ale.cost.syncs, ale.cost.suspended]).toEqual([3, 1]);
    expect([mark.cost.syncs, mark.cost.suspended]).toEqual([3, 1]);
    expect(mark.cost.maxRequestBytes).toBeLessThan(4_200_000);
  });
});

describe('the next analysis and the next write', () => {
  it('a re-read leaves our report sheets out (their tables are not found twice), a user’s NP sheet in', async () => {
    const snapshot = await readWorkbookFile(join(FIXTURES, 'ale-2024.xlsx'));
    const model = FakeWorkbookModel.fromFixture({
      sheets: [...snapshot.sheets, { name: 'NP Budget', values: [['Egen', 1]] }],
    });
    const host = createExcelHost({ run: excelRun(model), reportOptions: () => OPTIONS });
    const first = analyzeWorkbook(await host.readWorkbook(), { riskThreshold: 12 });
    await host.writeReport(first, () => Promise.resolve(true));
    const again = await host.readWorkbook();
    expect(again.sheets.map((s) => s.name)).toEqual([
      ...snapshot.sheets.map((s) => s.name),
      'NP Budget',
    ]);
    const second = analyzeWorkbook(again, { riskThreshold: 12 });
    expect(second.variances).toHaveLength(first.variances.length);
  });

  it('rewrites the document sheets in place after the user agreed: same figures, one merge per note', async () => {
    const snapshot = await readWorkbookFile(join(FIXTURES, 'ale-2024.xlsx'));
    const model = FakeWorkbookModel.fromFixture(snapshot);
    const host = createExcelHost({ run: excelRun(model), reportOptions: () => OPTIONS });
    const report = analyzeWorkbook(await host.readWorkbook(), { riskThreshold: 12 });
    await host.writeReport(report, () => Promise.resolve(true));
    const id = model.sheet('NP Driftredovisning')?.id;
    const asked: string[][] = [];
    const second = await host.writeReport(report, (names) => {
      asked.push(names);
      return Promise.resolve(true);
    });
    expect(asked[0]?.slice(0, 2)).toEqual(['NP Driftredovisning', 'NP Investeringsredovisning']);
    expect(second.replaced).toEqual(second.written);
    const sheet = model.sheet('NP Driftredovisning');
    expect(sheet?.id).toBe(id);
    expect(sheet?.merges).toHaveLength(1);
    expect(value(sheet, `D${rowOf(sheet, 'Totalt')}`)).toBe(-7000);
  });
});

describe('below ExcelApi 1.9 (Excel 2019)', () => {
  /** Runs `f` with an `Office` global whose host supports ExcelApi up to 1.`minor`. */
  async function withExcelApi<T>(minor: number, f: () => Promise<T>): Promise<T> {
    const g = globalThis as { Office?: unknown };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) =>
            set === 'ExcelApi' && Number(version.split('.')[1]) <= minor,
        },
      },
    };
    try {
      return await f();
    } finally {
      delete g.Office;
    }
  }

  it('writes the same tables without page setup, indents as spaces, and no call the host lacks', async () => {
    const snapshot = await readWorkbookFile(join(FIXTURES, 'mark-2024.xlsx'));
    const model = FakeWorkbookModel.fromFixture(snapshot);
    model.apiVersion = 8;
    const host = createExcelHost({ run: excelRun(model), reportOptions: () => OPTIONS });
    const outcome = await withExcelApi(8, async () => {
      const report = analyzeWorkbook(await host.readWorkbook(), { riskThreshold: 12 });
      return host.writeReport(report, () => Promise.resolve(true));
    });
    expect(outcome.written).toContain('NP Riskmatris');
    const sheet = model.sheet('NP Mål och indikatorer');
    const child = rowOf(sheet, 'Antal berörda barn vid vräkningar');
    expect(value(sheet, `A${child}`)).toBe('    Antal berörda barn vid vräkningar');
    const setup = pageSetupOf(sheet as FakeSheet);
    expect([setup.paperSize, setup.headersFooters.leftHeader, setup.frozenRows]).toEqual([
      'Letter',
      '',
      2,
    ]);
    // The matrix is there with its zones all the same.
    const matrix = model.sheet('NP Riskmatris');
    const possible = rowOf(matrix, '3 Möjlig');
    expect(matrix?.style(possible - 1, 4).fill).toBe('#F4B183');
  });
});

describe('layoutDocumentSheet', () => {
  it('a table’s operations grow with its runs of structure, not with its rows: 2 000 lines, one total', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => ({
      values: [`Verksamhet ${i + 1}`, -1000, -1100, -100, -10] as (string | number)[],
      decimals: { 4: 1 },
    }));
    const sheet = {
      name: 'NP Driftredovisning',
      title: 'Driftredovisning nämnden, bokslut 2023 (tkr)',
      layout: 'document' as const,
      columns: [
        { header: 'Verksamhet', role: 'text' as const, width: 30 },
        { header: 'Budget 2023', role: 'amount' as const, width: 13 },
        { header: 'Utfall 2023', role: 'amount' as const, width: 13 },
        { header: 'Avvikelse', role: 'amount' as const, width: 12 },
        { header: 'Avvikelse %', role: 'amount' as const, width: 12 },
      ],
      rows: [...lines, { values: ['Totalt', -2e6, -2.2e6, -2e5, -10], emphasis: 'total' as const }],
      notes: ['Positiv avvikelse = överskott mot budget, negativ = underskott.'],
    };
    const layout = layoutDocumentSheet(sheet, { indentLevels: true });
    expect(layout.values).toHaveLength(2 + 2001 + 2);
    expect(layout.values[2002]).toEqual(['Totalt', -2e6, -2.2e6, -2e5, -10]);
    expect(layout.formats[3]?.[4]).toBe('[$-41D]#,##0.0;-#,##0.0');
    expect(layout.styles.length).toBeLessThan(12);
    expect(layout.heights.length).toBeLessThan(6);
    expect(layout.styles).toContainEqual({
      range: 'A2003:E2003',
      style: { top: 'Continuous', bottom: 'Double' },
    });
  });
});

describe('the pane’s document sheets and the CLI’s --out, cell for cell', () => {
  it.each(['ale-2018', 'ale-2024', 'alingsas-2023', 'mark-2024', 'mellerud-2023'])(
    '%s: every document sheet holds the same values and number formats in the same cells',
    async (name) => {
      const snapshot = await readWorkbookFile(join(FIXTURES, `${name}.xlsx`));
      const report = analyzeWorkbook(snapshot, { riskThreshold: 12 });
      const sheets = reportWorkbookSheets(
        report,
        buildDocumentTables(snapshot, report, { riskThreshold: 12 }),
        OPTIONS,
      );
      const out = readWorkbook(await writeReportWorkbook(sheets), 'rapport.xlsx');
      const { model } = await writeSeed(name);
      const documents = sheets.filter((s) => s.layout === 'document');
      expect(documents.length).toBeGreaterThan(0);
      for (const doc of documents) {
        const cli = out.sheets.find((s) => s.name === doc.name);
        const pane = model.sheet(doc.name);
        const rows = cli?.values.length ?? 0;
        expect([doc.name, pane?.usedRect(true)?.bottom]).toEqual([doc.name, rows - 1]);
        for (let r = 0; r < rows; r++) {
          const width = Math.max(cli?.values[r]?.length ?? 0, doc.columns.length);
          for (let c = 0; c < width; c++) {
            const want = cli?.values[r]?.[c] ?? null;
            const got = pane?.value(r, c) ?? null;
            expect([doc.name, r + 1, c + 1, got]).toEqual([doc.name, r + 1, c + 1, want]);
            if (typeof want === 'number') {
              const format = cli?.formats[r]?.[c];
              expect([doc.name, r + 1, c + 1, pane?.format(r, c)]).toEqual([
                doc.name,
                r + 1,
                c + 1,
                format,
              ]);
            }
          }
        }
      }
    },
  );
});
