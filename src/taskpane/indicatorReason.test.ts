import type { Indicator } from '../domain/report';
import { indicatorReason } from './indicatorReason';

/** Ale 2018's sjuktal-like indicator: plain target, direction from the outcomes before. */
const BASE: Indicator = {
  sheet: 'Mål',
  row: 7,
  cell: 'A7',
  name: 'Andel heltidsanställda',
  target: '86 %',
  targetPeriod: 'Målvärde 2018',
  outcome: 73,
  outcomePeriod: 'Utfall T2 2017',
  direction: 'higher',
  status: 'not-met',
  reason:
    'Utfallet 73 % (Utfall T2 2017) är lägre än målet 86 % (Målvärde 2018); högre är bättre enligt historiken.',
  goal: null,
  directionSource: 'history',
  outcomeWomen: null,
  outcomeMen: null,
};

const en = (change: Partial<Indicator>): string => indicatorReason({ ...BASE, ...change }, 'en');

test('Swedish keeps the report’s own reason, word for word', () => {
  expect(indicatorReason(BASE, 'sv')).toBe(BASE.reason);
});

test('not met on a plain target: which side the outcome is on, which way is better, and who says so', () => {
  expect(en({})).toBe(
    'The outcome 73 (Utfall T2 2017) is lower than the target 86 % (Målvärde 2018); higher is better (from the earlier outcomes).',
  );
  expect(en({ direction: 'lower', directionSource: 'words', outcome: 13, target: '12' })).toBe(
    'The outcome 13 (Utfall T2 2017) is higher than the target 12 (Målvärde 2018); lower is better (from the wording of the goal or the name).',
  );
});

test('not met against an operator: the operator says it all', () => {
  expect(en({ target: '≥81', direction: 'higher', directionSource: 'operator', outcome: 70 })).toBe(
    'The outcome 70 (Utfall T2 2017) does not meet the target ≥81 (Målvärde 2018).',
  );
});

test('no outcome, no target, and the unclear ones each say why', () => {
  expect(en({ status: 'no-outcome', outcome: null, outcomePeriod: null })).toBe(
    'The target 86 % (Målvärde 2018) is set, but there is no outcome yet.',
  );
  expect(en({ status: 'no-target', target: null, targetPeriod: null })).toBe(
    'No target is given; the indicator is not judged.',
  );
  // Targets for 2016 only, the outcome of 2017: nothing to compare with.
  expect(
    en({
      status: 'unclear',
      direction: 'unknown',
      targetPeriod: 'Mål 2016',
      outcomePeriod: 'Utfall 2017',
    }),
  ).toBe(
    'The targets are for years before the outcome 73 (Utfall 2017); there is no target to compare with.',
  );
  expect(en({ status: 'unclear', direction: 'unknown', directionSource: null })).toMatch(
    /^The target 86 % \(Målvärde 2018\) gives no direction and nothing says whether higher or lower is better/,
  );
  expect(en({ status: 'unclear', outcome: 126 })).toMatch(
    /^The outcome 126 .* do not compare \(their units differ\)/,
  );
});
