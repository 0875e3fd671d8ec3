/**
 * Golden test: tests/fixtures/mark-2024.xlsx, rebuilt from seed 004 (Mark, socialnämnden,
 * Nämndplan 2024-2025): 3 Grunduppdrag (Godkänd nivå), 4 Nämndens mål (Prognos 2023 against
 * Mål 2023), 5.1 Driftbudget (mnkr), 5.2 Investeringsbudget, 6 Internkontroll, 9 Följetal.
 */
import {
  indicatorAt,
  inRows,
  loadGolden,
  misplacedTitles,
  norm,
  pairs,
  riskNamed,
  rowOf,
  tableAt,
  type Golden,
} from './helpers';

let g: Golden;
beforeAll(async () => {
  g = await loadGolden('mark-2024.xlsx');
});

const at = (label: string) => indicatorAt(g.report, 'Mål', rowOf(g.snapshot, 'Mål', label));

describe('4 Nämndens mål (sheet Mål): Prognos 2023 against Mål 2023', () => {
  test('Handläggningstider 108 against ≤108 → met', () => {
    const i = at('Handläggningstider vid familjeenheten');
    expect(i).toMatchObject({ target: '≤108', outcome: 108, direction: 'lower', status: 'met' });
    expect(norm(i.outcomePeriod ?? '')).toBe('Prognos 2023');
    expect(norm(i.targetPeriod ?? '')).toBe('Mål 2023');
  });

  test('Antal berörda barn vid vräkningar 3 against =0 → not met', () => {
    expect(at('Antal berörda barn vid vräkningar')).toMatchObject({
      target: '=0',
      outcome: 3,
      direction: 'equal',
      status: 'not-met',
    });
  });

  test('Antal hushåll med barn ...: Mål 2023 empty, so 90 against Mål 2024 ≥90 → met', () => {
    const i = at('Antal hushåll med barn som är aktuella inom ekonomiskt bistånd');
    expect(i).toMatchObject({ target: '≥90', outcome: 90, direction: 'higher', status: 'met' });
    expect(norm(i.targetPeriod ?? '')).toBe('Mål 2024');
  });

  test('Andel anmälningar ... inom 14 dagar (%) 96 against = 100% → not met', () => {
    expect(at('Andel anmälningar till familjeenheten')).toMatchObject({
      outcome: 96,
      status: 'not-met',
    });
  });

  test('Brucarbedömning ... inflytande 88 against ≥90% → not met', () => {
    expect(at('Brucarbedömning individ- och familjeomsorg totalt - inflytande')).toMatchObject({
      outcome: 88,
      direction: 'higher',
      status: 'not-met',
    });
  });

  test('Utredningstid 56 against ≤40 → not met', () => {
    expect(at('Utredningstid i antal dagar')).toMatchObject({
      outcome: 56,
      direction: 'lower',
      status: 'not-met',
    });
  });

  test('Brucarbedömning daglig verksamhet 80 against ≥78% → met', () => {
    expect(at('Brucarbedömning daglig verksamhet')).toMatchObject({ outcome: 80, status: 'met' });
  });

  test('socionomutbildning: percent cell 92% (0.92) against ≥ 92 (Mål 2024) → met, outcome 92', () => {
    const i = at('Handläggare med socionomutbildning och minst ett års erfarenhet');
    expect(i).toMatchObject({ outcome: 92, status: 'met' });
    expect(norm(i.targetPeriod ?? '')).toBe('Mål 2024');
  });

  test('new indicators without outcomes → no-outcome', () => {
    expect(at('Brucarundersökning Familjehem 13 år+').status).toBe('no-outcome');
    expect(at('Brucarundersökning boendestöd SoL').status).toBe('no-outcome');
    expect(at('Minska antalet utförda timmar').status).toBe('no-outcome');
    expect(at('Andel handläggare med socionomutbildning inom myndighetsutövning IFO').status).toBe(
      'no-outcome',
    );
  });

  test('Personalomsättningen ska minska: 11 against 12 → met; chefer 13 against 12 → not met', () => {
    expect(at('Personalomsättning (%)')).toMatchObject({
      outcome: 11,
      direction: 'lower',
      status: 'met',
    });
    expect(at('Personalomsättning chefer (%)')).toMatchObject({
      outcome: 13,
      direction: 'lower',
      status: 'not-met',
    });
  });

  test('five met and five not met in the whole workbook, as counted in the seed', () => {
    const count = (s: string): number => g.report.indicators.filter((i) => i.status === s).length;
    expect(count('met')).toBe(5); // Handläggningstider, hushåll, daglig verksamhet, socionom, Personalomsättning
    expect(count('not-met')).toBe(5); // vräkningar, anmälningar, inflytande, Utredningstid, chefer
  });

  test('note lines under the tables are not indicators', () => {
    const rows = new Set(g.report.indicators.filter((i) => i.sheet === 'Mål').map((i) => i.row));
    for (const note of [
      'Målet har koppling',
      'Målet att minska personalomsättningen',
      'Indikatorerna avser',
    ]) {
      expect(rows.has(rowOf(g.snapshot, 'Mål', note))).toBe(false);
    }
    expect(
      rows.has(rowOf(g.snapshot, 'Mål', 'Brucarundersökning Familjehem 13 år+', { nth: 1 })),
    ).toBe(false);
  });
});

describe('3 Grunduppdrag (sheet Grunduppdrag): Godkänd nivå as ranges', () => {
  const levels: [string, string, number][] = [
    ['Andel överklaganden där kommunens beslut fått bifall', '70-100', 0],
    ['Andel brukare inom funktionshinder med aktuell genomförandeplan', '80-100', 0],
    ['Tid från beslut till verkställighet enligt LSS', '70-100', 0],
    ['Andel korrekt anmälda enheter till IVO', '70-100', 0],
    ['Tid från ansökan till beslut bostadsanpassningsbidrag', '80-100', 0],
    ['Andel överklaganden där kommunens beslut fått bifall', '75-100', 1],
    ['Andel brukare med aktuell genomförande plan', '80-100', 0],
  ];
  test.each(levels)('%s: %s → range, no outcome', (label, target, nth) => {
    const i = indicatorAt(
      g.report,
      'Grunduppdrag',
      rowOf(g.snapshot, 'Grunduppdrag', label, { nth }),
    );
    expect(i).toMatchObject({ target, outcome: null, direction: 'range', status: 'no-outcome' });
  });
});

describe('9 Följetal (sheet Följetal)', () => {
  test('följetal are never assessed as met or not met', () => {
    for (const i of g.report.indicators.filter((x) => x.sheet === 'Följetal')) {
      expect(i.status).toBe('no-target');
    }
  });
});

describe('5.1 Driftbudget (sheet Ekonomi, Mnkr)', () => {
  const top = (): number => rowOf(g.snapshot, 'Ekonomi', 'Driftbudget - Belopp i miljoner kronor');
  const bottom = (): number => rowOf(g.snapshot, 'Ekonomi', 'Nettokostnader', { nth: 1 });

  test('is a budget table in mnkr, costs negative', () => {
    expect(tableAt(g.report, 'Ekonomi', `A${top()}`)).toMatchObject({
      range: `A${top()}:E${bottom()}`,
      title: '5.1 Driftbudget',
      kind: 'budget',
      unit: 'mnkr',
      signConvention: 'costs-negative',
    });
  });

  test('Prognos 2023 − Budget 2023, exact decimals (31,6 − 28,1 = 3,5, not 3.5000000000000036)', () => {
    const vs = g.report.variances.filter(inRows('Ekonomi', top(), bottom()));
    expect(pairs(vs)).toEqual([
      ['Intäkter', 3.5],
      ['Personalkostnader', -2.6],
      ['Övriga kostnader', 1.6],
      ['Nettokostnader', 2.5],
      ['Funktionsstöd', -2],
      ['Individ-och familjeomsorg', 4.1],
      ['Ledning, adm, nämnd', 0.4],
      ['Nettokostnader', 2.5],
    ]);
    for (const v of vs) {
      expect(v.unit).toBe('mnkr');
      expect(norm(v.baseline)).toBe('Budget 2023');
      expect(norm(v.actual)).toBe('Prognos 2023');
    }
  });

  test('both Nettokostnader rows are the sums of their own blocks: no check', () => {
    expect(g.report.checks.filter(inRows('Ekonomi', top(), bottom()))).toEqual([]);
  });
});

describe('5.2 Investeringsbudget (sheet Ekonomi)', () => {
  test('budgets and a plan only: no variance, no check', () => {
    const top = rowOf(g.snapshot, 'Ekonomi', 'Investering (Mnkr)');
    const bottom = rowOf(g.snapshot, 'Ekonomi', 'Totala investeringar');
    expect(g.report.variances.filter(inRows('Ekonomi', top, bottom))).toEqual([]);
    expect(g.report.checks.filter(inRows('Ekonomi', top, bottom))).toEqual([]);
  });
});

describe('6 Internkontroll (sheet Internkontroll)', () => {
  test('five risks; the Riskmatris legend is not a risk table', () => {
    expect(g.report.risks).toHaveLength(5);
    const planStart = rowOf(g.snapshot, 'Internkontroll', '6.3 Internkontrollplan');
    for (const r of g.report.risks) expect(r.row).toBeGreaterThan(planStart);
  });

  test('words become numbers: Möjlig × Kännbar = 3 × 3 = 9, not in the plan', () => {
    expect(riskNamed(g.report, 'Bristande kontroll av sjuklönekostnader')).toMatchObject({
      process: 'Debitering',
      probability: 3,
      consequence: 3,
      value: 9,
      reportedValue: 9,
      inPlan: false,
    });
  });

  test('Mindre sannolik × Lindrig = 2 × 2 = 4', () => {
    expect(riskNamed(g.report, 'Följer inte upphandlingsrutiner')).toMatchObject({
      process: 'Övergripande styrning',
      probability: 2,
      consequence: 2,
      value: 4,
      inPlan: false,
    });
  });

  test('Möjlig × Allvarig = 3 × 4 = 12, three times, all in the plan; the process is carried down', () => {
    expect(riskNamed(g.report, 'Felaktiga utbetalningar')).toMatchObject({
      process: 'Övergripande styrning',
      probability: 3,
      consequence: 4,
      value: 12,
      reportedValue: 12,
      inPlan: true,
    });
    expect(riskNamed(g.report, 'Bristfällig dokumentation')).toMatchObject({
      process: 'Att tillhandahålla stöd och omsorg',
      value: 12,
      inPlan: true,
    });
    expect(riskNamed(g.report, 'Osäker dokumentation gällande personalärenden')).toMatchObject({
      process: 'Personal',
      value: 12,
      inPlan: true,
    });
    expect(g.report.risks.filter((r) => r.inPlan)).toHaveLength(3);
  });

  test('the printed riskvärden agree: no product check', () => {
    expect(g.report.checks.filter((c) => c.sheet === 'Internkontroll')).toEqual([]);
  });
});

describe('--risk-threshold 9', () => {
  let g9: Golden;
  beforeAll(async () => {
    g9 = await loadGolden('mark-2024.xlsx', { riskThreshold: 9 });
  });

  test('four risks in the plan: Debitering (9) joins the three of value 12; the 4 stays out', () => {
    expect(g9.report.risks.filter((r) => r.inPlan)).toHaveLength(4);
    expect(riskNamed(g9.report, 'Bristande kontroll av sjuklönekostnader').inPlan).toBe(true);
    expect(riskNamed(g9.report, 'Följer inte upphandlingsrutiner').inPlan).toBe(false);
  });
});

test('every table title is a line touching its header, never one across an empty row', () => {
  expect(misplacedTitles(g)).toEqual([]);
});
