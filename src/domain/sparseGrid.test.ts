/**
 * Issue 12 item 3: the engine reads a sparse snapshot (ragged rows, one shared empty row, a far
 * cell's row a sparse array) exactly as the dense rectangle of the same cells, and finds tables
 * from the filled cells, so a stray value at the sheet's far corner changes nothing else.
 */
import { analyzeWorkbook } from './analyze';
import type { CellValue, SheetSnapshot } from './grid';
import { MergedAreas } from './mergedAreas';
import { SheetGrid } from './sheetGrid';
import { detectTables } from './tables';
import { ale2018Ekonomi, ALE_2018_MERGES } from './testing/ale2018Ekonomi';
import { sheetOf, workbookOf } from './testing/grids';

/** Seed 001 (Ale 2018), Ekonomi: two tables, three blank rows between, a merged two-row header. */
const ALE_ROWS = ale2018Ekonomi(3);
const MERGES = ALE_2018_MERGES;

/** Every row padded with nulls to the widest: the rectangle the readers used to make. */
function dense(rows: CellValue[][]): SheetSnapshot {
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const padded = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return sheetOf('Ekonomi', padded, { merges: MERGES });
}

const SHARED_EMPTY: readonly never[] = Object.freeze([]);

/**
 * The same cells sparse: each row cut after its last value, empty rows one shared array, row 16
 * (`e-hälsa`) a sparse array 300 long (walked by its entries), and `far` cells further out, each on a row of
 * its own below the last, with shared empty rows between.
 */
function sparse(rows: CellValue[][], far: { row: number; col: number }[] = []): SheetSnapshot {
  const values: (readonly CellValue[])[] = rows.map((r) => {
    let end = r.length;
    while (end > 0 && r[end - 1] === null) end--;
    return end === 0 ? SHARED_EMPTY : r.slice(0, end);
  });
  const eHalsa = values[15];
  if (eHalsa) {
    const holey: CellValue[] = [...eHalsa];
    holey.length = 300; // holes, not nulls, after its last figure
    values[15] = holey;
  }
  for (const cell of far) {
    while (values.length < cell.row - 1) values.push(SHARED_EMPTY);
    const row: CellValue[] = [];
    row[cell.col - 1] = 7;
    values.push(row);
  }
  const formats = values.map((r): readonly (string | null)[] =>
    r.length === 0 ? [] : r.map(() => 'General'),
  );
  return { name: 'Ekonomi', origin: { row: 1, col: 1 }, values, formats, merges: MERGES };
}

describe('a sparse snapshot analyses like a dense one', () => {
  const denseReport = analyzeWorkbook(workbookOf(dense(ALE_ROWS)));

  test('ragged rows, a shared empty row and a sparse row give the dense report', () => {
    expect(denseReport.variances.map((v) => [v.label, v.variance]).slice(-4)).toEqual([
      ['Nytt äldreboende Älvängen', -1787],
      ['Nya boenden funktionshinder, inventarier', 0],
      ['e-hälsa', 500],
      ['Årsanslag OAN', 0],
    ]);
    expect(analyzeWorkbook(workbookOf(sparse(ALE_ROWS)))).toEqual(denseReport);
  });

  test('a stray value in XFD1048576 is one more table; the variances and checks stay', () => {
    const report = analyzeWorkbook(workbookOf(sparse(ALE_ROWS, [{ row: 1_048_576, col: 16_384 }])));
    expect(report.variances).toEqual(denseReport.variances);
    expect(report.checks).toEqual(denseReport.checks);
    expect(report.problems).toEqual(denseReport.problems);
    expect(report.tables.map((t) => t.range)).toEqual([
      ...denseReport.tables.map((t) => t.range),
      'XFD1048576:XFD1048576',
    ]);
  });

  test('a label in A and a figure in XFD make a table of two columns, not 16 384', () => {
    const wide = sparse([], [{ row: 1, col: 16_384 }]);
    const row = [...(wide.values[0] ?? [])];
    row[0] = 'Äldreomsorg';
    const grid = new SheetGrid({ ...wide, values: [row], formats: [[]] });
    expect(grid.filledColumns(1)).toEqual([1, 16_384]);
    const [table] = detectTables(grid);
    expect(table?.labelCol).toBe(1);
    expect(table?.columns.map((c) => c.col)).toEqual([16_384]);
    const report = analyzeWorkbook(workbookOf({ ...wide, values: [row] }));
    expect(report.tables.map((t) => t.range)).toEqual(['A1:XFD1']);
  });

  test('empty rows are stepped over: the next filled row is found at once', () => {
    const grid = new SheetGrid(sparse(ALE_ROWS, [{ row: 1_048_576, col: 1 }]));
    expect(grid.nextFilledRow(10)).toBe(13);
    expect(grid.nextFilledRow(19)).toBe(1_048_576);
    expect(grid.nextFilledRow(1_048_577)).toBe(1_048_577);
  });
});

describe('merged areas are found from any of their cells, filed by blocks of cells', () => {
  // O15:R18 crosses the 16-row and 16-column block edges; A1:A300 is too large to matter.
  const areas = new MergedAreas(['B3:C3', 'O15:R18', 'A1:A300', 'P16:Q16']);

  test('a tail cell names its area’s top-left cell; the top-left cell itself none', () => {
    expect(areas.owner(3, 3)).toEqual({ row: 3, col: 2 });
    expect(areas.owner(3, 2)).toBeNull();
    expect(areas.owner(18, 18)).toEqual({ row: 15, col: 15 });
    expect(areas.owner(17, 16)).toEqual({ row: 15, col: 15 });
    expect(areas.owner(19, 18)).toBeNull();
  });

  test('an area of more than 200 cells is not indexed (a merged page carries no header)', () => {
    expect(areas.owner(2, 1)).toBeNull();
  });

  test('where areas overlap (no Excel file has them), the last listed wins, as before', () => {
    expect(areas.owner(16, 17)).toEqual({ row: 16, col: 16 });
    expect(areas.owner(16, 16)).toEqual({ row: 15, col: 15 });
  });
});
