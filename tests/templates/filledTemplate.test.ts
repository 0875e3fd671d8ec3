/**
 * A template filled in the way a committee does, with gaps and mistakes planted (issue 10, items
 * 3–5): analysed as written by ExcelJS, and again after LibreOffice opened, recomputed and saved
 * it, every planted gap is found and nothing else; LibreOffice's computed Avvikelse, Avvikelse %,
 * Summa and Riskvärde agree with ours.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { readFormulaCells } from '../../src/adapters/xlsx/readFormulaCells';
import { readWorkbookStream } from '../../src/adapters/xlsx/readWorkbookStream';
import { writeTemplate } from '../../src/adapters/xlsx/writeTemplate';
import { analyzeWorkbook } from '../../src/domain/analyze';
import { Decimal } from '../../src/domain/decimal';
import { parseTarget } from '../../src/domain/targets';
import { prefillTemplate, SHEET_NAMES, type TemplateContent } from '../../src/domain/templates';
import { DRIFT, FIRST_ROW, GOALS, INVEST, RISKS } from '../../src/domain/templates/templateModel';

const FIXTURES = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures');
const SEEDS = ['ale-2018', 'ale-2024', 'alingsas-2023', 'mark-2024', 'mellerud-2023'];
const hasSoffice = spawnSync('which', ['soffice']).status === 0;
let dir = '';
const plantedKinds = new Set<string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'np-mall-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

type Planted = [kind: string, sheet: string, cell: string];

/** An outcome that meets the target as written. */
function meeting(target: string | null): number {
  const t = target === null ? null : parseTarget(target, null);
  if (t === null || t === 'unreadable') return 1;
  const v = t.value.toNumber();
  return t.op === '>' ? v + 1 : t.op === '<' ? v - 1 : v;
}

/** Fills the template as a committee would, planting one gap of each kind; returns them. */
async function fill(
  data: Uint8Array,
  content: TemplateContent,
): Promise<{ bytes: Uint8Array; planted: Planted[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data.slice().buffer);
  const planted: Planted[] = [];
  const drift = book.getWorksheet(SHEET_NAMES['uppfoljning-drift']);
  const step = content.unit === 'mnkr' ? 3 : 3000;
  content.drift.forEach((line, i) => {
    const r = FIRST_ROW + i;
    const budget = line.budget ?? 0;
    const row = drift?.getRow(r);
    if (!row) return;
    row.getCell(DRIFT.outcome).value = Math.round(budget * 60) / 100;
    row.getCell(DRIFT.forecast).value = budget;
    if (i === 0) {
      row.getCell(DRIFT.forecast).value = budget + step; // past the threshold, no comment
      planted.push(['comment-required', SHEET_NAMES['uppfoljning-drift'], `G${r}`]);
    } else if (i === 1) {
      row.getCell(DRIFT.forecast).value = budget - step;
      row.getCell(DRIFT.comment).value = 'Fler placeringar än budgeterat; åtgärdsplan tas fram.';
    } else if (i === 2) {
      row.getCell(DRIFT.outcome).value = null;
      planted.push(['empty', SHEET_NAMES['uppfoljning-drift'], `C${r}`]);
    } else if (i === 3) {
      row.getCell(DRIFT.variance).value = 0; // typed over the formula
      planted.push(['formula-overwritten', SHEET_NAMES['uppfoljning-drift'], `E${r}`]);
    }
  });
  const investments = book.getWorksheet(SHEET_NAMES['uppfoljning-investeringar']);
  content.investments.forEach((line, i) => {
    const row = investments?.getRow(FIRST_ROW + i);
    if (!row) return;
    row.getCell(INVEST.outcome).value = line.budget;
    row.getCell(INVEST.forecast).value = line.budget;
  });
  const goals = book.getWorksheet(SHEET_NAMES.maluppfyllelse);
  let goalNo = 0;
  content.goals.forEach((line, i) => {
    const r = FIRST_ROW + i;
    const row = goals?.getRow(r);
    if (!row) return;
    if (line.kind === 'indicator') {
      row.getCell(GOALS.outcome).value = meeting(line.target);
      return;
    }
    goalNo++;
    const judged = content.goals[i + 1]?.kind === 'indicator';
    if (goalNo === 1) {
      planted.push(['empty', SHEET_NAMES.maluppfyllelse, `F${r}`]);
    } else if (judged && !planted.some((p) => p[0] === 'verdict-contradicts')) {
      row.getCell(GOALS.verdict).value = 'Ej uppfyllt'; // its indicators are all met
      planted.push(['verdict-contradicts', SHEET_NAMES.maluppfyllelse, `F${r}`]);
    } else {
      row.getCell(GOALS.verdict).value = judged ? 'Helt uppfyllt' : 'Delvis uppfyllt';
    }
  });
  const risks = book.getWorksheet(SHEET_NAMES.internkontrollplan);
  content.risks.forEach((line, i) => {
    const r = FIRST_ROW + i;
    const row = risks?.getRow(r);
    if (!row) return;
    row.getCell(RISKS.control).value = 'Stickprov av tio ärenden';
    row.getCell(RISKS.owner).value = i === 1 ? null : 'Ekonomichef';
    if (i === 1) planted.push(['empty', SHEET_NAMES.internkontrollplan, `G${r}`]);
    row.getCell(RISKS.frequency).value = 'Tertial';
    row.getCell(RISKS.reportedTo).value = 'Socialnämnden';
    if (i === 0) {
      row.getCell(RISKS.value).value = 12;
      planted.push(['risk-value-typed', SHEET_NAMES.internkontrollplan, `E${r}`]);
    }
  });
  const out: unknown = await book.xlsx.writeBuffer();
  return { bytes: out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer), planted };
}

async function gapsOf(data: Uint8Array): Promise<Planted[]> {
  const snapshot = await readWorkbookStream(data, 'ifylld.xlsx');
  const formulas = await readFormulaCells(data, Object.values(SHEET_NAMES));
  const report = analyzeWorkbook(snapshot, { formulas });
  return (report.template?.gaps ?? []).map((g): Planted => [g.kind, g.sheet, g.cell]);
}

const sorted = (p: Planted[]): string[] => p.map((x) => x.join(' ')).sort();

describe.each(SEEDS)('a template pre-filled from %s and filled in', (seed) => {
  let content: TemplateContent;
  let filled: { bytes: Uint8Array; planted: Planted[] };
  beforeAll(async () => {
    const source = analyzeWorkbook(
      await readWorkbookStream(bytes(join(FIXTURES, `${seed}.xlsx`)), seed),
    );
    content = prefillTemplate(source, { period: 'delår 2025' });
    filled = await fill(await writeTemplate(content), content);
    writeFileSync(join(dir, `${seed}.xlsx`), filled.bytes);
    for (const [kind] of filled.planted) plantedKinds.add(kind);
  });

  it('has every planted gap found and nothing else', async () => {
    expect(sorted(await gapsOf(filled.bytes))).toEqual(sorted(filled.planted));
  });

  it('opened in LibreOffice: the same gaps, and its formulas compute what ours do', async () => {
    if (!hasSoffice) {
      if (process.env.CI) throw new Error('soffice (LibreOffice) missing');
      return;
    }
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'lo'),
        join(dir, `${seed}.xlsx`),
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const saved = bytes(join(dir, 'lo', `${seed}.xlsx`));
    expect(sorted(await gapsOf(saved))).toEqual(sorted(filled.planted));
    const snapshot = await readWorkbookStream(saved, 'lo.xlsx');
    const sheet = (name: string) => snapshot.sheets.find((s) => s.name === name);
    const cell = (name: string, r: number, c: number) => {
      const s = sheet(name);
      return s?.values[r - s.origin.row]?.[c - s.origin.col] ?? null;
    };
    const d = SHEET_NAMES['uppfoljning-drift'];
    let total = new Decimal(0);
    content.drift.forEach((line, i) => {
      const r = FIRST_ROW + i;
      const b = Number(cell(d, r, DRIFT.budget));
      const f = Number(cell(d, r, DRIFT.forecast));
      const ours =
        content.convention === 'costs-negative' ? new Decimal(f).minus(b) : new Decimal(b).minus(f);
      const theirs = cell(d, r, DRIFT.variance);
      if (i === 3) {
        expect(theirs).toBe(0); // the typed number stays
        return;
      }
      expect(Number(theirs)).toBeCloseTo(ours.toNumber(), 9);
      total = total.plus(ours);
      if (b !== 0)
        expect(Number(cell(d, r, DRIFT.percent))).toBeCloseTo(ours.div(Math.abs(b)).toNumber(), 9);
    });
    const sumRow = FIRST_ROW + content.drift.length;
    if (content.drift.length > 0) {
      expect(cell(d, sumRow, DRIFT.label)).toBe('Summa');
      expect(Number(cell(d, sumRow, DRIFT.variance))).toBeCloseTo(total.toNumber(), 9);
      const budgets = content.drift.reduce((a, l) => a.plus(l.budget ?? 0), new Decimal(0));
      expect(Number(cell(d, sumRow, DRIFT.budget))).toBeCloseTo(budgets.toNumber(), 9);
    }
    const k = SHEET_NAMES.internkontrollplan;
    content.risks.forEach((line, i) => {
      const r = FIRST_ROW + i;
      const value = cell(k, r, RISKS.value);
      if (i === 0) expect(value).toBe(12);
      else expect(value).toBe((line.probability ?? 0) * (line.consequence ?? 0));
    });
  }, 150_000);
});

it('plants every kind of gap in one seed or another', () => {
  expect([...plantedKinds].sort()).toEqual([
    'comment-required',
    'empty',
    'formula-overwritten',
    'risk-value-typed',
    'verdict-contradicts',
  ]);
});
