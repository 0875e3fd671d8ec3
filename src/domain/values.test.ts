import { parseSwedishNumber, readNumber, isNoValue, formatDecimals } from './values';

describe('Swedish numbers in cells', () => {
  test.each([
    ['-10 882', '-10882'],
    ['-10\u00a0882', '-10882'],
    ['\u2212137\u202f901', '-137901'],
    ['–5 000', '-5000'],
    ['28,1', '28.1'],
    ['7,03 %', '7.03'],
    ['82 %', '82'],
    ['1.5', '1.5'],
    ['4 658 552', '4658552'],
  ])('%s reads as %s', (text, expected) => {
    expect(parseSwedishNumber(text)?.value.toString()).toBe(expected);
  });

  test('percent text is flagged as percent', () => {
    expect(parseSwedishNumber('82 %')?.percent).toBe(true);
    expect(parseSwedishNumber('82')?.percent).toBe(false);
  });

  test('a number followed by words keeps the first number and the rest as a note', () => {
    const n = parseSwedishNumber('82,2 (vård, omsorg och sociala frågor) 80,5 (hela kommunen)');
    expect(n?.value.toString()).toBe('82.2');
    expect(n?.note).toBe('(vård, omsorg och sociala frågor) 80,5 (hela kommunen)');
  });

  test.each(['Varav 85 kvinnor och 81 män', '18-24 år', '70-100', '2022/2023', '3 mån'])(
    '%s is not a number',
    (t) => {
      expect(parseSwedishNumber(t)).toBeNull();
    },
  );

  test.each(['-', '–', '', 'saknas', 'Utfall saknas', 'uppgift saknas', 'ej aktuellt'])(
    '%s means no value',
    (t) => {
      expect(isNoValue(t)).toBe(true);
      expect(readNumber(t, null)).toBeNull();
    },
  );

  test('a 0% formatted 0.92 is 92 percent, exactly', () => {
    const n = readNumber(0.92, '0%');
    expect(n?.value.toString()).toBe('92');
    expect(n?.percent).toBe(true);
    expect(readNumber(0.073, '0.0%')?.value.toString()).toBe('7.3');
  });

  test('float noise in a cell is cut: 3.5000000000000036 is 3.5', () => {
    expect(readNumber(31.6 - 28.1, null)?.value.toString()).toBe('3.5');
  });

  test('decimals shown come from the format', () => {
    expect(formatDecimals('# ##0')).toBe(0);
    expect(formatDecimals('#,##0.0')).toBe(1);
    expect(formatDecimals('0.00%')).toBe(2);
    expect(formatDecimals('General')).toBeNull();
    expect(readNumber(-269, '0.0')?.decimals).toBe(1);
  });
});
