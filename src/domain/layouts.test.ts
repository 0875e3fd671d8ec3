/**
 * The same seed tables as people paste them in other ways: unmerged two-row headers, text years,
 * tables stacked under title lines without blank rows, no printed variance, tables away from A1.
 * What must not change: the sign of a variance, met versus not met, and no false mismatch.
 */
import { analyzeWorkbook } from './analyze';
import type { CellValue } from './grid';
import { sheetOf, workbookOf } from './testing/grids';

const NB = '\u00a0';
const MINUS = '\u2212';

function shift(rows: CellValue[][], down: number, right: number): CellValue[][] {
  const pad = Array.from({ length: right }, () => null);
  return [...Array.from({ length: down }, () => []), ...rows.map((r) => [...pad, ...r])];
}

describe('Ale 4.1 pasted differently', () => {
  const table: CellValue[][] = [
    ['Ekonomisk sammanställning, belopp i tkr'],
    ['Besluts/verksamhetsområden', '2023', null, '2024'],
    [null, 'Prognos', 'Budget', 'Budget'],
    [
      'Centralt socialtjänstförvaltningen',
      `${MINUS}10${NB}882`,
      `${MINUS}11${NB}507`,
      `${MINUS}19${NB}094`,
    ],
    [
      'Individ- och familjeomsorg',
      `${MINUS}151${NB}910`,
      `${MINUS}148${NB}510`,
      `${MINUS}155${NB}736`,
    ],
    ['Funktionsstöd', `${MINUS}217${NB}231`, `${MINUS}209${NB}491`, `${MINUS}224${NB}748`],
    [
      'Myndighet och specialiststöd',
      `${MINUS}79${NB}442`,
      `${MINUS}79${NB}957`,
      `${MINUS}87${NB}774`,
    ],
    ['Äldreomsorg', `${MINUS}230${NB}969`, `${MINUS}233${NB}969`, `${MINUS}251${NB}115`],
    ['Totalt', `${MINUS}690${NB}434`, `${MINUS}683${NB}434`, `${MINUS}738${NB}467`],
  ];

  test.each([
    ['at A1', 0, 0],
    ['at C4', 3, 2],
  ])('unmerged text years and unicode minus, %s: Totalt −7 000, no mismatch', (_, down, right) => {
    const report = analyzeWorkbook(workbookOf(sheetOf('Blad1', shift(table, down, right))));
    const total = report.variances.find((v) => v.label === 'Totalt');
    expect(total).toMatchObject({
      variance: -7000,
      baseline: 'Budget 2023',
      actual: 'Prognos 2023',
      unit: 'tkr',
    });
    expect(
      report.variances.filter((v) => v.actual.includes('2024') || v.baseline.includes('2024')),
    ).toEqual([]);
    expect(report.checks).toEqual([]);
  });
});

describe('Mellerud 1.4 without its Avvikelse column', () => {
  test('income negative and costs positive: variance = budget − bokslut, signs from the labels', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Drift', [
          ['Driftredovisning (tkr)'],
          ['Beskrivning', 'Bokslut 2022', 'Bokslut 2023', 'Budget 2023'],
          ['Intäkter', -70181, -71602, -62289],
          ['Personalkostnader', 279325, 305934, 299831],
          ['Löpande kostnader', 96387, 101737, 90740],
          ['Sa kostnader', 375712, 407671, 390571],
          ['Resultat', 305531, 336069, 328282],
        ]),
      ),
    );
    expect(report.tables[0]?.signConvention).toBe('costs-positive');
    expect(report.variances.map((v) => [v.label, v.variance])).toEqual([
      ['Intäkter', 9313],
      ['Personalkostnader', -6103],
      ['Löpande kostnader', -10997],
      ['Sa kostnader', -17100],
      ['Resultat', -7787],
    ]);
    expect(report.checks).toEqual([]);
  });
});

describe('several tables stacked under title lines, no blank rows', () => {
  test('each table is found, with its own title and kind', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Allt', [
          ['Driftbudget (mnkr)'],
          ['Område', 'Budget 2023', 'Prognos 2023'],
          ['Intäkter', '28,1', '31,6'],
          ['Personalkostnader', '-269,0', '-271,6'],
          ['Övriga kostnader', '-185,9', '-184,3'],
          ['Nettokostnader', '-426,8', '-424,3'],
          ['Nämndens mål: Bästa barnkommun'],
          ['Indikatorer', 'Utfall 2022', 'Prognos 2023', 'Mål 2023'],
          ['Antal berörda barn vid vräkningar', 0, 3, '=0'],
          ['Handläggningstider vid familjeenheten (dagar)', 116, 108, '≤108'],
        ]),
      ),
    );
    expect(report.tables.map((t) => [t.range, t.kind, t.title])).toEqual([
      ['A2:C6', 'budget', 'Driftbudget (mnkr)'],
      ['A8:D10', 'indicators', 'Nämndens mål: Bästa barnkommun'],
    ]);
    expect(report.variances.find((v) => v.label === 'Nettokostnader')?.variance).toBe(2.5);
    expect(report.indicators.map((i) => [i.name, i.status])).toEqual([
      ['Antal berörda barn vid vräkningar', 'not-met'],
      ['Handläggningstider vid familjeenheten (dagar)', 'met'],
    ]);
    expect(report.checks).toEqual([]);
  });
});

describe('indicators with percent cells and text percents', () => {
  test('0.96 formatted 0% against "= 100%" is not met; 0.80 against "≥78%" is met', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf(
          'Mål',
          [
            ['Indikatorer', 'Utfall 2022', 'Prognos 2023', 'Mål 2023'],
            ['Andel förhandsbedömningar inom 14 dagar', 0.94, 0.96, '= 100%'],
            ['Brukaren får själv bestämma, andel', 0.8, 0.8, '≥78%'],
            ['Nöjd med bemötandet, index', '80,5 %', '82 %', '82 %'],
          ],
          { formats: { B2: '0%', C2: '0%', B3: '0%', C3: '0%' } },
        ),
      ),
    );
    expect(report.indicators.map((i) => [i.outcome, i.status])).toEqual([
      [96, 'not-met'],
      [80, 'met'],
      [82, 'met'],
    ]);
  });

  test('a plain target with no direction anywhere and no history is unclear, never met', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Mål', [
          ['Nyckeltal', 'Mål 2023', 'Utfall 2023'],
          ['Andel (%) som svarat ja', 90, 92],
          ['Genomsnittlig väntetid, dagar', 30, 28],
        ]),
      ),
    );
    expect(report.indicators.map((i) => [i.status, i.direction])).toEqual([
      ['unclear', 'unknown'],
      ['unclear', 'unknown'],
    ]);
    expect(report.indicators[0]?.reason).toMatch(/riktning/);
  });

  test('a Riktning column decides the direction', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Mål', [
          ['Nyckeltal', 'Riktning', 'Mål 2023', 'Utfall 2023'],
          ['Väntetid, dagar', 'Minska', 30, 28],
          ['Andel nöjda', 'Öka', 90, 88],
        ]),
      ),
    );
    expect(report.indicators.map((i) => [i.direction, i.status])).toEqual([
      ['lower', 'met'],
      ['higher', 'not-met'],
    ]);
  });
});

describe('a real mismatch is found, however small beside the total', () => {
  test('a 28 tkr gap under a sum of twelve lines', () => {
    const lines = Array.from({ length: 12 }, (_, i) => [`Enhet ${i + 1}`, -(10000 + i * 1111)]);
    const sum = lines.reduce((s, l) => s + (l[1] as number), 0);
    const report = analyzeWorkbook(
      workbookOf(sheetOf('Drift', [['Enhet', 'Budget 2023 (tkr)'], ...lines, ['Summa', sum - 28]])),
    );
    expect(report.checks).toEqual([
      expect.objectContaining({
        cell: 'B14',
        kind: 'sum',
        reported: sum - 28,
        computed: sum,
        difference: -28,
        severity: 'mismatch',
      }),
    ]);
  });

  test('a 6 tkr gap under twelve rounded lines is rounding', () => {
    const lines = Array.from({ length: 12 }, (_, i) => [
      `Enhet ${i + 1}`,
      -(10000 + i * 1111),
      -(10000 + i * 1111),
    ]);
    const sum = lines.reduce((s, l) => s + (l[1] as number), 0);
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Drift', [
          ['Enhet', 'Budget 2023 (tkr)', 'Prognos 2023 (tkr)'],
          ...lines,
          ['Summa', sum - 6, sum],
        ]),
      ),
    );
    expect(report.checks.map((c) => [c.cell, c.severity])).toEqual([['B14', 'rounding']]);
  });
});

describe('risks', () => {
  test('a printed riskvärde that is not sannolikhet × väsentlighet is a product mismatch', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('IK', [
          ['Huvudprocess', 'Risker', 'Sannolikhet', 'Väsentlighet', 'Riskvärde'],
          ['Personal', 'Osäker dokumentation', 'Möjlig', 'Allvarig', 9],
          ['Ekonomi', 'Felaktiga utbetalningar', 4, 5, 20],
        ]),
      ),
    );
    expect(report.risks.map((r) => [r.value, r.reportedValue, r.inPlan])).toEqual([
      [12, 9, true],
      [20, 20, true],
    ]);
    expect(report.checks).toEqual([
      expect.objectContaining({
        cell: 'E2',
        kind: 'product',
        reported: 9,
        computed: 12,
        severity: 'mismatch',
      }),
    ]);
  });
});

describe('regression: a subtotal took a shorter run that fitted within the rounding allowance', () => {
  test('Summa covers all its hundred lines, not ninety-nine, when one line is small', () => {
    const area = (name: string, first: number): CellValue[][] => {
      const lines: CellValue[][] = Array.from({ length: 100 }, (_, i) => [
        `${name} ${i + 1}`,
        i === 0 ? -30 : -(first + i * 7),
      ]);
      const sum = lines.reduce((s, l) => s + (l[1] as number), 0);
      return [...lines, [`Summa ${name}`, sum]];
    };
    const rows: CellValue[][] = [
      ['Verksamhet', 'Budget 2023 (tkr)'],
      ...area('A', 1000),
      ...area('B', 2000),
    ];
    const report = analyzeWorkbook(workbookOf(sheetOf('Drift', rows)));
    // Stopping one line short would leave a 30 tkr "rounding" under each Summa (allowance 49,5).
    expect(report.checks).toEqual([]);
  });
});

describe('one printed variance beside a forecast and an outcome of the same year', () => {
  test('the Avvikelse belongs to the pair it reproduces; the other pair is not checked against it', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Drift', [
          ['Belopp i tkr', 'Budget 2023', 'Prognos 2023', 'Bokslut 2023', 'Avvikelse 2023'],
          ['Intäkter', 16924, 17100, 17250, 326],
          ['Personalkostnader', -137901, -133941, -134500, 3401],
          ['Övriga kostnader', -33199, -34300, -34100, -901],
          ['Summa', -154176, -151141, -151350, 2826],
        ]),
      ),
    );
    const byActual = (actual: string): unknown[] =>
      report.variances
        .filter((v) => v.actual === actual)
        .map((v) => [v.label, v.variance, v.reported, v.check]);
    expect(byActual('Bokslut 2023')).toEqual([
      ['Intäkter', 326, 326, 'ok'],
      ['Personalkostnader', 3401, 3401, 'ok'],
      ['Övriga kostnader', -901, -901, 'ok'],
      ['Summa', 2826, 2826, 'ok'],
    ]);
    expect(byActual('Prognos 2023')).toEqual([
      ['Intäkter', 176, null, null],
      ['Personalkostnader', 3960, null, null],
      ['Övriga kostnader', -1101, null, null],
      ['Summa', 3035, null, null],
    ]);
    expect(report.checks).toEqual([]);
  });
});

describe('interim outcomes are not compared with a full-year budget', () => {
  test('Utfall jan-aug 2023 gets no variance; Prognos helår 2023 does', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Drift', [
          ['Belopp i tkr', 'Budget 2023', 'Utfall jan-aug 2023', 'Prognos helår 2023'],
          ['Personalkostnader', -137901, -82243, -133941],
          ['Övriga kostnader', -33199, -22366, -34300],
        ]),
      ),
    );
    expect(report.variances.map((v) => [v.label, v.actual, v.variance])).toEqual([
      ['Personalkostnader', 'Prognos helår 2023', 3960],
      ['Övriga kostnader', 'Prognos helår 2023', -1101],
    ]);
  });
});

describe('income and costs both written as positive amounts', () => {
  test('no convention holds: no variance with a guessed sign, no false mismatch, a warning instead', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Drift', [
          ['Belopp i tkr', 'Budget 2023', 'Bokslut 2023', 'Avvikelse'],
          ['Intäkter', 62289, 71602, 9313],
          ['Personalkostnader', 299831, 305934, -6103],
          ['Löpande kostnader', 90740, 101737, -10997],
        ]),
      ),
    );
    expect(report.variances).toEqual([]);
    expect(report.checks.filter((c) => c.severity === 'mismatch')).toEqual([]);
    expect(report.tables[0]?.signConvention).toBeNull();
    expect(report.problems.map((p) => p.code)).toContain('unknown-sign-convention');
  });

  test('without a printed variance too', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Drift', [
          ['Belopp i tkr', 'Budget 2023', 'Bokslut 2023'],
          ['Intäkter', 62289, 71602],
          ['Personalkostnader', 299831, 305934],
        ]),
      ),
    );
    expect(report.variances).toEqual([]);
    expect(report.problems.map((p) => p.code)).toContain('unknown-sign-convention');
  });
});

describe('A cell showing an error (#DIV/0!)', () => {
  // Mellerud's Drift table with the Bokslut of Löpande kostnader broken by a formula error.
  const rows: CellValue[][] = [
    ['Belopp i tkr', 'Budget 2023', 'Bokslut 2023', 'Avvikelse'],
    ['Intäkter', 62289, 71602, 9314],
    ['Personalkostnader', -299831, -305934, -6103],
    ['Löpande kostnader', -90740, null, -10997],
  ];

  test('is a problem at its cell, and its row gets no variance (never read as 0)', () => {
    const report = analyzeWorkbook(
      workbookOf(sheetOf('Drift', rows, { errors: [{ row: 4, col: 3, text: '#DIV/0!' }] })),
    );
    const errors = report.problems.filter((p) => p.code === 'error-value');
    expect(errors).toEqual([
      expect.objectContaining({ sheet: 'Drift', cell: 'C4', severity: 'warning' }),
    ]);
    expect(errors[0]?.message).toContain('#DIV/0!');
    expect(report.variances.map((v) => [v.label, v.variance])).toEqual([
      ['Intäkter', 9313],
      ['Personalkostnader', -6103],
    ]);
  });

  test('outside every table says nothing', () => {
    const report = analyzeWorkbook(
      workbookOf(sheetOf('Drift', rows, { errors: [{ row: 30, col: 9, text: '#REF!' }] })),
    );
    expect(report.problems.filter((p) => p.code === 'error-value')).toEqual([]);
  });
});
