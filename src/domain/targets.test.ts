import { directionFromWords } from './direction';
import { meets, parseTarget, type Target } from './targets';
import { Decimal } from './decimal';
import { riskLevel } from './risks';

const t = (text: string): Target => {
  const r = parseTarget(text, null);
  if (r === null || r === 'unreadable') throw new Error(`no target: ${text}`);
  return r;
};

describe('targets', () => {
  test.each([
    ['≤108', '<=', '108'],
    ['<= 108', '<=', '108'],
    ['≥ 85', '>=', '85'],
    ['>19', '>', '19'],
    ['=0', '=', '0'],
    ['= 100%', '=', '100'],
    ['minst 90', '>=', '90'],
    ['högst 5', '<=', '5'],
    ['≤64 000', '<=', '64000'],
    ['70-100', 'range', '70'],
    ['86 %', 'plain', '86'],
  ])('%s → %s %s', (text, op, value) => {
    const r = t(text);
    expect(r.op).toBe(op);
    expect(r.value.toString()).toBe(value);
  });

  test('ranges are inclusive', () => {
    expect(meets(new Decimal(70), t('70-100'))).toBe(true);
    expect(meets(new Decimal(100), t('70-100'))).toBe(true);
    expect(meets(new Decimal(69.9), t('70-100'))).toBe(false);
  });

  test('a percent-formatted target cell is in percent', () => {
    const r = parseTarget(0.85, '0%');
    expect(r !== null && r !== 'unreadable' && r.value.toString()).toBe('85');
  });

  test('text that is not a target is unreadable', () => {
    expect(parseTarget('enligt plan', null)).toBe('unreadable');
    expect(parseTarget('-', null)).toBeNull();
  });
});

describe('direction words', () => {
  test.each([
    ['Personalomsättningen ska minska', 'lower'],
    ['Antal personer som blir självförsörjande ska öka', 'higher'],
    [
      'Andelen invånare som har lön i den understa kvintilen ska inte i något område vara högre än 25%.',
      'lower',
    ],
    ['Sjuktalen 2018 ska vara lägre än sjuktalen för 2017', 'lower'],
    ['Att samverkan i våld i nära ärenden ökar', 'higher'],
    ['Fler ska få hjälp', 'higher'],
    ['Handläggningstider vid familjeenheten (dagar)', null],
  ])('%s → %s', (text, dir) => {
    expect(directionFromWords(text)).toBe(dir);
  });
});

describe('risk levels', () => {
  test.each([
    ['Mycket sannolik', 'probability', 5],
    ['Sannolik', 'probability', 4],
    ['Möjlig', 'probability', 3],
    ['Mindre sannolik', 'probability', 2],
    ['Osannolik', 'probability', 1],
    ['Mycket allvarig', 'consequence', 5],
    ['Allvarig', 'consequence', 4],
    ['Kännbar', 'consequence', 3],
    ['Lindrig', 'consequence', 2],
    ['Försumbar', 'consequence', 1],
    ['3', 'probability', 3],
  ] as const)('%s (%s) = %d', (text, what, value) => {
    expect(riskLevel(text, what)).toBe(value);
  });
  test('unknown words are reported, not guessed', () => {
    expect(riskLevel('Ganska trolig', 'probability')).toBe('unknown');
  });
});

test('the word naming a target is no part of it: Mål <20, Målvärde: ≥ 90', () => {
  expect(parseTarget('Mål <20', null)).toMatchObject({ op: '<', text: 'Mål <20' });
  expect(parseTarget('Målvärde: ≥ 90', null)).toMatchObject({ op: '>=' });
  expect(parseTarget('Mål saknas', null)).toBeNull();
});
