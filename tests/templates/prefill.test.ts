/**
 * A template's lines are the budget table's verksamheter (issue 10, CLI flaw a): a total,
 * subtotal or result row of the source is the template's own Summa formula, never a line, and a
 * second breakdown of the same total by kind of money is not counted again. Checked on two
 * documents: Mark 2024 (two `Nettokostnader` rows closing a breakdown by kind and one by
 * verksamhet) and Alingsås 2023 (a resultaträkning: `Verksamhetens kostnader`,
 * `Verksamhetens nettokostnader`, `Finansnetto`, `Årets resultat`; investments under category
 * rows and `Totala utgifter`).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWorkbookStream } from '../../src/adapters/xlsx/readWorkbookStream';
import { analyzeWorkbook } from '../../src/domain/analyze';
import { Decimal } from '../../src/domain/decimal';
import { prefillTemplate, type TemplateContent } from '../../src/domain/templates';

const FIXTURES = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures');

async function prefill(seed: string): Promise<TemplateContent> {
  const b = readFileSync(join(FIXTURES, `${seed}.xlsx`));
  const snapshot = await readWorkbookStream(
    new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    seed,
  );
  return prefillTemplate(analyzeWorkbook(snapshot), { period: 'delår 2025' });
}

const sum = (lines: TemplateContent['drift']): number =>
  lines.reduce((a, l) => a.plus(l.budget ?? 0), new Decimal(0)).toNumber();

it('Mark 2024: the lines are the verksamheter, not the kinds of money nor either Nettokostnader', async () => {
  const c = await prefill('mark-2024');
  expect(c.drift).toEqual([
    { label: 'Funktionsstöd', budget: -230.8 },
    { label: 'Individ-och familjeomsorg', budget: -148.1 },
    { label: 'Ledning, adm, nämnd', budget: -47.9 },
  ]);
  // The template's Summa gives the seed's Nettokostnader, Budget 2023: −426,8 mnkr.
  expect(sum(c.drift)).toBe(-426.8);
  expect(c.unit).toBe('mnkr');
});

it('Alingsås 2023: subtotals and results are left to the Summa formula, categories to their parts', async () => {
  const c = await prefill('alingsas-2023');
  expect(c.drift.map((l) => l.label)).toEqual([
    'Verksamhetens intäkter',
    'Personalkostnader',
    'Lokalhyror',
    'Köp av tjänster',
    'Övriga kostnader',
    'Kommunbidrag',
  ]);
  // Summa = the seed's Årets resultat, Budget 2023: 0 tkr.
  expect(sum(c.drift)).toBe(0);
  expect(c.investments.map((l) => l.label)).not.toContain('Reinvestering');
  expect(c.investments.map((l) => l.label)).not.toContain('Totala utgifter');
  // Summa = the seed's Totala utgifter, 600 tkr.
  expect(sum(c.investments)).toBe(600);
});
