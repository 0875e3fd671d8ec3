/**
 * Golden test: tests/fixtures/ale-2018.xlsx, rebuilt from seed 001 (Ale, omsorgs- och
 * arbetsmarknadsnämnden, Verksamhetsplan med budget 2018-2021): the Mått tables of section 5,
 * 6.1 Verksamhetsmått, 7.1 Ekonomisk sammanställning and 7.2 Investeringar.
 */
import {
  indicatorAt,
  inRows,
  loadGolden,
  misplacedTitles,
  norm,
  pairs,
  rowOf,
  tableAt,
  varianceAt,
  type Golden,
} from './helpers';

let g: Golden;
beforeAll(async () => {
  g = await loadGolden('ale-2018.xlsx');
});

const at = (label: string) => indicatorAt(g.report, 'Mål', rowOf(g.snapshot, 'Mål', label));

describe('Mått tables (sheet Mål): Utfall 2016, Utfall T2 2017, Målvärde 2018, Målvärde 2022', () => {
  test('Brukarbedömning särskilt boende: 73 % (T2 2017) against Målvärde 2018 86 % → not met', () => {
    const i = at('Brukarbedömning särskilt boende helhetsbedömning');
    expect(i).toMatchObject({ outcome: 73, status: 'not-met' });
    expect(norm(i.outcomePeriod ?? '')).toBe('Utfall T2 2017');
    expect(norm(i.targetPeriod ?? '')).toBe('Målvärde 2018');
  });

  test('Brukarbedömning hemtjänst: 89 % against 90 % → not met', () => {
    expect(at('Brukarbedömning hemtjänst helhetsbedömning')).toMatchObject({
      outcome: 89,
      status: 'not-met',
    });
  });

  test('olika vårdare: 17 against 15 (down from 17, so fewer is better) → not met', () => {
    expect(at('Hur många olika vårdare')).toMatchObject({
      outcome: 17,
      direction: 'lower',
      status: 'not-met',
    });
  });

  test('understa kvintilen "ska inte ... vara högre än": 32,9 % against 31 % → not met', () => {
    expect(at('Andelen invånare som har lön i den understa kvintilen')).toMatchObject({
      outcome: 32.9,
      direction: 'lower',
      status: 'not-met',
    });
  });

  test('heltid: 80,7 % against 85 % → not met', () => {
    expect(at('Målet är att 85 %')).toMatchObject({ outcome: 80.7, status: 'not-met' });
  });

  test('Andel arbetslösa: outcomes 123 and 126 are counts against a 5,5 % target → unclear, never met', () => {
    const i = at('Andel arbetslösa och i program i åldern 18-24 år ska minska');
    expect(i.status).not.toBe('met');
    expect(i.status).toBe('unclear');
  });

  test('rows with targets but no outcome → no-outcome', () => {
    expect(at('Andel utrikesfödda av det totala antalet arbetslösa').status).toBe('no-outcome');
    expect(at('Antalet äkta e-tjänster').status).toBe('no-outcome');
  });

  test('rows without targets → no-target', () => {
    expect(at('Antal ungdomar som erbjudits feriearbete').status).toBe('no-target');
    expect(at('Halvera matsvinnet').status).toBe('no-target');
    expect(at('Antal betalningsdagar sjukhus').status).toBe('no-target');
    expect(at('Sjuktalen 2018 ska vara lägre').status).toBe('no-target');
  });

  test('no Mått is met: every one with a target and an outcome falls short', () => {
    expect(g.report.indicators.filter((i) => i.status === 'met')).toEqual([]);
  });

  test('title lines and notes are not indicators', () => {
    const rows = new Set(g.report.indicators.filter((i) => i.sheet === 'Mål').map((i) => i.row));
    for (const line of [
      'Måttet har redovisats',
      'Överstående mått',
      'Ovanstående mått',
      'Uppdrag:',
      '5.1.3',
    ]) {
      expect(rows.has(rowOf(g.snapshot, 'Mål', line))).toBe(false);
    }
  });
});

describe('6.1 Verksamhetsmått (sheet Verksamhetsmått)', () => {
  test('Utfall 2016 / Budget 2017 / Budget 2018 are never paired: no variance', () => {
    expect(g.report.variances.filter((v) => v.sheet === 'Verksamhetsmått')).toEqual([]);
  });

  test('följetal are never met or not met', () => {
    for (const i of g.report.indicators.filter((x) => x.sheet === 'Verksamhetsmått')) {
      expect(i.status).toBe('no-target');
    }
  });
});

describe('7.1 Ekonomisk sammanställning (sheet Ekonomi)', () => {
  const top = (): number => rowOf(g.snapshot, 'Ekonomi', 'Besluts/verksamhetsområden');
  const bottom = (): number => rowOf(g.snapshot, 'Ekonomi', 'Totalt');

  test('is a budget table in tkr (`Belopp i tkr` in the corner)', () => {
    const t = tableAt(g.report, 'Ekonomi', `A${top()}`);
    expect(t.title).toBe('7.1 Ekonomisk sammanställning'); // not `7 Ekonomisk sammanfattning` across a blank row
    expect(t).toMatchObject({
      range: `A${top()}:F${bottom()}`,
      kind: 'budget',
      unit: 'tkr',
    });
  });

  test('Prognos 2017 is the forecast deviation itself: reported as such, −27 600 for the committee', () => {
    const rows = g.report.variances.filter(inRows('Ekonomi', top(), bottom()));
    expect(rows.map((v) => [v.label, v.kind, v.variance, v.actualValue])).toEqual([
      ['Nämnd och administration', 'forecast-deviation', 12600, null],
      ['Äldreomsorg inkl hemtjänst', 'forecast-deviation', -11800, null],
      ['Särskilda boenden och hemsjukvård', 'forecast-deviation', 3400, null],
      ['Funktionshinder', 'forecast-deviation', -11000, null],
      ['Individ- och familjeomsorg', 'forecast-deviation', -20800, null],
      ['Totalt', 'forecast-deviation', -27600, null],
    ]);
    // Never a forecast amount: no `prognos − budget` of 12 600 − 97 186.
    expect(rows.every((v) => v.baseline === 'Budget 2017')).toBe(true);
    expect(rows.find((v) => v.label === 'Totalt')?.variancePercent).toBe(-5.52); // −27 600 / 499 702
  });

  test('Total budget = kostnader − intäkter in every row, and the Totalt sums hold: no check', () => {
    // e.g. 114 786 − 550 = 114 236; 723 659 − 204 953 = 518 706
    expect(g.report.checks.filter(inRows('Ekonomi', top(), bottom()))).toEqual([]);
  });
});

describe('7.2 Investeringar (sheet Ekonomi)', () => {
  const top = (): number => rowOf(g.snapshot, 'Ekonomi', 'Investeringar belopp i tkr');
  const bottom = (): number => rowOf(g.snapshot, 'Ekonomi', 'Totalt', { after: top() });

  test('variance = Budget 2017 − Prognos 2017 (spending less is favourable)', () => {
    expect(pairs(g.report.variances.filter(inRows('Ekonomi', top(), bottom())))).toEqual([
      ['Nytt äldreboende Älvängen', -1787], // 0 − 1 787
      ['Nya boenden funktionshinder, inventarier', 0],
      ['e-hälsa', 500], // 500 − 0
      ['Årsanslag OAN', 0], // 1 500 − 1 500
    ]);
    const v = varianceAt(
      g.report,
      'Ekonomi',
      rowOf(g.snapshot, 'Ekonomi', 'Nytt äldreboende Älvängen'),
    );
    expect(v).toMatchObject({ baselineValue: 0, actualValue: 1787, unit: 'tkr' });
    expect(norm(v.baseline)).toBe('Budget 2017');
    expect(norm(v.actual)).toBe('Prognos 2017');
  });

  test('is an investments table; Budget 2018 Totalt 10 310 adds up: no check', () => {
    expect(tableAt(g.report, 'Ekonomi', `A${top()}`)).toMatchObject({
      kind: 'investments',
      unit: 'tkr',
    });
    expect(g.report.checks.filter(inRows('Ekonomi', top(), bottom()))).toEqual([]);
  });
});

test('every table title is a line touching its header, never one across an empty row', () => {
  expect(misplacedTitles(g)).toEqual([]);
});

describe('goals (sheet Mål)', () => {
  // 5.1.2 writes its goal in two sentences, the second saying whom it is for: still one goal, the
  // goal of the Mått under it, as 5.1.3's one-sentence goal is of its own.
  test.each([
    ['Underlätta för kommunens invånare att få fäste på arbetsmarknaden.', 'Andel arbetslösa'],
    ['Brukarnas upplevelse av trygghet', 'Brukarbedömning särskilt boende helhetsbedömning'],
  ])('"%s…" is a goal, the goal of "%s"', (goalStart, indicator) => {
    const goal = g.report.goals.find((x) => x.sheet === 'Mål' && x.text.startsWith(goalStart));
    expect(goal).toBeDefined();
    expect(at(indicator).goal).toBe(goal?.id);
  });
});
