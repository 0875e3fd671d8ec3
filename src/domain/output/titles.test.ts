import type { WorkbookSnapshot } from '../grid';
import { findCommittee } from './committee';
import { cleanHeader, composeTitle, periodOf, plainTitle, yearSpan } from './titles';

const book = (...lines: string[]): WorkbookSnapshot => ({
  name: 'plan.xlsx',
  sheets: [
    {
      name: 'Blad1',
      origin: { row: 1, col: 1 },
      values: lines.map((l) => [l]),
      formats: [],
      merges: [],
    },
  ],
});

describe('findCommittee: the committee as the workbook names it', () => {
  it('reads the name in any of its forms, in the definite form a title uses', () => {
    expect(findCommittee(book('Socialnämnden – Nämndplan med budget 2024'))).toBe('socialnämnden');
    expect(findCommittee(book('9.1 Socialnämndens följetal'))).toBe('socialnämnden');
    expect(findCommittee(book('Verksamhetsplan för omsorgs- och arbetsmarknadsnämnden'))).toBe(
      'omsorgs- och arbetsmarknadsnämnden',
    );
    expect(findCommittee(book('Kommunstyrelsens internkontrollplan'))).toBe('kommunstyrelsen');
  });

  it('names none where the workbook names none: `Nämndens mål`, `Nämndplan`, `Styrelsemål`', () => {
    expect(
      findCommittee(book('Nämndens prioriterade mål', 'Nämndplan 2024', 'Nämndmål/Styrelsemål')),
    ).toBeNull();
  });

  it('the most named wins', () => {
    expect(
      findCommittee(book('Kultur- och fritidsnämnden', 'Socialnämnden', 'socialnämndens mål')),
    ).toBe('socialnämnden');
  });
});

describe('titles', () => {
  it('headers lose the unit the title gives', () => {
    expect(cleanHeader('Bokslut 2023 (tkr)')).toBe('Bokslut 2023');
    expect(cleanHeader('Belopp i tkr')).toBe('');
    expect(plainTitle('4.1 Ekonomisk sammanställning (tkr)')).toBe('Ekonomisk sammanställning');
  });

  it('the period: the actual column in lower case, with the budget year where it names none', () => {
    expect(periodOf('Bokslut 2023 (tkr)', 'Budget 2023 (tkr)')).toBe('bokslut 2023');
    expect(periodOf('Utfall', 'Budget 2023')).toBe('utfall 2023');
    expect(yearSpan(['2024', '2025', '2027'])).toBe('2024–2027');
    expect(yearSpan(['Projekt'])).toBe('');
  });

  it('composes name, committee, period and unit, leaving out what is unknown', () => {
    expect(composeTitle('Driftredovisning', 'socialnämnden', 'bokslut 2023', 'tkr')).toBe(
      'Driftredovisning socialnämnden, bokslut 2023 (tkr)',
    );
    expect(composeTitle('Driftredovisning', null, 'prognos 2017', 'tkr')).toBe(
      'Driftredovisning, prognos 2017 (tkr)',
    );
    expect(composeTitle('Internkontrollplan', 'socialnämnden', '', null)).toBe(
      'Internkontrollplan socialnämnden',
    );
  });
});
