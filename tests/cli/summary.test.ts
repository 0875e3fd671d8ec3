/**
 * The CLI's summary leads with money (issue 9 item 4): the committee's result per budget table,
 * then the largest unfavourable variances by amount (lines apart from totals, operating apart from
 * investments), then goals and indicators, then the arithmetic. Every amount with its unit, and the
 * one variance threshold deciding which rows are listed.
 */
import { join } from 'node:path';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { formatSummary } from '../../src/cli/summary';
import { analyzeWorkbook } from '../../src/domain/analyze';
import { findCommittee } from '../../src/domain/output/committee';
import { buildReportSheets } from '../../src/domain/standardTables';

const FIXTURES = join(__dirname, '..', 'fixtures');

async function summary(seed: string, thresholdPercent = 1): Promise<string[]> {
  const snapshot = await readWorkbookFile(join(FIXTURES, `${seed}.xlsx`));
  const report = analyzeWorkbook(snapshot);
  return formatSummary(report, {
    riskThreshold: 12,
    varianceThresholdPercent: thresholdPercent,
    committee: findCommittee(snapshot),
  }).split('\n');
}

describe('the summary leads with money', () => {
  it("Ale 2024: the first figure is the committee's result, Prognos 2023 −7 000 tkr (−1,0 %)", async () => {
    const lines = await summary('ale-2024');
    expect(lines.slice(0, 6)).toEqual([
      'Nämndplan: ale-2024.xlsx',
      'Tabeller: 3 (1 budget, 1 investeringar, 1 övriga)',
      '',
      'Resultat mot budget:',
      '  Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)',
      '    Prognos 2023: -7 000 tkr (-1,0 %) mot budget, underskott (Totalt, Ekonomi!B12)',
    ]);
  });

  it('sections in order: result, unfavourable variances, goals and indicators, arithmetic, risks', async () => {
    const lines = await summary('mellerud-2023');
    const at = (start: string): number => lines.findIndex((l) => l.startsWith(start));
    const order = [
      at('Resultat mot budget:'),
      at('Största underskott i driften, rader'),
      at('Största underskott i driften, summor'),
      at('Största underskott i investeringarna, rader'),
      at('Största underskott i investeringarna, summor'),
      at('Mål och indikatorer:'),
      at('Räkningen:'),
      at('Risker:'),
    ];
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Both budget tables' results, each in its unit.
    expect(lines).toContain(
      '    Bokslut 2023: -7 787 tkr (-2,4 %) mot budget, underskott (Resultat, Driftredovisning!D13)',
    );
    expect(lines).toContain(
      '    Utfall 2023: -21 tkr (-3,0 %) mot budget, underskott (Summa, Investeringar!E10)',
    );
  });

  it('lists unfavourable lines by amount, not by percent, totals apart, investments apart', async () => {
    const lines = await summary('mellerud-2023');
    const after = (heading: string): string[] => {
      const i = lines.findIndex((l) => l.startsWith(heading));
      const out: string[] = [];
      for (let k = i + 1; k < lines.length && lines[k] !== ''; k++) out.push(lines[k] ?? '');
      return out;
    };
    expect(after('Största underskott i driften, rader')).toEqual([
      '  Löpande kostnader: -10 997 tkr (-12,1 %), Bokslut 2023 mot Budget 2023  Driftredovisning!D11',
      '  Personalkostnader: -6 103 tkr (-2,0 %), Bokslut 2023 mot Budget 2023  Driftredovisning!D10',
    ]);
    expect(after('Största underskott i driften, summor')).toEqual([
      '  Sa kostnader: -17 100 tkr (-4,4 %), Bokslut 2023 mot Budget 2023  Driftredovisning!D12',
      '  Resultat: -7 787 tkr (-2,4 %), Bokslut 2023 mot Budget 2023  Driftredovisning!D13',
    ]);
    // -121 tkr (-403,3 %) before -18 tkr (-8,2 %): by amount.
    expect(after('Största underskott i investeringarna, rader')).toEqual([
      '  Inventarier Skållerudshemmet: -121 tkr (-403,3 %), Utfall 2023 mot Budget 2023  Investeringar!E8',
      '  Inventarier administration och stab (Mellbos lokaler): -18 tkr (-8,2 %), Utfall 2023 mot Budget 2023  Investeringar!E7',
    ]);
  });

  it('the variance threshold decides which rows are listed, and the report sheets mark the same', async () => {
    const strict = await summary('mellerud-2023', 5);
    expect(strict.join('\n')).toContain('Löpande kostnader: -10 997 tkr');
    expect(strict.join('\n')).not.toContain('Personalkostnader: -6 103 tkr');
    const snapshot = await readWorkbookFile(join(FIXTURES, 'mellerud-2023.xlsx'));
    const sheets = buildReportSheets(analyzeWorkbook(snapshot), {
      riskThreshold: 12,
      varianceThresholdPercent: 5,
    });
    const marked = (sheets[0]?.rows ?? [])
      .filter((r) => r.roles?.[7] === 'status-not-met')
      .map((r) => r.values[1]);
    expect(marked).toEqual([
      'Löpande kostnader',
      'Inventarier administration och stab (Mellbos lokaler)',
      'Inventarier Skållerudshemmet',
    ]);
  });

  it('Mark: a result in mnkr with one decimal; no underskott beyond 1 % said so', async () => {
    const lines = await summary('mark-2024');
    expect(lines).toContain(
      '    Prognos 2023: 2,5 mnkr (0,6 %) mot budget, överskott (Nettokostnader, Ekonomi!C13)',
    );
    expect(lines).toContain('Inga underskott över 1 % av budget.');
  });

  it('Ale 2018: the printed forecast deviation is the result, −27 600 tkr', async () => {
    const lines = await summary('ale-2018');
    expect(lines).toContain(
      '    Prognos 2017: -27 600 tkr (-5,5 %) mot budget, underskott (Totalt, Ekonomi!B11)',
    );
  });
});
