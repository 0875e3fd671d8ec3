import { classifyHeader, findPeriod, findUnit, joinHeader } from './headers';

describe('column headers', () => {
  test.each([
    ['Budget 2023 (tkr)', 'budget', 2023],
    ['Prognos helår 2023', 'forecast', 2023],
    ['Avv. prognos/budget 2023', 'variance', 2023],
    ['Avvikelse 2023 (tkr)', 'variance', 2023],
    ['Diff. utfall 2022/2023', 'difference', 2023],
    ['Bokslut 2023 (tkr)', 'outcome', 2023],
    ['Delårsbokslut 2023', 'outcome', 2023],
    ['Utfall T2 2017', 'outcome', 2017],
    ['Målvärde 2018', 'target', 2018],
    ['Mål 31 dec 2023', 'target', 2023],
    ['Godkänd nivå', 'target', null],
    ['Budget kostnader 2018', 'budget-costs', 2018],
    ['Budget intäkter 2018', 'budget-income', 2018],
    ['Total budget 2018', 'budget', 2018],
    ['Förslag till omdisponering', 'adjustment', null],
    ['Ombudgetering från 2022', 'adjustment', 2022],
    ['Sannolikhet', 'probability', null],
    ['Väsentlighet', 'consequence', null],
    ['Riskvärde', 'risk-value', null],
    ['2023', 'year', 2023],
  ])('%s is %s of %s', (text, role, year) => {
    const h = classifyHeader(text);
    expect(h.role).toBe(role);
    expect(h.period?.year ?? null).toBe(year);
  });

  test('interim periods are told apart from full years', () => {
    expect(findPeriod('Utfall T2 2017')).toEqual({ year: 2017, month: 8, interim: true });
    expect(findPeriod('Utfall 31 aug 2023')).toEqual({ year: 2023, month: 8, interim: true });
    expect(findPeriod('Delårsbokslut 2023')?.interim).toBe(true);
    expect(findPeriod('Utfall 31 dec 2022')).toEqual({ year: 2022, month: 12, interim: false });
    expect(findPeriod('Prognos helår 2023')?.interim).toBe(false);
    expect(findPeriod('Utfall jan-aug 2023')).toEqual({ year: 2023, month: 8, interim: true });
    expect(findPeriod('Utfall januari–april 2023')).toEqual({
      year: 2023,
      month: 4,
      interim: true,
    });
    expect(findPeriod('Utfall t.o.m. aug 2023')).toEqual({ year: 2023, month: 8, interim: true });
    expect(findPeriod('Utfall jan-dec 2023')).toEqual({ year: 2023, month: 12, interim: false });
  });

  test('units from headers and titles', () => {
    expect(findUnit('Belopp i tkr')).toBe('tkr');
    expect(findUnit('Driftbudget - Belopp i miljoner kronor (Mnkr)')).toBe('mnkr');
    expect(findUnit('Investering (Mnkr)')).toBe('mnkr');
    expect(findUnit('Sjuklönekostnad')).toBeNull();
  });

  test('a two-row header joins period above and role below', () => {
    expect(joinHeader('2023', 'Prognos')).toBe('Prognos 2023');
    expect(joinHeader('', 'Budget 2024')).toBe('Budget 2024');
  });
});
