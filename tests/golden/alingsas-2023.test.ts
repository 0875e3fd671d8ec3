/**
 * Golden test: tests/fixtures/alingsas-2023.xlsx, rebuilt from seed 003 (Alingsås,
 * socialnämnden, Delårsbokslut 2023): Mål och nyckeltal, Drift, Investeringar (with the seed's
 * error: Reinvestering 246 in Delårsbokslut 2022 while its parts are 46 + 200 + 30 = 276),
 * Sjukfrånvaro, Uppföljning av internkontroll.
 */
import {
  checksAt,
  indicatorAt,
  inRows,
  loadGolden,
  misplacedTitles,
  norm,
  pairs,
  rowOf,
  tableAt,
  type Golden,
} from './helpers';

let g: Golden;
beforeAll(async () => {
  g = await loadGolden('alingsas-2023.xlsx');
});

const at = (label: string) => indicatorAt(g.report, 'Mål', rowOf(g.snapshot, 'Mål', label));

describe('Mål och nyckeltal (sheet Mål)', () => {
  test('Ej återaktualiserade ... andel (%): 70 against ≥81 → not met', () => {
    expect(at('Ej återaktualiserade vuxna personer')).toMatchObject({
      target: '≥81',
      outcome: 70,
      direction: 'higher',
      status: 'not-met',
    });
  });

  test('Antal vuxna biståndsmottagare med långvarigt ekonomiskt bistånd: 166 against 135 is not met ("har inte nått målvärdet")', () => {
    const i = at('Antal vuxna biståndsmottagare med långvarigt ekonomiskt bistånd');
    expect(i.status).not.toBe('met');
    expect(['not-met', 'unclear']).toContain(i.status);
  });

  test('Genomsnittlig insatstid: 291 against a plain 302, one earlier outcome (318) → unclear', () => {
    // New unclear, on purpose (domain.md, Indicators 3): one earlier outcome does not set a
    // direction, since a target is often set beside an unusual year; nothing in the name, the goal
    // or the workbook says whether fewer days is better. The document judges it met in prose.
    const i = at('Genomsnittlig insatstid');
    expect(i).toMatchObject({ outcome: 291, direction: 'unknown', status: 'unclear' });
    expect(i.reason).toMatch(/minst två tidigare utfall/);
  });

  test('Våld i nära SAP: 60 against 75 → not met; the inline Källa is not part of the name', () => {
    const i = at('Våld i nära SAP');
    expect(i).toMatchObject({ outcome: 60, status: 'not-met' });
    expect(i.name).not.toMatch(/Källa/);
  });

  test('Nöjd med bemötandet via telefoni: the first number 82,2 (not 80,5) against 82,2 → met', () => {
    const i = at('Nöjd med bemötandet via telefoni');
    expect(i).toMatchObject({ outcome: 82.2, status: 'met' });
    expect(norm(i.name)).toBe('Nöjd med bemötandet via telefoni, index 0-100');
  });

  test('Enkelt att få hjälp ... via telefoni: 68,6 (not 69,1) against 73,8 → not met', () => {
    expect(at('Enkelt att få hjälp med sin fråga via telefoni')).toMatchObject({
      outcome: 68.6,
      status: 'not-met',
    });
  });

  test('Tydligt svar ... via e-post: 76,9 (not 82,5) against 82,3 → not met', () => {
    expect(at('Tydligt svar från kommunen via e-post')).toMatchObject({
      outcome: 76.9,
      status: 'not-met',
    });
  });

  test('Enkelt att få hjälp ... via e-post: 69,2 (not 79,9) against 79,4 → not met', () => {
    expect(at('Enkelt att få hjälp med sin fråga via e-post')).toMatchObject({
      outcome: 69.2,
      status: 'not-met',
    });
  });

  test('exactly one nyckeltal is met: bemötandet via telefoni (insatstid is unclear, see above)', () => {
    const met = g.report.indicators.filter((i) => i.status === 'met');
    expect(met.map((i) => i.name)).toEqual(['Nöjd med bemötandet via telefoni, index 0-100']);
  });

  test('Utfall saknas / 82 against 90: never met', () => {
    expect(at('Andel invånare som upplever att de har möjlighet till insyn').status).not.toBe(
      'met',
    );
    expect(at('Andel (%) som svarat ja').status).not.toBe('met');
  });

  test('Källa rows, goal lines and titles are never indicators: exactly the ten nyckeltal', () => {
    const names = g.report.indicators.filter((i) => i.sheet === 'Mål').map((i) => norm(i.name));
    expect(names.some((n) => n.startsWith('Källa'))).toBe(false);
    expect(names).toHaveLength(10);
  });
});

describe('Drift (sheet Ekonomi)', () => {
  const top = (): number => rowOf(g.snapshot, 'Ekonomi', 'Belopp i tkr');
  const bottom = (): number => rowOf(g.snapshot, 'Ekonomi', 'Årets resultat');

  test('is a budget table in tkr, costs negative', () => {
    expect(tableAt(g.report, 'Ekonomi', `A${top()}`)).toMatchObject({
      range: `A${top()}:G${bottom()}`,
      title: 'Drift',
      kind: 'budget',
      unit: 'tkr',
      signConvention: 'costs-negative',
    });
  });

  test('Avv. prognos/budget 2023 is reproduced exactly in every row', () => {
    const vs = g.report.variances.filter(inRows('Ekonomi', top(), bottom()));
    expect(pairs(vs)).toEqual([
      ['Verksamhetens intäkter', 176],
      ['Personalkostnader', 3960],
      ['Lokalhyror', 795],
      ['Köp av tjänster', -3824],
      ['Övriga kostnader', -1101],
      ['Verksamhetens kostnader', -170],
      ['Verksamhetens nettokostnader', 6],
      ['Kommunbidrag', 0],
      ['Finansnetto', -6],
      ['Årets resultat', 0],
    ]);
    for (const v of vs) {
      expect(norm(v.actual)).toBe('Prognos helår 2023');
      expect(norm(v.baseline)).toBe('Budget 2023');
      expect(v.reported).toBe(v.variance);
      expect(v.check).toBe('ok');
    }
  });

  test('no variance from the interim Delårsbokslut columns against the full-year budget', () => {
    for (const v of g.report.variances) expect(norm(v.actual)).not.toMatch(/^Delårsbokslut/);
  });

  test('Diff. utfall 2022/2023 is reproduced; the sums hold within rounding', () => {
    const checks = g.report.checks.filter(inRows('Ekonomi', top(), bottom()));
    expect(checks.filter((c) => c.kind === 'difference' || c.kind === 'variance')).toEqual([]);
    // Verksamhetens kostnader, Delårsbokslut 2023: −157 698 against the rows' −157 697 (1 tkr).
    for (const c of checks) expect(c.severity).toBe('rounding');
  });
});

describe('Investeringar (sheet Ekonomi)', () => {
  const top = (): number => rowOf(g.snapshot, 'Ekonomi', 'Belopp i tkr', { nth: 1 });
  const bottom = (): number => rowOf(g.snapshot, 'Ekonomi', 'Totala utgifter');
  const reinvestering = (): number => rowOf(g.snapshot, 'Ekonomi', 'Reinvestering');

  test('is an investments table', () => {
    expect(tableAt(g.report, 'Ekonomi', `A${top()}`)).toMatchObject({
      range: `A${top()}:G${bottom()}`,
      kind: 'investments',
      unit: 'tkr',
    });
  });

  test('SEED ERROR: Reinvestering 2022 is 246, its parts 46 + 200 + 30 = 276 → mismatch', () => {
    expect(checksAt(g.report, 'Ekonomi', `F${reinvestering()}`)).toEqual([
      expect.objectContaining({
        kind: 'sum',
        reported: 246,
        computed: 276,
        difference: -30,
        severity: 'mismatch',
      }),
    ]);
  });

  test('SEED ERROR: its Diff. utfall 126 against the parts 167 − 41 − 30 = 96 → mismatch', () => {
    expect(checksAt(g.report, 'Ekonomi', `G${reinvestering()}`)).toEqual([
      expect.objectContaining({
        kind: 'sum',
        reported: 126,
        computed: 96,
        difference: 30,
        severity: 'mismatch',
      }),
    ]);
  });

  test('nothing else is a mismatch: the 2023 columns add up, Totala utgifter = the categories', () => {
    const mismatches = g.report.checks.filter(
      (c) => inRows('Ekonomi', top(), bottom())(c) && c.severity === 'mismatch',
    );
    expect(mismatches.map((c) => c.cell).sort()).toEqual([
      `F${reinvestering()}`,
      `G${reinvestering()}`,
    ]);
  });

  test('Prognos helår 2023 equals Budget 2023 everywhere: every variance is 0 and reproduced', () => {
    const vs = g.report.variances.filter(inRows('Ekonomi', top(), bottom()));
    expect(vs.length).toBeGreaterThan(0);
    for (const v of vs) {
      expect(v.variance).toBe(0);
      expect(norm(v.actual)).toBe('Prognos helår 2023');
    }
  });
});

describe('Sjukfrånvaro (sheet Personal)', () => {
  test('Differens = 2023 − 2022 is reproduced exactly (8,2 − 11,2 = −3,0): no check', () => {
    expect(g.report.checks.filter((c) => c.sheet === 'Personal')).toEqual([]);
    expect(g.report.variances.filter((v) => v.sheet === 'Personal')).toEqual([]);
  });
});

describe('Uppföljning av internkontroll (sheet Internkontroll)', () => {
  test('a follow-up of controls has no sannolikhet × väsentlighet: no risks anywhere', () => {
    expect(g.report.risks).toEqual([]);
  });

  test('no mismatch anywhere except the two seed errors in Investeringar', () => {
    expect(g.report.checks.filter((c) => c.severity === 'mismatch')).toHaveLength(2);
  });
});

test('every table title is a line touching its header, never one across an empty row', () => {
  expect(misplacedTitles(g)).toEqual([]);
});
