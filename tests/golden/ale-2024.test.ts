/**
 * Golden test: tests/fixtures/ale-2024.xlsx, rebuilt from seed 000 (Ale, socialnämnden,
 * Nämndplan med budget 2024). Every figure below is printed in the seed, section 4.1
 * (`Totalt -690 434 | -683 434`, "För 2023 prognosticeras ett underskott om 7 Mkr").
 */
import {
  inRows,
  loadGolden,
  misplacedTitles,
  norm,
  pairs,
  rowOf,
  tableAt,
  titleBlock,
  varianceAt,
  type Golden,
} from './helpers';

let g: Golden;
beforeAll(async () => {
  g = await loadGolden('ale-2024.xlsx');
});

describe('4.1 Ekonomisk sammanställning (sheet Ekonomi)', () => {
  const header = (): number => rowOf(g.snapshot, 'Ekonomi', 'Besluts/verksamhetsområden');
  const totalt = (): number => rowOf(g.snapshot, 'Ekonomi', 'Totalt');

  test('is one budget table in tkr, costs negative, under its title', () => {
    const t = tableAt(g.report, 'Ekonomi', `A${header()}`);
    // Title: a line of the block touching the header, never the document title across a blank row.
    expect(titleBlock(g.snapshot, 'Ekonomi', header())).toEqual([
      '4 Ekonomisk sammanfattning',
      '4.1 Ekonomisk sammanställning (tkr)',
    ]);
    expect(titleBlock(g.snapshot, 'Ekonomi', header())).toContain(t.title);
    expect(t).toMatchObject({
      range: `A${header()}:D${totalt()}`,
      kind: 'budget',
      unit: 'tkr',
      signConvention: 'costs-negative',
    });
  });

  test('Totalt: Prognos 2023 against Budget 2023 is −7 000 tkr (underskott 7 Mkr)', () => {
    const v = varianceAt(g.report, 'Ekonomi', totalt());
    expect(v).toMatchObject({
      label: 'Totalt',
      baselineValue: -683434,
      actualValue: -690434,
      variance: -7000,
      unit: 'tkr',
      reported: null,
      check: null,
    });
    expect(norm(v.baseline)).toMatch(/Budget/);
    expect(norm(v.baseline)).toMatch(/2023/);
    expect(norm(v.actual)).toMatch(/Prognos/);
    expect(norm(v.actual)).toMatch(/2023/);
  });

  test('each area: Prognos 2023 − Budget 2023, positive = favourable, and nothing else', () => {
    const vs = g.report.variances.filter(inRows('Ekonomi', header(), totalt()));
    expect(pairs(vs)).toEqual([
      ['Centralt socialtjänstförvaltningen', 625], // -10 882 − (-11 507)
      ['Individ- och familjeomsorg', -3400], // -151 910 − (-148 510)
      ['Funktionsstöd', -7740], // -217 231 − (-209 491)
      ['Myndighet och specialiststöd', 515], // -79 442 − (-79 957)
      ['Äldreomsorg', 3000], // -230 969 − (-233 969)
      ['Totalt', -7000],
    ]);
  });

  test('no variance pairs Budget 2024 with a 2023 figure', () => {
    for (const v of g.report.variances) {
      expect(`${v.baseline} / ${v.actual}`).not.toMatch(/2024/);
    }
  });

  test('the Totalt sums add up in every column: no check in the table', () => {
    expect(g.report.checks.filter(inRows('Ekonomi', header(), totalt()))).toEqual([]);
  });
});

describe('4.2 Investeringsplan (sheet Ekonomi)', () => {
  test('plan years only: no variance, no check', () => {
    const top = rowOf(g.snapshot, 'Ekonomi', '(belopp i tkr)');
    const bottom = rowOf(g.snapshot, 'Ekonomi', 'E-Hälsa');
    expect(g.report.variances.filter(inRows('Ekonomi', top, bottom))).toEqual([]);
    expect(g.report.checks.filter(inRows('Ekonomi', top, bottom))).toEqual([]);
  });
});

describe('3.2.1 Mått and 5.3 Verksamhetsmått', () => {
  test('lists without targets or outcomes are never met or not met', () => {
    const assessed = g.report.indicators.filter(
      (i) => i.sheet === 'Mål' || i.sheet === 'Verksamhetsmått',
    );
    for (const i of assessed) expect(i.status).toBe('no-target');
  });

  test('no variance and no check anywhere outside 4.1', () => {
    const others = (x: { sheet: string | null }): boolean => x.sheet !== 'Ekonomi';
    expect(g.report.variances.filter(others)).toEqual([]);
    expect(g.report.checks.filter(others)).toEqual([]);
  });
});

test('every table title is a line touching its header, never one across an empty row', () => {
  expect(misplacedTitles(g)).toEqual([]);
});
