/**
 * Seed 001 (Ale 2018), sheet Ekonomi, as the seed document prints it: the ekonomisk
 * sammanfattning under a merged two-row header (2017: Prognos, Budget; 2018: Budget kostnader,
 * Budget intäkter, Total budget), then the investments, `blankRows` empty rows between.
 */
import type { CellValue } from '../grid';

export const ALE_2018_MERGES = ['B2:C2', 'D2:F2'];

export function ale2018Ekonomi(blankRows = 1): CellValue[][] {
  return [
    ['7.1 Ekonomisk sammanfattning'],
    ['Besluts/verksamhetsområden Belopp i tkr', 2017, null, 2018, null, null],
    [null, 'Prognos', 'Budget', 'Budget kostnader', 'Budget intäkter', 'Total budget'],
    ['Nämnd och administration', 12600, 97186, 114786, 550, 114236],
    ['Äldreomsorg inkl hemtjänst', -11800, 10335, 82377, 71545, 10832],
    ['Särskilda boenden och hemsjukvård', 3400, 138214, 180495, 44160, 136335],
    ['Funktionshinder', -11000, 145584, 188920, 45479, 143441],
    ['Individ- och familjeomsorg', -20800, 108383, 157081, 43219, 113862],
    ['Totalt', -27600, 499702, 723659, 204953, 518706],
    ...Array.from({ length: blankRows }, (): CellValue[] => []),
    ['Investeringar belopp i tkr', 'Prognos 2017', 'Budget 2017', 'Budget 2018'],
    ['Nytt äldreboende Älvängen', 1787, 0, 6510],
    ['Nya boenden funktionshinder, inventarier', 0, 0, 800],
    ['e-hälsa', 0, 500, 1000],
    ['Årsanslag OAN', 1500, 1500, 2000],
    ['Totalt', null, null, 10310],
  ];
}
