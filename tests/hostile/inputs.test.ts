/**
 * The hostile-input suite (issue 12): broken and hostile workbooks, generated at run time (the big
 * ones as sparse files or repeated deflate blocks, so they cost milliseconds to make), each run
 * through the built command with `--json` and `--out`. For every case: the exit status, one line
 * on standard error (none on success) and no stack trace, time and peak memory within bounds, the
 * input byte-identical afterwards, no output created on failure, and on success a JSON report and a
 * report workbook Excel would open without repair.
 *
 * `NP_HOSTILE_REPORT=1` prints each case's time and memory at the end.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { millionEmptyRowsXlsx } from '../cli/helpers/rawXlsx';
import { farColumn, manyMergedAreas, twoFarCells, withStrayCell } from './helpers/farCells';
import {
  budgetRows,
  chattyOds,
  cutOffWorkbookXml,
  damagedDeflate,
  damagedSharedStrings,
  hostileTexts,
  hugeNumbers,
  longTitle,
  malformedSheet,
  overlappingEntries,
  sharedStringOutOfRange,
  sharedStringsBomb,
  sheetBomb,
  twoSheets,
  withinByteBudget,
} from './helpers/hostileWorkbooks';
import { rawXlsx } from '../cli/helpers/rawXlsx';
import {
  buildCli,
  checkReportWorkbook,
  dirState,
  run,
  type BuiltCli,
  type RunResult,
} from './helpers/runner';

interface Report {
  problems: { sheet: string | null; severity: string; code: string }[];
  variances: { label: string; variance: number }[];
  tables: { sheet: string; range: string }[];
  checks: unknown[];
  indicators: unknown[];
}

interface InputCase {
  /** What broke, as the issue tells it. */
  readonly name: string;
  /** The input's file name. */
  readonly file: string;
  /** Writes the input at `path` (bytes, or a sparse file). */
  readonly make: (path: string) => void;
  readonly status: 0 | 2;
  /** The one line on standard error, after `namndplan: FILE: `. */
  readonly says?: RegExp;
  readonly maxSeconds?: number;
  readonly maxMiB?: number;
  /** Also ask for the summary on standard output. */
  readonly summary?: boolean;
  /** Further checks of a successful run. */
  readonly check?: (r: RunResult, report: Report, parts: Record<string, string>) => void;
}

const bytes = (make: () => Uint8Array) => (path: string) => writeFileSync(path, make());
const sparse = (head: Uint8Array, size: number) => (path: string) => {
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  closeSync(fd);
  truncateSync(path, size);
};
const unreadableNoter = (_r: RunResult, report: Report): void => {
  expect(report.problems.filter((p) => p.severity === 'error')).toEqual([
    expect.objectContaining({ sheet: 'Noter', code: 'unreadable-sheet' }),
  ]);
  expect(report.variances.map((v) => v.label)).toContain('Äldreomsorg');
};

const FIXTURES = join(__dirname, '..', 'fixtures');
/** The tables found, as `sheet!range`. */
const tablesOf = (report: Report): string[] => report.tables.map((t) => `${t.sheet}!${t.range}`);
/** The small table of `budgetRows`, analysed: Utfall − Budget per line, costs negative. */
const BUDGET_VARIANCES = [
  ['Äldreomsorg', -100],
  ['Individ- och familjeomsorg', 50],
  ['Totalt', -50],
];

/**
 * Issue 12 item 3: the grid was expanded densely from A1 to the last cell (a V8 abort at 4 GB),
 * then refused past 25 million cells of rectangle. A sheet costs what its cells cost; past
 * Excel's own sheet (1 048 576 rows, 16 384 columns) the file is refused in one line.
 */
const FAR_CELL_CASES: InputCase[] = [
  {
    name: 'values only in A1 and XFD1048576 are two cells, read in bounded memory (was: a V8 abort at 4 GB)',
    file: 'glest.xlsx',
    make: bytes(() => twoFarCells('XFD1048576')),
    status: 0,
    maxMiB: 320,
    check: (_r, report) => {
      expect(tablesOf(report)).toEqual(['Glest!A1:A1', 'Glest!XFD1048576:XFD1048576']);
      expect(report.problems).toEqual([]);
    },
  },
  {
    name: 'a value in A1048576 under A1: the million rows between cost nothing',
    file: 'glest-rad.xlsx',
    make: bytes(() => twoFarCells('A1048576')),
    status: 0,
    maxMiB: 320,
    check: (_r, report) =>
      expect(tablesOf(report)).toEqual(['Glest!A1:A1', 'Glest!A1048576:A1048576']),
  },
  {
    name: 'a value in XFD1 beside A1: one row of two columns, not 16 384',
    file: 'glest-kolumn.xlsx',
    make: bytes(() => twoFarCells('XFD1')),
    status: 0,
    maxMiB: 320,
    check: (_r, report) => expect(tablesOf(report)).toEqual(['Glest!A1:XFD1']),
  },
  {
    // (Each row is an indicator: 50 000 of them cost the report workbook's writer 19 s, near or far.)
    name: '5 000 labels in A and figures in XFD: two columns a row (was: a V8 abort past 4 GB)',
    file: 'glest-kolumn-xfd.xlsx',
    make: bytes(() => farColumn(5_000)),
    status: 0,
    maxMiB: 400,
    check: (_r, report) => {
      // `Rad 1980`'s year reads as a header: the 3 020 rows under it are indicators (as in B).
      expect(tablesOf(report)).toEqual(['Glest!A1:XFD1979', 'Glest!A1980:XFD5000']);
      expect(report.indicators).toHaveLength(3020);
    },
  },
  {
    name: 'a budget table and a stray value in XFD1048576: the table analysed as without it',
    file: 'tabell-glest.xlsx',
    make: bytes(() =>
      withStrayCell(
        rawXlsx([{ name: 'Drift', rowsXml: budgetRows() }]),
        'xl/worksheets/sheet1.xml',
        'XFD1048576',
        7,
      ),
    ),
    status: 0,
    maxMiB: 320,
    check: (_r, report) => {
      expect(report.variances.map((v) => [v.label, v.variance])).toEqual(BUDGET_VARIANCES);
      expect(tablesOf(report)).toEqual(['Drift!A2:D5', 'Drift!XFD1048576:XFD1048576']);
    },
  },
  {
    name: '100 000 merged areas of 200 cells each are read in bounded memory (was: Map maximum size exceeded)',
    file: 'sammanfogat.xlsx',
    make: bytes(() => manyMergedAreas(100_000)),
    status: 0,
    maxSeconds: 20,
    maxMiB: 512,
    check: (_r, report) => {
      expect(tablesOf(report)).toEqual(['Drift!A2:D5']);
      expect(report.variances.map((v) => [v.label, v.variance])).toEqual(BUDGET_VARIANCES);
    },
  },
  {
    name: 'one cell at row 50 000 000 is past Excel’s rows: refused in one line naming the sheet',
    file: 'rad-50-miljoner.xlsx',
    make: bytes(() => twoFarCells('A50000000')),
    status: 2,
    says: /för stor för att läsas \(bladet Glest når cell A50000000, bortom Excels 1 048 576 rader\)/,
  },
  {
    name: 'a cell in XFE1 is past Excel’s columns: refused in one line naming the sheet',
    file: 'xfe.xlsx',
    make: bytes(() => twoFarCells('XFE1')),
    status: 2,
    says: /för stor för att läsas \(bladet Glest når cell XFE1, bortom Excels 16 384 kolumner\)/,
  },
];

const CASES: InputCase[] = [
  ...FAR_CELL_CASES,
  {
    name: 'a 1,6 GB file of zeros is refused after its first bytes',
    file: 'nollor.xlsx',
    make: sparse(new Uint8Array(0), 1_600_000_000),
    status: 2,
    says: /är inte en Excel-arbetsbok/,
  },
  {
    name: 'a 3 GiB file that starts like a zip is too large (was: oväntat fel, exit 1)',
    file: 'tre-gib.xlsx',
    make: sparse(new Uint8Array([0x50, 0x4b, 3, 4]), 3 * 2 ** 30),
    status: 2,
    says: /är för stor för att läsas \(filen är 3 GiB/,
  },
  {
    name: 'a 13 MB file whose sheet inflates to 3,4 GiB is too large at once',
    file: 'bomb.xlsx',
    make: bytes(() => sheetBomb(3.4)),
    status: 2,
    says: /är för stor för att läsas \(arbetsboken \(mest xl\/worksheets\/sheet2\.xml\) packas upp till 3,4 GiB/,
  },
  {
    name: 'a sheet whose header lies about its size stops at the size it claims',
    file: 'ljuger.xlsx',
    make: bytes(() => sheetBomb(3.4, 5000)),
    status: 2,
    says: /xl\/worksheets\/sheet2\.xml packas upp till mer än de 4,9 kB den anger/,
  },
  {
    name: 'a bloated shared-strings part is too large, not an empty workbook',
    file: 'strangar.xlsx',
    make: bytes(() => sharedStringsBomb(2)),
    status: 2,
    says: /är för stor för att läsas/,
  },
  {
    name: 'a shared-strings part that lies about its size stops at the size it claims',
    file: 'strangar-ljuger.xlsx',
    make: bytes(() => sharedStringsBomb(2, 2 ** 20)),
    status: 2,
    says: /är för stor för att läsas \(xl\/sharedStrings\.xml packas upp till mer än de 1 MiB/,
  },
  {
    name: '2 000 directory entries sharing one local entry are each charged',
    file: 'delade.xlsx',
    make: bytes(() => overlappingEntries(2000, 4)),
    status: 2,
    says: /är för stor för att läsas/,
  },
  {
    name: 'a sheet of 20 million cells the byte budget lets through stops at 5 million cells',
    file: 'celler.xlsx',
    make: bytes(() =>
      withinByteBudget(`<row r="9">${'<c r="A9"><v>1</v></c>'.repeat(20)}</row>`, 1),
    ),
    status: 2,
    says: /är för stor för att läsas \(fler än 5 000 000 ifyllda celler\)/,
    maxSeconds: 20,
  },
  {
    name: 'a sheet part with more rows than Excel has stops at 1 048 576 rows',
    file: 'rader.xlsx',
    make: bytes(() => withinByteBudget('<row r="9"/>', 3)),
    status: 2,
    says: /har fler rader än Excels 1 048 576/,
  },
  {
    name: 'malformed sheet XML: that sheet is an error problem, the other sheet read',
    file: 'trasig-xml.xlsx',
    make: bytes(malformedSheet),
    status: 0,
    check: unreadableNoter,
  },
  {
    name: 'a shared-string index out of range in one note cell: an error problem',
    file: 'strang-57.xlsx',
    make: bytes(sharedStringOutOfRange),
    status: 0,
    check: unreadableNoter,
  },
  {
    name: 'a damaged deflate stream in one sheet: an error problem (was: SheetJS looped forever)',
    file: 'trasig-deflate.xlsx',
    make: bytes(damagedDeflate),
    status: 0,
    check: unreadableNoter,
  },
  {
    name: 'a cut-off workbook.xml is corrupt, not fewer sheets',
    file: 'avklippt.xlsx',
    make: bytes(cutOffWorkbookXml),
    status: 2,
    says: /är skadad och kan inte läsas \(xl\/workbook\.xml är inte välformad XML\)/,
  },
  {
    name: 'a damaged shared-strings part is corrupt',
    file: 'trasiga-strangar.xlsx',
    make: bytes(damagedSharedStrings),
    status: 2,
    says: /är skadad och kan inte läsas/,
  },
  {
    name: 'a zip cut short is corrupt',
    file: 'kort.xlsx',
    make: bytes(() => rawXlsx(twoSheets()).subarray(0, 900)),
    status: 2,
    says: /är skadad och kan inte läsas/,
  },
  {
    name: 'a directory is no workbook',
    file: 'mapp.xlsx',
    make: (path) => mkdirSync(path),
    status: 2,
    says: /är inte en Excel-arbetsbok \(\.xlsx\) \(en mapp\)/,
  },
  {
    name: 'a named pipe nobody writes to is an empty file, not a wait for ever',
    file: 'ror.xlsx',
    make: (path) => {
      if (spawnSync('mkfifo', [path]).status !== 0) writeFileSync(path, '');
    },
    status: 2,
    says: /är tom \(0 byte\)/,
  },
  {
    name: 'a million formatted empty rows are read, within bounds',
    file: 'miljon.xlsx',
    make: bytes(() => millionEmptyRowsXlsx(1_000_000, 6)),
    status: 0,
    maxSeconds: 45,
    maxMiB: 1500,
  },
  {
    name: 'labels and sheet names holding terminal escapes are printed escaped',
    file: 'escape.xlsx',
    make: bytes(hostileTexts),
    status: 0,
    summary: true,
    check: (r) => {
      // eslint-disable-next-line no-control-regex -- control characters are what is looked for
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      expect(r.stdout).toMatch(/Äldre\\x1B\]0;pwned\\x07omsorg/);
    },
  },
  {
    name: 'characters XML forbids, in labels and a sheet name, leave the report well-formed',
    file: 'xml-tecken.xlsx',
    make: bytes(hostileTexts),
    status: 0,
    check: (_r, _report, parts) => {
      const strings = parts['xl/sharedStrings.xml'] ?? '';
      expect(strings).toContain('Äldre');
      expect(strings).not.toMatch(/[\ufffe\uffff]/);
    },
  },
  {
    name: 'numbers near the largest double never become Infinity in the report workbook',
    file: 'stora-tal.xlsx',
    make: bytes(hugeNumbers),
    status: 0,
  },
  {
    name: 'a 40 000-character title is cut at 32 767 characters a cell',
    file: 'lang-titel.xlsx',
    make: bytes(longTitle),
    status: 0,
  },
  {
    name: 'a file named https:\\\\evil.example\\x.xlsx links to itself, not to a web site',
    file: 'https:\\\\evil.example\\x.xlsx',
    make: bytes(() => rawXlsx(twoSheets())),
    status: 0,
    check: (_r, _report, parts) => {
      const rels = Object.entries(parts).filter(([name]) => name.endsWith('.xml.rels'));
      const targets = rels.flatMap(([, xml]) =>
        [...xml.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) =>
          (m[1] ?? '').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
        ),
      );
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) {
        expect(target).toMatch(/^https%3A%5C%5Cevil\.example%5Cx\.xlsx#'/);
        expect(target).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      }
    },
  },
  {
    name: 'an .ods SheetJS warns about is read without a line of library chatter',
    file: 'plan.ods',
    make: bytes(chattyOds),
    status: 0,
  },
];

describe('namndplan on hostile and broken inputs', () => {
  let base: string;
  let built: BuiltCli;
  const measured: string[] = [];

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'np-hostile-in-'));
    built = buildCli(base);
  });
  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
    if (process.env.NP_HOSTILE_REPORT) process.stdout.write(`${measured.join('\n')}\n`);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const dir = mkdtempSync(join(base, 'case-'));
    try {
      const input = join(dir, c.file);
      c.make(input);
      const before = dirState(dir);
      const args = ['analyze', c.file, '--json', 'ut.json', '--out', 'ut.xlsx'];
      const r = run(built, c.summary ? [...args, '--summary'] : args, dir);
      measured.push(
        `${r.seconds.toFixed(2).padStart(6)} s ${String(r.peakMiB).padStart(5)} MiB  ${c.name}`,
      );
      expect({ status: r.status, stderr: r.stderr }).toEqual({
        status: c.status,
        stderr: c.status === 0 ? '' : expect.stringMatching(/^namndplan: [^\n]*\n$/),
      });
      expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
      if (c.says) expect(r.stderr).toMatch(c.says);
      expect(r.seconds).toBeLessThan(c.maxSeconds ?? 10);
      expect(r.peakMiB).not.toBeNull();
      expect(r.peakMiB ?? Infinity).toBeLessThan(c.maxMiB ?? 512);
      const after = dirState(dir);
      // The input byte-identical (and no temporary file left beside the outputs).
      expect(after[c.file]).toBe(before[c.file]);
      if (c.status !== 0) {
        expect(after).toEqual(before);
        return;
      }
      expect(Object.keys(after).sort()).toEqual(
        [...Object.keys(before), 'ut.json', 'ut.xlsx'].sort(),
      );
      const report = JSON.parse(readFileSync(join(dir, 'ut.json'), 'utf8')) as Report;
      const parts = checkReportWorkbook(readFileSync(join(dir, 'ut.xlsx')));
      c.check?.(r, report, parts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a seed workbook with a stray value in XFD1048576 gives the seed’s own variances and checks', () => {
    const dir = mkdtempSync(join(base, 'case-'));
    try {
      const seed = readFileSync(join(FIXTURES, 'mellerud-2023.xlsx'));
      writeFileSync(join(dir, 'seed.xlsx'), seed);
      // Driftredovisning (sheet1.xml) ends at row 16: the stray cell is its far corner.
      writeFileSync(
        join(dir, 'glest.xlsx'),
        withStrayCell(seed, 'xl/worksheets/sheet1.xml', 'XFD1048576', 7),
      );
      const reports = ['seed', 'glest'].map((name) => {
        const r = run(built, ['analyze', `${name}.xlsx`, '--json', `${name}.json`], dir, 30);
        measured.push(
          `${r.seconds.toFixed(2).padStart(6)} s ${String(r.peakMiB).padStart(5)} MiB  ${name}`,
        );
        expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
        expect(r.seconds).toBeLessThan(10);
        expect(r.peakMiB ?? Infinity).toBeLessThan(320);
        return JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Report;
      });
      const [seedReport, strayReport] = reports as [Report, Report];
      expect(seedReport.variances.length).toBeGreaterThan(0);
      expect(strayReport.variances).toEqual(seedReport.variances);
      expect(strayReport.checks).toEqual(seedReport.checks);
      expect(strayReport.problems).toEqual(seedReport.problems);
      // The stray cell is one more table of one cell, nothing else.
      expect(tablesOf(strayReport)).toEqual([
        ...tablesOf(seedReport).filter((t) => t.startsWith('Driftredovisning!')),
        'Driftredovisning!XFD1048576:XFD1048576',
        ...tablesOf(seedReport).filter((t) => !t.startsWith('Driftredovisning!')),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('/dev/zero as input is no workbook, at once', () => {
    const r = run(built, ['analyze', '/dev/zero', '--json', 'ut.json'], base, 10);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('namndplan: zero: är inte en Excel-arbetsbok (.xlsx)\n');
    expect(r.seconds).toBeLessThan(10);
  });
});
