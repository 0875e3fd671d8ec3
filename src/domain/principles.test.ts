/**
 * The principles of issue 7, each on a made-up table of the shape real workbooks have (the wild
 * corpus, `tests/golden/wild.test.ts`, holds the same principles on real documents). Each test is
 * named after the principle, not the layout.
 */
import { analyzeWorkbook } from './analyze';
import type { CellValue } from './grid';
import type { Report } from './report';
import { sheetOf, workbookOf } from './testing/grids';

const MINUS = '\u2212';

function run(rows: CellValue[][], merges: string[] = []): Report {
  return analyzeWorkbook(workbookOf(sheetOf('Blad1', rows, { merges })));
}

const byLabel = (r: Report, label: string) => r.variances.filter((v) => v.label === label);
const mismatches = (r: Report) =>
  r.checks.filter((c) => c.severity === 'mismatch').map((c) => c.cell);

describe('periods', () => {
  test('columns without any year share the report’s period: Budget and Prognos apr pair', () => {
    const r = run([
      ['Driftredovisning (tkr)'],
      ['Verksamhet', 'Budget', 'Prognos apr', 'Avvikelse'],
      ['Förskola', 84200, 86050, -1850],
      ['Grundskola', 120400, 119900, 500],
      ['Summa', 204600, 205950, -1350],
    ]);
    expect(byLabel(r, 'Förskola')).toMatchObject([{ variance: -1850, check: 'ok' }]);
    expect(byLabel(r, 'Summa')).toMatchObject([{ variance: -1350, check: 'ok' }]);
    expect(r.tables[0]).toMatchObject({ signConvention: 'costs-positive', unit: 'tkr' });
    expect(mismatches(r)).toEqual([]);
  });

  test('a period budget pairs with the outcome of the same period, a full-year budget with the forecast', () => {
    const r = run(
      [
        ['Ekonomisk uppföljning, tkr'],
        ['Verksamhet', 'januari–okt 2021', null, 'Helår 2021', null],
        [null, 'Budget', 'Utfall', 'Budget', 'Prognos'],
        ['Hemtjänst', -50000, -51200, -60000, -61500],
        ['Särskilt boende', -80000, -79000, -96000, -95000],
        ['Summa', -130000, -130200, -156000, -156500],
      ],
      ['B2:C2', 'D2:E2'],
    );
    const hem = byLabel(r, 'Hemtjänst').map((v) => [v.baseline, v.actual, v.variance]);
    expect(hem).toEqual([
      ['Budget januari–okt 2021', 'Utfall januari–okt 2021', -1200],
      ['Budget Helår 2021', 'Prognos Helår 2021', -1500],
    ]);
  });

  test('an interim outcome is never compared with a full-year budget', () => {
    const r = run([
      ['Drift, tkr'],
      ['Verksamhet', 'Budget 2023', 'Periodutfall 2023', 'Utfall jan–apr 2023'],
      ['Kultur', -12000, -4100, -4100],
      ['Fritid', -30000, -9800, -9800],
    ]);
    expect(r.variances).toEqual([]);
  });

  test('a multi-year frame pairs only with figures of the same span', () => {
    const r = run([
      ['Investeringar (tkr)'],
      ['Projekt', 'Budget 2021–2024', 'Utfall 2024', 'Utfall 2021–2024', 'Avvikelse'],
      ['Skola Norr', 40000, 12000, 41000, -1000],
      ['Sporthall', 25000, 8000, 24000, 1000],
    ]);
    expect(r.variances.map((v) => [v.label, v.actual, v.variance])).toEqual([
      ['Skola Norr', 'Utfall 2021–2024', -1000],
      ['Sporthall', 'Utfall 2021–2024', 1000],
    ]);
  });
});

describe('roles settled by the printed variance', () => {
  test('Nettokostnad is an outcome: Budgetavvikelse recomputed on every row', () => {
    const r = run([
      ['Driftredovisning 2022, tkr'],
      ['Verksamhet', 'Budget 2022', 'Nettokostnad 2022', 'Budgetavvikelse 2022'],
      ['Gymnasieskola', 98000, 96500, 1500],
      ['Vuxenutbildning', 21000, 22300, -1300],
      ['Summa', 119000, 118800, 200],
    ]);
    expect(byLabel(r, 'Vuxenutbildning')).toMatchObject([{ variance: -1300, check: 'ok' }]);
    expect(r.tables[0]?.recomputed).toBeGreaterThanOrEqual(3 + 3);
  });

  test('Kommunbidrag is the budget frame: Avvikelse = Kommunbidrag − Nettokostnad', () => {
    const r = run([
      ['Nämndernas resultat (mnkr)'],
      ['Nämnd', 'Kommunbidrag', 'Nettokostnad', 'Avvikelse'],
      ['Barn- och utbildningsnämnden', 812.4, 809.1, 3.3],
      ['Socialnämnden', 640.2, 655.0, -14.8],
      ['Tekniska nämnden', 95.5, 95.5, 0],
    ]);
    expect(byLabel(r, 'Socialnämnden')).toMatchObject([
      { variance: -14.8, check: 'ok', baseline: 'Kommunbidrag' },
    ]);
  });

  test('headers the engine does not know are paired by the variance they reproduce, the letters telling which is the budget', () => {
    const r = run([
      ['Uppföljning (tkr)'],
      ['Verksamhet', 'Beslutad ram', 'Bokfört', 'Avvikelse (B−U)'],
      ['Bibliotek', 8000, 7600, 400],
      ['Simhall', 12000, 12900, -900],
    ]);
    expect(byLabel(r, 'Simhall')).toMatchObject([{ variance: -900, check: 'ok' }]);
    const odd = run([
      ['Uppföljning (tkr)'],
      ['Verksamhet', 'Kolumn 1', 'Kolumn 2', 'Avvikelse (B−U)'],
      ['Bibliotek', 8000, 7600, 400],
      ['Simhall', 12000, 12900, -900],
    ]);
    expect(byLabel(odd, 'Simhall')).toMatchObject([{ variance: -900, check: 'ok' }]);
  });

  test('a printed variance that no pair reproduces is said, and counted as not recomputed', () => {
    const r = run([
      ['Drift (tkr)'],
      ['Verksamhet', 'Budget 2023', 'Utfall 2023', 'Avvikelse 2023'],
      ['Kultur', -1000, -1100, 55],
      ['Fritid', -2000, -1900, -240],
      ['Park', -3000, -3000, 17],
    ]);
    expect(r.problems.map((p) => p.code)).toContain('variance-not-reproduced');
    expect(r.tables[0]?.notRecomputed).toBeGreaterThanOrEqual(3);
  });
});

describe('column groups', () => {
  test('a row of U / I codes is a header row: spending pairs with spending, income with income', () => {
    const r = run(
      [
        ['Investeringsredovisning (tkr)'],
        ['Projekt', 'Budget 2023', null, 'Utfall 2023', null],
        [null, 'U', 'I', 'U', 'I'],
        ['Ny förskola', 30000, -5000, 28000, -5000],
        ['Gata och park', 12000, 0, 13500, 0],
      ],
      ['B2:C2', 'D2:E2'],
    );
    expect(r.problems.filter((p) => p.code === 'unreadable-number')).toEqual([]);
    const skola = byLabel(r, 'Ny förskola').map((v) => [v.baselineValue, v.actualValue]);
    expect(skola).toEqual([
      [30000, 28000],
      [-5000, -5000],
    ]);
  });

  test('Kommunen and Sammanställd redovisning are groups: no pair across them', () => {
    const r = run(
      [
        ['Resultaträkning (mnkr)'],
        [null, 'Kommunen', null, 'Sammanställd redovisning', null],
        ['Mnkr', 'Utfall 2023', 'Budget 2023', 'Utfall 2023', 'Budget 2023'],
        ['Verksamhetens intäkter', 520.0, 500.0, 1210.0, 1180.0],
        ['Verksamhetens kostnader', -2410.0, -2380.0, -2950.0, -2900.0],
      ],
      ['B2:C2', 'D2:E2'],
    );
    const intakter = byLabel(r, 'Verksamhetens intäkter').map((v) => [
      v.actualValue,
      v.baselineValue,
    ]);
    expect(intakter).toEqual([
      [520, 500],
      [1210, 1180],
    ]);
  });
});

describe('totals chosen on all columns', () => {
  const lines: CellValue[][] = [
    ['Äldreomsorg', -61000, -62000, -1000],
    ['Hemtjänst', -45000, -44500, 500],
    ['Funktionsstöd', -38000, -38000, 0],
  ];

  test('one wrong column never hides the check: the utfall of Totalt 15 off is a mismatch at its cell', () => {
    const r = run([
      ['Drift (tkr)'],
      ['Verksamhet', 'Budget 2023', 'Utfall 2023', 'Avvikelse'],
      ...lines,
      ['Totalt', -144000, -144515, -515],
    ]);
    expect(mismatches(r)).toEqual(['C6', 'D6']);
    expect(r.problems.map((p) => p.code)).not.toContain('total-not-reproduced');
  });

  test('an error that keeps its row consistent is found at the total in both columns it feeds', () => {
    // Hemtjänst's utfall mistyped as −45 500 and its Avvikelse computed from it: the row adds up.
    const r = run([
      ['Drift (tkr)'],
      ['Verksamhet', 'Budget 2023', 'Utfall 2023', 'Avvikelse'],
      lines[0] ?? [],
      ['Hemtjänst', -45000, -45500, -500],
      lines[2] ?? [],
      ['Totalt', -144000, -144500, -500],
    ]);
    expect(mismatches(r)).toEqual(['C6', 'D6']);
  });

  test('a category row whose parts disagree in one column of three is still a category, the column a mismatch', () => {
    const r = run([
      ['Investeringar (tkr)'],
      ['Projekt', 'Budget 2023', 'Utfall 2023', 'Avvikelse'],
      ['Reinvestering', 900, 700, 200],
      ['Inventarier', 300, 350, 50], // utfall mistyped: 250 fits the row and the category
      ['IT-utrustning', 400, 300, 100],
      ['Transportmedel', 200, 150, 50],
      ['Nyinvestering', 5000, 4000, 1000],
      ['Totalt', 5900, 4700, 1200],
    ]);
    // The row's Avvikelse (300 − 350 ≠ 50) and the category's utfall (350 + 300 + 150 ≠ 700).
    expect(mismatches(r)).toEqual(['D4', 'C3']);
  });

  test('a Netto at the top of its table is the sum of the parts under it; varav rows are in no sum', () => {
    const r = run([
      ['Kultur- och fritidsnämnden (tkr)'],
      [null, 'Budget 2023', 'Utfall 2023'],
      ['Netto', -41000, -40200],
      ['Intäkter', 9000, 9800],
      ['- varav bidrag', 4000, 4100],
      ['Kostnader', -50000, -50000],
      ['- varav personal', -30000, -29000],
    ]);
    expect(r.checks).toEqual([]);
    expect(r.tables[0]?.recomputed).toBe(2);
    const wrong = run([
      ['Kultur- och fritidsnämnden (tkr)'],
      [null, 'Budget 2023', 'Utfall 2023'],
      ['Netto', -41000, -41200],
      ['Intäkter', 9000, 9800],
      ['- varav bidrag', 4000, 4100],
      ['Kostnader', -50000, -50000],
    ]);
    expect(mismatches(wrong)).toEqual(['C3']);
  });

  test('ties between runs go to the longer run: an error in a line is reported at its own total', () => {
    const r = run([
      ['Drift (tkr)'],
      ['Verksamhet', 'Budget 2023', 'Utfall 2023'],
      ['Skola A', 100, 100],
      ['Skola B', 200, 260],
      ['Skola C', 300, 300],
      ['Summa skolor', 600, 600],
    ]);
    expect(mismatches(r)).toEqual(['C6']);
  });
});

describe('resultaträkning chains', () => {
  const rr = (kostnader: number): CellValue[][] => [
    ['Resultaträkning, mnkr'],
    [null, 'Utfall 2023', 'Budget 2023'],
    ['Verksamhetens intäkter', 610.2, 590.0],
    ['Verksamhetens kostnader', kostnader, -2800.0],
    ['- varav jämförelsestörande poster', -12.0, 0],
    ['Avskrivningar', -95.4, -98.0],
    ['Verksamhetens nettokostnader', -2335.3, -2308.0],
    ['Skatteintäkter', 1920.5, 1905.0],
    ['Generella statsbidrag och utjämning', 480.3, 470.0],
    ['Verksamhetens resultat', 65.5, 67.0],
    ['Finansiella intäkter', 20.1, 18.0],
    ['Finansiella kostnader', -15.6, -17.0],
    ['Resultat efter finansiella poster', 70.0, 68.0],
    ['Årets resultat', 70.0, 68.0],
  ];

  test('each result line is the sum of the lines since the previous one, varav left out', () => {
    const r = run(rr(-2850.1));
    expect(r.checks).toEqual([]);
    expect(r.problems.map((p) => p.code)).not.toContain('total-not-reproduced');
  });

  test('a 10 mnkr error in Verksamhetens kostnader is reported at the result line it feeds', () => {
    const r = run(rr(-2860.1));
    expect(mismatches(r)).toEqual(['B7']);
  });
});

describe('sign convention', () => {
  test('rows where actual equals budget give variance 0 whatever the convention; none is guessed', () => {
    const r = run([
      ['Drift (tkr)'],
      ['Verksamhet', 'Budget 2023', 'Utfall 2023', 'Avvikelse'],
      ['Kultur', 1000, 1000, 0],
      ['Fritid', -2000, -2000, 0],
      ['Park', 3000, 3000, 0],
    ]);
    expect(r.variances.map((v) => v.variance)).toEqual([0, 0, 0]);
    expect(r.variances.every((v) => v.check === 'ok')).toBe(true);
    expect(r.tables[0]?.signConvention).toBeNull();
  });
});

describe('units', () => {
  test('an amount in a sentence above the table says nothing of its unit', () => {
    const r = run([
      ['Nämndens ram uppgår till 84,6 miljoner kronor för 2024.'],
      ['Driftbudget, tkr'],
      ['Verksamhet', 'Budget 2024', 'Budget 2023'],
      ['Kultur', 40000, 39000],
      ['Fritid', 44600, 43000],
    ]);
    expect(r.tables[0]?.unit).toBe('tkr');
    const prose = run([
      ['Nämndens ram uppgår till 84,6 miljoner kronor för 2024.'],
      ['Verksamhet', 'Budget 2024', 'Budget 2023'],
      ['Kultur', 40000, 39000],
    ]);
    expect(prose.tables[0]?.unit).toBeNull();
  });
});

describe('coverage', () => {
  test('a table says how many printed figures were recomputed', () => {
    const r = run([
      ['Drift (tkr)'],
      ['Verksamhet', 'Budget 2023', 'Utfall 2023', 'Avvikelse'],
      ['Äldreomsorg', -61000, -62000, -1000],
      ['Hemtjänst', -45000, -44500, 500],
      ['Totalt', -106000, -106500, -500],
    ]);
    // Three printed variances and the total's three figures.
    expect(r.tables[0]).toMatchObject({ recomputed: 6, notRecomputed: 0 });
  });
});

test('a text minus and a Swedish text number keep their sign', () => {
  const r = run([
    ['Drift (tkr)'],
    ['Verksamhet', 'Budget', 'Prognos', 'Avvikelse'],
    ['Kultur', '1 000', '1 200', `${MINUS}200`],
    ['Fritid', '2 000', '1 900', '100'],
  ]);
  expect(byLabel(r, 'Kultur')).toMatchObject([{ variance: -200, check: 'ok' }]);
});

describe('risks', () => {
  test('in a risk table S, K and R (or S×K) are sannolikhet, konsekvens and riskvärde; a wrong product is a mismatch', () => {
    for (const value of ['R', 'S×K']) {
      const r = run([
        ['Riskanalys'],
        ['Risk', 'S', 'K', value],
        ['Brist på behörig personal', 4, 4, 16],
        ['Otillräcklig dokumentation', 3, 2, 5],
      ]);
      expect(r.tables.map((t) => t.kind)).toEqual(['risks']);
      expect(r.checks.filter((c) => c.severity === 'mismatch').map((c) => c.cell)).toEqual(['D4']);
    }
    // Outside a risk table a lone letter names nothing.
    const plain = run([['Tabell'], ['Verksamhet', 'S', 'K'], ['Förskola', 4, 4]]);
    expect(plain.tables.map((t) => t.kind)).not.toContain('risks');
  });
});

describe('coverage of what cannot be read', () => {
  test('a table of figures with no column the engine can name is said at its header, never passed over', () => {
    const r = run([
      ['Personal'],
      ['Enhet', 'Årsarbetare', 'Tillsvidareanställda'],
      ['Förskola', 212, 198],
      ['Grundskola', 340, 321],
    ]);
    expect(r.tables.map((t) => t.kind)).toEqual(['other']);
    expect(r.problems.map((p) => [p.code, p.cell, p.severity])).toEqual([
      ['unread-table', 'B2', 'info'],
    ]);
    expect(r.problems[0]?.message).toBe(
      'Tabellen har tal men inga kolumner som går att tolka (Årsarbetare | Tillsvidareanställda); den kontrolleras inte.',
    );
  });
});

describe('what is left of the budget', () => {
  test('Återstår and Kvar are budget − utfall: checked as variances, a wrong one a mismatch at its cell', () => {
    for (const word of ['Återstår', 'Kvar']) {
      const r = run([
        ['Investeringar (mnkr)'],
        ['Projekt', 'Budget 2024', 'Utfall 2024', word, 'Kommentar'],
        ['Ny förskola Väster', 45.0, 38.2, 6.8, 'Försenad'],
        ['Om- och tillbyggnad skola', 12.5, 13.1, -0.6, null],
        ['Summa investeringar', 57.5, 51.3, 7.3, null],
      ]);
      expect(r.variances.map((v) => [v.label, v.variance, v.check])).toEqual([
        ['Ny förskola Väster', 6.8, 'ok'],
        ['Om- och tillbyggnad skola', -0.6, 'ok'],
        ['Summa investeringar', 6.2, 'mismatch'],
      ]);
      expect(r.problems.filter((p) => p.code === 'ambiguous-header')).toEqual([]);
    }
  });
});

describe('indicators: targets and direction', () => {
  const table = (name: string, target: CellValue, outcomes: CellValue[]): CellValue[][] => [
    ['Nyckeltal'],
    ['Indikator', 'Utfall 2021', 'Utfall 2022', 'Utfall 2023', 'Mål 2023'],
    [name, ...outcomes, target],
  ];
  const one = (rows: CellValue[][]) => run(rows).indicators[0];

  test('words between the operator and the number are read: Minst index 60, Lägst NMI 70, Högst 5 dagar', () => {
    expect(one(table('Nöjd Kund Index bygglov', 'Minst index 60', [null, null, 64]))).toMatchObject(
      { status: 'met', direction: 'higher', directionSource: 'operator' },
    );
    expect(one(table('Nöjd Medborgar-Index', 'Lägst NMI 70', [null, null, 66]))).toMatchObject({
      status: 'not-met',
    });
    expect(one(table('Handläggningstid', 'Högst 5 dagar', [null, null, 4]))).toMatchObject({
      status: 'met',
      direction: 'lower',
    });
  });

  test('a target the engine cannot read is unclear, never no-target', () => {
    const i = one(table('Andel nöjda besökare', 'Ska öka jämfört med 2022', [70, 72, 75]));
    expect(i).toMatchObject({ status: 'unclear', target: 'Ska öka jämfört med 2022' });
  });

  test('Låg in the name means lower is better', () => {
    expect(one(table('Låg sjukfrånvaro bland medarbetare, %', 7, [8.1, 7.9, 6.5]))).toMatchObject({
      status: 'met',
      direction: 'lower',
      directionSource: 'words',
    });
  });

  test('a women’s or men’s column is a split of the outcome, never the outcome itself', () => {
    // The period's total stands first without a year, the split over two years beside it: the
    // outcome compared is the total (81), not the men's 2023 (78) whose year is the latest.
    const r = run(
      [
        ['Nyckeltal'],
        ['Indikator', 'Mål 2023', 'Utfall', 'Utfall kvinnor', null, 'Utfall män', null],
        [null, null, null, 2022, 2023, 2022, 2023],
        ['Andel nöjda brukare, %', 'Minst 80', 81, 83, 84, 75, 78],
        ['Andel trygga brukare, %', 'Minst 85', 84, 90, 86, 86, 82],
      ],
      ['B2:B3', 'C2:C3', 'D2:E2', 'F2:G2'],
    );
    expect(r.indicators.map((i) => [i.outcome, i.outcomeWomen, i.outcomeMen, i.status])).toEqual([
      [81, 84, 78, 'met'],
      [84, 86, 82, 'not-met'],
    ]);
  });

  test('a share typed as text is read as written: `0,2` against `4,0` is 0,2 %, not a 0–1 fraction', () => {
    expect(
      one(table('Andel resor med kollektivtrafik ska öka, %', '4,0', [null, '0,3', '0,2'])),
    ).toMatchObject({ status: 'not-met', outcome: 0.2, direction: 'higher' });
    // A stored 0,2 beside a target of 4 may be 20 % in a percent format lost on the way: unclear.
    expect(
      one(table('Andel resor med kollektivtrafik ska öka, %', 4, [null, 0.3, 0.2])),
    ).toMatchObject({ status: 'unclear' });
  });

  test('a measure carries its unit: `15 µg/m3 (2023)` is 15; a Gränsvärde is a limit not to be exceeded; other units are unclear', () => {
    const r = run([
      ['Luft'],
      ['Indikator', 'Senaste värdet', 'Gränsvärde'],
      ['Partiklar (PM10)', '15 µg/m3 (2023)', '15 µg/m3 (2025)'],
      ['Kvävedioxid', '12 µg/m3 (2023)', '10 µg/m3'],
      ['Bensen', '1 mg/m3 (2023)', '5 µg/m3'],
      ['Hushållsavfall', '479 kg/person', 'Högst 450 kg/person'],
    ]);
    expect(r.indicators.map((i) => [i.outcome, i.status, i.direction])).toEqual([
      [15, 'met', 'lower'],
      [12, 'not-met', 'lower'],
      [1, 'unclear', 'lower'],
      [479, 'not-met', 'lower'],
    ]);
    expect(r.problems.filter((p) => p.code === 'unreadable-number')).toEqual([]);
  });

  test('a paragraph above the table is no goal: its words give no direction', () => {
    const r = run([
      ['Vårt uppdrag är att förbättra människors vardag. Vi ska utgå från invånarnas behov.'],
      ['Indikator', 'Utfall 2022', 'Utfall 2023', 'Mål 2024'],
      ['Plats på förskola på önskat datum, %', null, 74, 98],
    ]);
    expect(r.indicators[0]).toMatchObject({ status: 'unclear', direction: 'unknown' });
  });

  test('minst with a number inside a name defines what is counted, not the direction', () => {
    // `om minst 100 Mbit/s` says which connections count; one earlier outcome gives no history.
    expect(
      one(table('Andel hushåll med bredband om minst 100 Mbit/s, %', 80, [null, 79, 82])),
    ).toMatchObject({ status: 'unclear', direction: 'unknown' });
    // A name that sets the target keeps it: `ska vara minst 90`.
    expect(one(table('Andelen behöriga ska vara minst 90 %', 90, [null, null, 92]))).toMatchObject({
      status: 'met',
      direction: 'higher',
    });
  });

  test('one earlier outcome gives no direction; two on the same side of the target do', () => {
    // 55 last year, target 52, outcome 48: a target set below one good year says nothing.
    expect(one(table('Antal deltagare', 52, [null, 55, 48]))).toMatchObject({ status: 'unclear' });
    // 58 and 55, both above the target 52: a decrease is wanted, 48 meets it.
    expect(one(table('Antal deltagare', 52, [58, 55, 48]))).toMatchObject({
      status: 'met',
      direction: 'lower',
      directionSource: 'history',
    });
    // 50 and 55 on either side of 52: no direction.
    expect(one(table('Antal deltagare', 52, [50, 55, 48]))).toMatchObject({ status: 'unclear' });
  });

  test('the same indicator with an operator elsewhere in the workbook wins over the history', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Nämnd', table('Antal deltagare i feriearbete', 52, [58, 55, 48])),
        sheetOf('KF', [
          ['Indikatorer'],
          ['Indikator', 'Utfall 2023', 'Mål 2023'],
          ['Antal deltagare i feriearbete', 48, 'Minst 52'],
        ]),
      ),
    );
    expect(report.indicators.map((i) => [i.sheet, i.status, i.directionSource])).toEqual([
      ['Nämnd', 'not-met', 'elsewhere'],
      ['KF', 'not-met', 'operator'],
    ]);
  });
});

test('rounding is allowed per figure at its own precision: a total of 206,0 over a part of 0,355', () => {
  const r = run([
    ['Investeringar (mnkr)'],
    ['Projekt', 'Budget total', 'Utfall tom 2017'],
    ['Skola', 75.6, 63.8],
    ['Förskola', 11.7, 0.355],
    ['Park', 9.8, '2,0'],
    ['Totalt', 97.1, 66.2],
  ]);
  // 63,8 + 0,355 + 2,0 = 66,155: within ½ of 0,1 for each one-decimal figure and the total.
  expect(r.checks.map((c) => [c.cell, c.severity])).toEqual([['C6', 'rounding']]);
  const wrong = run([
    ['Investeringar (mnkr)'],
    ['Projekt', 'Budget total', 'Utfall tom 2017'],
    ['Skola', 75.6, 63.8],
    ['Förskola', 11.7, 0.355],
    ['Park', 9.8, '2,0'],
    ['Totalt', 97.1, 66.4],
  ]);
  expect(mismatches(wrong)).toEqual(['C6']);
});

test('a printed variance share is recomputed as Avvikelse / |Budget| × 100 on every row', () => {
  const r = run([
    ['Nämndernas budgetavvikelse (mnkr)'],
    ['Nämnd', 'Budget', 'Avvikelse', 'Procent'],
    ['Förskolenämnden', 654.4, 22.8, '2,4 %'], // 22,8 / 654,4 = 3,48 %
    ['Grundskolenämnden', 1200.0, 20.0, '1,7 %'], // 1,67 %: right
    ['Summa', 1854.4, 42.8, '4,1 %'], // a sum of the shares, not 42,8 / 1 854,4 = 2,31 %
  ]);
  expect(mismatches(r)).toEqual(['D3', 'D5']);
  expect(r.variances.map((v) => [v.label, v.kind, v.variance])).toEqual([
    ['Förskolenämnden', 'forecast-deviation', 22.8],
    ['Grundskolenämnden', 'forecast-deviation', 20],
    ['Summa', 'forecast-deviation', 42.8],
  ]);
});

test('the net of an outcome is its income plus its costs, row by row (Intäkter | Kostnader | Netto)', () => {
  const r = run([
    ['Driftredovisning (mnkr)'],
    ['Nämnd', 'Intäkter', 'Kostnader', 'Netto', 'Budget', 'Avvikelse'],
    ['Byggnadsnämnd', 48, -90, -42, -39, -3],
    ['Teknisk nämnd', 112, -358, -246, -240, -6],
    ['Centrala poster', 92, -63, -89, 68, -157], // 92 − 63 = 29, not −89
    ['Summa', 252, -511, -377, -211, -166],
  ]);
  expect(mismatches(r)).toContain('D5');
  expect(mismatches(r)).not.toContain('D6');
});

describe('goals', () => {
  test('a printed verdict its indicators contradict is a verdict check at its cell', () => {
    const r = run([
      ['Nämndens mål: Fler ska bli självförsörjande. Målet uppfyllt'],
      ['Indikator', 'Utfall 2023', 'Mål 2023'],
      ['Andel självförsörjande, %', 40, '≥ 50'],
      ['Antal i praktik', 20, 'Minst 30'],
    ]);
    expect(r.goals[0]).toMatchObject({ verdict: 'ej', reportedVerdict: 'helt', indicators: 2 });
    expect(r.checks).toEqual([
      expect.objectContaining({ cell: 'A1', kind: 'verdict', reported: 'helt', computed: 'ej' }),
    ]);
  });

  test('a goal states something: a question, a caption or the text under a lead-in above a table is none', () => {
    const table = (line: string): CellValue[][] => [
      [line],
      ['Indikator', 'Utfall 2023', 'Mål 2023'],
      ['Andel nöjda besökare, %', 81, 'Minst 80'],
    ];
    const goals = (line: string) => run(table(line)).goals.map((g) => g.text);
    expect(goals('Fler invånare ska besöka biblioteken')).toEqual([
      'Fler invånare ska besöka biblioteken',
    ]);
    // A goal may take a second sentence to say whom it is for.
    expect(goals('Fler ska få arbete. Unga och nyanlända ska prioriteras.')).toHaveLength(1);
    expect(goals('Hur går det för kommunen?')).toEqual([]);
    expect(goals('Utfall av kommunfullmäktiges indikatorer')).toEqual([]);
    // The text under a lead-in (`Strategi:`) is the lead-in's, not a goal.
    const strategy = run([
      ['Strategi:'],
      ['Arbetet fortsätter. Fler aktiviteter erbjuds under året.'],
      ...table('').slice(1),
    ]);
    expect(strategy.goals).toEqual([]);
    // Under a goal heading, a question or a legend is no goal either.
    const headed = run([['Mål 3'], ['Hur går det för kommunen?'], ...table('').slice(1)]);
    expect(headed.goals).toEqual([]);
  });

  test('a table of goals and their printed verdicts: each row a goal with its verdict, a comment no target', () => {
    const r = run([
      ['Måluppfyllelse nämndmål 2023'],
      ['Nämndmål', 'Bedömning', 'Kommentar'],
      [
        'Fler elever ska nå kunskapskraven',
        'Delvis uppfyllt',
        'Andelen ökade men inte till målnivån.',
      ],
      ['Alla barn ska erbjudas plats inom fyra månader', 'Uppfyllt', 'Alla fick plats i tid.'],
      ['Sjukfrånvaron ska minska', 'Ej uppfyllt', 'Den ökade till 8,1 procent.'],
    ]);
    // The comments are sentences, never a header row nor targets; no goal has an indicator, so
    // none can be judged, and each keeps the verdict the document prints.
    expect(r.indicators).toEqual([]);
    expect(r.goals.map((g) => [g.cell, g.verdict, g.reportedVerdict])).toEqual([
      ['A3', 'ej-bedomd', 'delvis'],
      ['A4', 'ej-bedomd', 'helt'],
      ['A5', 'ej-bedomd', 'ej'],
    ]);
    expect(r.problems.filter((p) => p.code === 'unreadable-target')).toEqual([]);
  });

  test('a Mål column of sentences holds goals, not targets; each row under the goal above it', () => {
    const r = run(
      [
        ['Måluppfyllelse 2023'],
        ['Mål', 'Indikator', 'Utfall 2023', 'Målvärde 2023'],
        ['Invånarna ska vara nöjda med biblioteken', 'Nöjd kund-index bibliotek', 78, 'Minst 75'],
        [null, 'Antal besök per invånare', 4.1, 'Minst 5'],
        ['Fler barn ska simma', 'Andel elever som kan simma, %', 96, '≥ 95'],
      ],
      ['A3:A4'],
    );
    expect(r.goals.map((g) => [g.text, g.indicators, g.verdict])).toEqual([
      ['Invånarna ska vara nöjda med biblioteken', 2, 'delvis'],
      ['Fler barn ska simma', 1, 'helt'],
    ]);
    expect(r.indicators.map((i) => [i.name, i.goal, i.status])).toEqual([
      ['Nöjd kund-index bibliotek', 'G1', 'met'],
      ['Antal besök per invånare', 'G1', 'not-met'],
      ['Andel elever som kan simma, %', 'G2', 'met'],
    ]);
  });
});

test('a sheet of 200 000 merged areas is read, not an out-of-range Map', () => {
  // 100 cells each: 20 million in all, past what one Map holds.
  const merges = Array.from({ length: 200_000 }, (_, i) => `A${i + 10}:CV${i + 10}`);
  const r = analyzeWorkbook(
    workbookOf(
      sheetOf('Blad1', [['Drift (tkr)'], ['Verksamhet', 'Budget', 'Prognos']], { merges }),
    ),
  );
  expect(r.tables).toHaveLength(1);
});

test('a label ending in a total word, or Hela nämnden, announces a sum', () => {
  const r = run([
    ['Drift (tkr)'],
    ['Verksamhet', 'Budget 2023', 'Utfall 2023'],
    ['Äldreomsorg', -61000, -62000],
    ['Hemtjänst', -45000, -44500],
    ['Vård och omsorg totalt', -106000, -106700],
    ['Förskola', -30000, -30000],
    ['Grundskola', -50000, -49000],
    ['Hela nämnden', -186000, -185500],
  ]);
  // 62 000 + 44 500 = 106 500, not 106 700; Hela nämnden = 106 700 + 30 000 + 49 000 = 185 700.
  expect(mismatches(r)).toEqual(['C5', 'C8']);
});

test('hög and låg state a direction only as the first word of the name', () => {
  const one = (name: string) =>
    run([['Nyckeltal'], ['Indikator', 'Utfall 2023', 'Mål 2023'], [name, 12, 10]]).indicators[0];
  expect(one('Låg sjukfrånvaro, %')).toMatchObject({ direction: 'lower', status: 'not-met' });
  expect(one('Hög kvalitet i hemtjänsten, index')).toMatchObject({
    direction: 'higher',
    status: 'met',
  });
  // Here hög describes what is counted: nothing says which way is better.
  expect(one('Andel elever med hög frånvaro, %')).toMatchObject({ status: 'unclear' });
});

test('a variance past what a number can hold is said, never Infinity', () => {
  const r = run([
    ['Drift (tkr)'],
    ['Verksamhet', 'Budget 2023', 'Utfall 2023'],
    ['Kultur', 1.7e308, -1.7e308],
    ['Fritid', 100, 90],
  ]);
  expect(r.variances.every((v) => Number.isFinite(v.variance))).toBe(true);
  expect(r.problems.map((p) => p.code)).toContain('figure-too-large');
});

test('a variance carries its row’s comment from a Kommentar column', () => {
  const r = run([
    ['Drift (tkr)'],
    ['Verksamhet', 'Budget 2023', 'Prognos 2023', 'Avvikelse', 'Kommentar'],
    ['Hemtjänst', -45000, -47000, -2000, 'Fler beviljade timmar än budgeterat'],
    ['Särskilt boende', -80000, -79500, 500, null],
  ]);
  expect(r.variances.map((v) => [v.label, v.comment])).toEqual([
    ['Hemtjänst', 'Fler beviljade timmar än budgeterat'],
    ['Särskilt boende', null],
  ]);
});

test('a total adds up amounts, never a share, an average or a figure per head', () => {
  const r = run([
    ['Drift (tkr)'],
    ['Verksamhet', 'Budget 2023', 'Utfall 2023', 'Kostnad per invånare (kr)'],
    ['Förskola', 30000, 30500, 1200],
    ['Grundskola', 50000, 49000, 2000],
    ['Summa', 80000, 79500, 3150],
  ]);
  expect(mismatches(r)).toEqual([]);
  // The ratio column's own unit is no unit of the table's.
  expect(r.tables[0]?.unit).toBe('tkr');
});
