import fc from 'fast-check';
import { judgeGoal, readVerdict, withoutVerdict } from './goalVerdicts';
import type { GoalVerdict, Indicator, IndicatorStatus } from './report';

function ind(
  status: IndicatorStatus,
  outcome: number | null = null,
  target: string | null = null,
  direction: Indicator['direction'] = 'higher',
): Indicator {
  return {
    sheet: 'Mål',
    row: 1,
    cell: 'A1',
    name: 'x',
    target,
    targetPeriod: null,
    outcome,
    outcomePeriod: null,
    direction,
    status,
    reason: '',
    goal: null,
    directionSource: null,
    outcomeWomen: null,
    outcomeMen: null,
  };
}

const RANK: Record<GoalVerdict, number> = {
  ej: 0,
  delvis: 1,
  'i-hog-grad': 2,
  helt: 3,
  'ej-bedomd': -1,
};

describe('judgeGoal', () => {
  // Three met of four: share 75 % → i hög grad; worst → ej; bands: 100, 105,6, 100 and 70 % → 93,9 → delvis.
  const four = [
    ind('met', 90, '≥ 90'),
    ind('met', 95, '≥ 90'),
    ind('met', 100, '≥ 100'),
    ind('not-met', 63, '≥ 90'),
  ];

  test('the rules disagree on one goal: share i hög grad, worst ej, bands delvis', () => {
    expect(judgeGoal(four).verdict).toBe('i-hog-grad');
    expect(judgeGoal(four, { rule: 'worst' }).verdict).toBe('ej');
    const bands = judgeGoal(four, { rule: 'bands' });
    expect(bands.verdict).toBe('delvis');
    expect(bands.reason).toMatch(/i snitt 94 % av målen/); // (100 + 105,6 + 100 + 70) / 4 = 93,9
  });

  test('three steps: any met → delvis, all → helt, none → ej', () => {
    expect(judgeGoal(four, { scale: 3 }).verdict).toBe('delvis');
    expect(judgeGoal([ind('met'), ind('met')], { scale: 3 }).verdict).toBe('helt');
    expect(judgeGoal([ind('not-met'), ind('not-met')], { scale: 3 }).verdict).toBe('ej');
  });

  test('fewer than half assessed is ej bedömd, whatever the rest say; the count is said', () => {
    const j = judgeGoal([ind('met'), ind('no-outcome'), ind('unclear')]);
    expect(j.verdict).toBe('ej-bedomd');
    expect(j.reason).toBe(
      '1 av 3 indikatorer uppfyllda, 1 utan utfall, 1 oklara; för få bedömda för att bedöma målet; regel: andel',
    );
    expect(judgeGoal([ind('met'), ind('no-outcome')]).verdict).toBe('helt');
  });

  test('följetal (no target) count neither way; thresholds are settings', () => {
    expect(judgeGoal([ind('met'), ind('not-met'), ind('no-target')]).reason).toMatch(/^1 av 2/);
    const half = [ind('met'), ind('not-met')];
    expect(judgeGoal(half).verdict).toBe('delvis');
    expect(judgeGoal(half, { upper: 50 }).verdict).toBe('i-hog-grad');
    expect(judgeGoal(half, { lower: 60 }).verdict).toBe('ej');
  });

  test('lower is better: bands take target / outcome', () => {
    const j = judgeGoal([ind('not-met', 12, '≤ 10', 'lower')], { rule: 'bands' });
    expect(j.reason).toMatch(/i snitt 83 %/);
    expect(j.verdict).toBe('delvis');
  });

  const statuses = fc.constantFrom<IndicatorStatus>('met', 'not-met', 'no-outcome', 'unclear');

  test('adding a met indicator never lowers a share verdict', () => {
    fc.assert(
      fc.property(fc.array(statuses, { minLength: 1, maxLength: 12 }), (list) => {
        const before = judgeGoal(list.map((s) => ind(s))).verdict;
        const after = judgeGoal([...list, 'met' as const].map((s) => ind(s))).verdict;
        if (before !== 'ej-bedomd') expect(RANK[after]).toBeGreaterThanOrEqual(RANK[before]);
      }),
    );
  });

  test('worst is never above share', () => {
    fc.assert(
      fc.property(fc.array(statuses, { minLength: 1, maxLength: 12 }), (list) => {
        const inds = list.map((s) => ind(s));
        const share = judgeGoal(inds).verdict;
        const worst = judgeGoal(inds, { rule: 'worst' }).verdict;
        expect(RANK[worst]).toBeLessThanOrEqual(RANK[share]);
      }),
    );
  });
});

test('printed verdicts are read in the words documents use', () => {
  expect(readVerdict('Målet uppfyllt')).toBe('helt');
  expect(readVerdict('Delvis uppfyllt')).toBe('delvis');
  expect(readVerdict('Bedömning: ej uppfyllt')).toBe('ej');
  expect(readVerdict('Målet är i hög grad uppfyllt')).toBe('i-hog-grad');
  expect(readVerdict('Målet uppfylls inte')).toBe('ej');
  expect(readVerdict('Antal personer som blir självförsörjande ska öka')).toBeNull();
  expect(
    withoutVerdict(
      'Socialförvaltningen ska ha en god grund i digitaliseringsarbetet  Målet uppfyllt',
    ),
  ).toBe('Socialförvaltningen ska ha en god grund i digitaliseringsarbetet');
});
