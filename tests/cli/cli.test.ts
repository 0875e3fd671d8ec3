/**
 * The `namndplan` command, run as users run it: the esbuild bundle in a child process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { millionEmptyRowsXlsx, rawXlsx } from './helpers/rawXlsx';
import { encryptedLikeCfb, oldXls } from './helpers/badFiles';
import { chattyOds, malformedSheet, withPart } from '../hostile/helpers/hostileWorkbooks';
import { deflated } from '../hostile/helpers/craftedZip';

const root = resolve(__dirname, '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'mellerud-2023.xlsx');
let dir: string;
let cli: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'np-cli-'));
  cli = join(dir, 'cli.js');
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), cli], { stdio: 'pipe' });
  writeFileSync(join(dir, 'text.xlsx'), 'Område;Budget 2023\nÄldreomsorg;-412 300\n');
  writeFileSync(join(dir, 'dokument.xlsx'), '%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\n');
  writeFileSync(join(dir, 'gammal.xls'), oldXls());
  writeFileSync(join(dir, 'skyddad.xlsx'), encryptedLikeCfb());
  writeFileSync(join(dir, 'tom.xlsx'), '');
  writeFileSync(join(dir, 'tom-bok.xlsx'), rawXlsx([{ name: 'Blad1', rowsXml: '' }]));
  writeFileSync(join(dir, 'miljon.xlsx'), millionEmptyRowsXlsx(1_000_000, 1));
  writeFileSync(join(dir, 'trasigt-blad.xlsx'), malformedSheet());
  writeFileSync(
    join(dir, 'bara-trasigt.xlsx'),
    withPart(
      'xl/worksheets/sheet1.xml',
      (n) => deflated(n, '<worksheet><sheetData><row r="1"><c r="A1"<v>1</v></c>'),
      [{ name: 'Drift', rowsXml: '' }],
    ),
  );
  writeFileSync(join(dir, 'plan.ods'), chattyOds());
  // Mellerud's Drift table with one Bokslut broken by a formula error.
  const cell = (ref: string, v: string | number): string =>
    typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
  const row = (r: number, cells: (string | number)[]): string =>
    `<row r="${r}">${cells.map((v, i) => cell(`${'ABCD'[i]}${r}`, v)).join('')}</row>`;
  writeFileSync(
    join(dir, 'felvarde.xlsx'),
    rawXlsx([
      {
        name: 'Drift',
        rowsXml:
          row(1, ['Belopp i tkr', 'Budget 2023', 'Bokslut 2023', 'Avvikelse']) +
          row(2, ['Intäkter', 62289, 71602, 9314]) +
          row(3, ['Personalkostnader', -299831, -305934, -6103]) +
          '<row r="4"><c r="A4" t="inlineStr"><is><t>Löpande kostnader</t></is></c><c r="B4"><v>-90740</v></c>' +
          '<c r="C4" t="e"><f>B4/0</f><v>#DIV/0!</v></c><c r="D4"><v>-10997</v></c></row>',
      },
    ]),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const sha256 = (path: string): string =>
  createHash('sha256').update(readFileSync(path)).digest('hex');

describe('namndplan: unreadable input', () => {
  it.each([
    ['text.xlsx', 'text.xlsx: är inte en Excel-arbetsbok (.xlsx)'],
    ['dokument.xlsx', 'dokument.xlsx: är inte en Excel-arbetsbok (.xlsx)'],
    ['gammal.xls', 'gammal.xls: är en äldre .xls-fil'],
    ['skyddad.xlsx', 'skyddad.xlsx: är lösenordsskyddad'],
    ['tom.xlsx', 'tom.xlsx: är tom (0 byte)'],
    ['saknas.xlsx', 'saknas.xlsx: finns inte'],
  ])('%s → exit 2, one Swedish line, no output files', (file, message) => {
    const before = readdirSync(dir).sort();
    const r = run(['analyze', file, '--json', 'ut.json', '--out', 'ut.xlsx']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.startsWith(`namndplan: ${message}`)).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});

describe('namndplan analyze', () => {
  it('analyses an empty workbook: exit 0 and an empty report', () => {
    const r = run(['analyze', 'tom-bok.xlsx', '--json', '-']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      schemaVersion: 1,
      workbook: 'tom-bok.xlsx',
      tables: [],
      variances: [],
      indicators: [],
      risks: [],
      checks: [],
    });
    // At most a note that the workbook is empty; never an error.
    for (const p of report.problems) expect(p.severity).toBe('info');
  });

  it('reads a sheet with a million formatted empty rows', () => {
    const r = run(['analyze', 'miljon.xlsx', '--json', '-']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).workbook).toBe('miljon.xlsx');
  });

  it('says where a cell shows an error (#DIV/0!) and gives its row no variance', () => {
    const r = run(['analyze', 'felvarde.xlsx', '--json', '-']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      problems: { code: string; cell: string; message: string }[];
      variances: { label: string; variance: number }[];
    };
    expect(report.problems.filter((p) => p.code === 'error-value')).toEqual([
      expect.objectContaining({ cell: 'C4', message: expect.stringContaining('#DIV/0!') }),
    ]);
    expect(report.variances.map((v) => [v.label, v.variance])).toEqual([
      ['Intäkter', 9313],
      ['Personalkostnader', -6103],
    ]);
  });

  it('--json - prints the report, with every field of report-json.md', () => {
    const r = run(['analyze', fixture, '--json', '-']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(
      [
        'checks',
        'goals',
        'indicators',
        'problems',
        'risks',
        'schemaVersion',
        'tables',
        'template',
        'variances',
        'workbook',
      ].sort(),
    );
    expect(report.workbook).toBe('mellerud-2023.xlsx');
    expect(report.template).toBeNull();
    const tables = report.tables as Record<string, unknown>[];
    for (const t of tables) {
      for (const field of ['sheet', 'range', 'title', 'kind', 'unit', 'signConvention']) {
        expect(t).toHaveProperty(field);
      }
      expect(typeof t.recomputed).toBe('number');
      expect(typeof t.notRecomputed).toBe('number');
    }
    for (const key of [
      'tables',
      'variances',
      'indicators',
      'goals',
      'risks',
      'checks',
      'problems',
    ]) {
      expect(Array.isArray(report[key])).toBe(true);
    }
    // The Mellerud driftredovisning has variances; each carries the spec's fields.
    const variances = report.variances as Record<string, unknown>[];
    expect(variances.length).toBeGreaterThan(0);
    for (const v of variances) {
      for (const field of [
        'sheet',
        'row',
        'label',
        'baseline',
        'actual',
        'baselineValue',
        'actualValue',
        'variance',
        'variancePercent',
        'unit',
        'reported',
        'check',
        'kind',
        'comment',
      ]) {
        expect(v).toHaveProperty(field);
      }
    }
  });

  it('prints the summary in Swedish when no output is asked for, and never modifies the input', () => {
    const before = sha256(fixture);
    const r = run(['analyze', fixture]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Nämndplan: mellerud-2023\.xlsx\n/);
    expect(r.stdout).toMatch(/\nTabeller: \d+/);
    expect(r.stdout).toMatch(/\n {2}Indikatorer: \d+ \(\d+ uppfyllda, \d+ ej uppfyllda/);
    // What was checked, so that "0 belopp stämmer inte" is no false all-clear.
    expect(r.stdout).toMatch(/\n {2}Kontrollerat: \d+ belopp i 2 tabeller\n/);
    expect(sha256(fixture)).toBe(before);
  });

  it('--out writes a report workbook with the document tables and the NP audit sheets, linked to the input', async () => {
    const before = sha256(fixture);
    const r = run([
      'analyze',
      fixture,
      '--out',
      'rapport.xlsx',
      '--json',
      'rapport.json',
      '--quiet',
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'rapport.xlsx'));
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'NP Driftredovisning',
      'NP Investeringsredovisning',
      'NP Mål och indikatorer',
      'NP Följetal',
      'NP Avvikelser',
      'NP Måluppfyllelse',
      'NP Internkontroll',
      'NP Kontroller',
    ]);
    const report = JSON.parse(readFileSync(join(dir, 'rapport.json'), 'utf8')) as {
      variances: { sheet: string; row: number }[];
      tables: { sheet: string; range: string }[];
    };
    // Title, header, then per source table a title row and its variances.
    const sourceTables = report.tables.filter((t) =>
      report.variances.some((v) => {
        const [top, bottom] = t.range.split(':').map((a) => Number(a.replace(/[A-Z]+/, '')));
        return v.sheet === t.sheet && v.row >= (top ?? 0) && v.row <= (bottom ?? 0);
      }),
    ).length;
    expect(sourceTables).toBeGreaterThan(0);
    expect(book.getWorksheet('NP Avvikelser')!.rowCount).toBe(
      2 + sourceTables + report.variances.length,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(sha256(fixture)).toBe(before);
  });

  it('refuses to write over the input: exit 1, input unchanged', () => {
    writeFileSync(join(dir, 'kopia.xlsx'), readFileSync(fixture));
    const before = sha256(join(dir, 'kopia.xlsx'));
    const r = run(['analyze', 'kopia.xlsx', '--out', 'kopia.xlsx']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^namndplan: kopia\.xlsx är indatafilen/);
    expect(sha256(join(dir, 'kopia.xlsx'))).toBe(before);
  });

  it('an output that cannot be written → exit 1, one line, nothing left behind', () => {
    const r = run(['analyze', fixture, '--json', join('finns-inte', 'r.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^namndplan: Kunde inte skriva finns-inte\/r\.json: mappen finns inte\n$/,
    );
    expect(existsSync(join(dir, 'finns-inte'))).toBe(false);
  });

  it.each([
    [['analyze'], /ange arbetsboken/],
    [['analyze', 'a.xlsx', '--risk-threshold', 'tolv'], /--risk-threshold ska vara ett heltal/],
    [
      ['analyze', 'a.xlsx', '--variance-threshold', 'två'],
      /--variance-threshold ska vara en andel/,
    ],
    [['analyze', 'a.xlsx', '--variance-threshold', '-1'], /--variance-threshold behöver ett värde/],
    [['analyze', 'a.xlsx', '--docx', '-'], /--docx behöver ett filnamn/],
    [
      ['analyze', 'a.xlsx', '--docx', 'a.docx', '--out', 'a.docx'],
      /--out och --docx kan inte vara samma fil/,
    ],
    [['analyze', 'a.xlsx', '--färg'], /okänd flagga: --färg/],
    [['exportera'], /okänt kommando: exportera/],
  ])('usage error %j → exit 1, one line', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--goal-rule and --goal-scale judge the goals: Mark 2024 under share and under worst', () => {
    const mark = join(root, 'tests', 'fixtures', 'mark-2024.xlsx');
    const verdicts = (args: string[]): string[] => {
      const r = run(['analyze', mark, '--json', '-', '--quiet', ...args]);
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { goals: { verdict: string; rule: string }[] };
      return report.goals.map((g) => `${g.rule}:${g.verdict}`);
    };
    // Nämndens mål: Bästa barnkommun has 1 met and 1 not met of its assessed indicators.
    expect(verdicts([])[1]).toBe('share:delvis');
    expect(verdicts(['--goal-rule', 'worst', '--goal-scale', '3'])[1]).toBe('worst:ej');
    const bad = run(['analyze', mark, '--goal-rule', 'median']);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(run(['analyze', mark, '--goal-upper', '20']).status).toBe(1); // below the default lower 25
  });

  it('--help and --version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/namndplan analyze ARBETSBOK\.xlsx/);
    const version = run(['--version']);
    expect(version.status).toBe(0);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(version.stdout).toBe(`namndplan ${pkg.version}\n`);
  });
});

describe('namndplan on a sheet it cannot read (issue 12 item 2: sheets vanished with exit 0)', () => {
  it('names the sheet as an error problem, in the JSON and first in the summary', () => {
    const json = run(['analyze', 'trasigt-blad.xlsx', '--json', '-', '--summary']);
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as { problems: Record<string, unknown>[] };
    expect(report.problems[0]).toEqual({
      sheet: 'Noter',
      cell: null,
      severity: 'error',
      code: 'unreadable-sheet',
      message: expect.stringMatching(/^Bladet kan inte läsas/),
      params: {},
    });
    expect(json.stderr).toMatch(
      /^Nämndplan: trasigt-blad\.xlsx\nKunde inte läsas \(siffrorna nedan saknar det\):\n {2}PROBLEM {5}Noter {2}Bladet kan inte läsas/,
    );
  });

  it('never says "inga värden" of a workbook whose only sheet could not be read', () => {
    const r = run(['analyze', 'bara-trasigt.xlsx', '--json', '-']);
    expect(r.status).toBe(0);
    const codes = (JSON.parse(r.stdout) as { problems: { code: string }[] }).problems.map(
      (p) => p.code,
    );
    expect(codes).toEqual(['unreadable-sheet']);
  });
});

describe('namndplan says only its own lines on standard error (issue 12 item 9)', () => {
  it('an .ods SheetJS warns about: no chatter, on stderr or in the JSON on stdout', () => {
    const r = run(['analyze', 'plan.ods', '--json', '-']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ workbook: 'plan.ods' });
  });
});
