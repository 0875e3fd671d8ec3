/**
 * A template the product writes is one it reads back perfectly (issue 10, item 4): pre-filled
 * from each seed fixture, written, read by the CLI's reader, it gives exactly what it was made of;
 * and an untouched template is recognised, complete to the degree of what it was pre-filled with,
 * with no gap but the empty cells the committee fills in and no formula called overwritten.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readFormulaCells } from '../../src/adapters/xlsx/readFormulaCells';
import { readWorkbookStream } from '../../src/adapters/xlsx/readWorkbookStream';
import { writeTemplate } from '../../src/adapters/xlsx/writeTemplate';
import { analyzeWorkbook } from '../../src/domain/analyze';
import { prefillTemplate, readTemplate, SHEET_NAMES } from '../../src/domain/templates';

const FIXTURES = join(resolve(__dirname, '..', '..'), 'tests', 'fixtures');
export const SEEDS = ['ale-2018', 'ale-2024', 'alingsas-2023', 'mark-2024', 'mellerud-2023'];

function bytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

describe.each(SEEDS)('a template pre-filled from %s', (seed) => {
  it('is read back as exactly the pre-filled data, and recognised with only empty cells as gaps', async () => {
    const source = analyzeWorkbook(
      await readWorkbookStream(bytes(join(FIXTURES, `${seed}.xlsx`)), seed),
    );
    const content = prefillTemplate(source, { period: 'delår 2025' });
    expect(content.drift.length + content.goals.length + content.risks.length).toBeGreaterThan(0);
    const written = await writeTemplate(content);
    const snapshot = await readWorkbookStream(written, 'mall.xlsx');
    expect(readTemplate(snapshot)).toEqual(content);

    const formulas = await readFormulaCells(written, Object.values(SHEET_NAMES));
    const report = analyzeWorkbook(snapshot, { formulas });
    const template = report.template;
    expect(template).not.toBeNull();
    expect(template?.sheets.map((s) => s.kind)).toEqual([
      'uppfoljning-drift',
      'uppfoljning-investeringar',
      'maluppfyllelse',
      'internkontrollplan',
    ]);
    expect(template?.gaps.filter((g) => g.kind !== 'empty')).toEqual([]);
    // Pre-filled labels and budgets are filled; everything else required is empty.
    const filled = template?.sheets.reduce((a, s) => a + s.filled, 0) ?? -1;
    const expected =
      content.drift.length * 2 +
      content.investments.length * 2 +
      content.risks.length * 3 -
      content.risks.filter((r) => r.probability === null).length -
      content.risks.filter((r) => r.consequence === null).length;
    expect(filled).toBe(expected);
    expect(template?.gaps.length).toBe(
      (template?.sheets.reduce((a, s) => a + s.required, 0) ?? 0) - filled,
    );
    // The very hidden marker gives the engine nothing to say.
    expect(report.problems.filter((p) => p.sheet === 'NP Mall')).toEqual([]);
  });
});

it('an empty template (no --from) is recognised and asks for nothing yet', async () => {
  const content = prefillTemplate(null, { period: 'T1 2025' });
  const written = await writeTemplate(content);
  const snapshot = await readWorkbookStream(written, 'mall.xlsx');
  expect(readTemplate(snapshot)).toEqual(content);
  const report = analyzeWorkbook(snapshot, {
    formulas: await readFormulaCells(written, Object.values(SHEET_NAMES)),
  });
  expect(report.template).toEqual({
    sheets: Object.entries(SHEET_NAMES).map(([kind, sheet]) => ({
      sheet,
      kind,
      required: 0,
      filled: 0,
    })),
    completeness: 100,
    gaps: [],
  });
});
