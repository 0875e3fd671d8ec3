import { analyzeWorkbook } from './analyze';
import { sheetOf, workbookOf } from './testing/grids';

const NB = '\u00a0';

describe('analyzeWorkbook on seed tables', () => {
  test('Ale 4.1: two-row header, costs negative, Totalt underskott 7 000 tkr', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf(
          'Ekonomi',
          [
            ['4.1 Ekonomisk sammanställning (tkr)', null, null, null],
            ['Besluts/verksamhetsområden', 2023, null, 2024],
            [null, 'Prognos', 'Budget', 'Budget'],
            ['Centralt socialtjänstförvaltningen', -10882, -11507, -19094],
            ['Individ- och familjeomsorg', `-151${NB}910`, -148510, -155736],
            ['Funktionsstöd', -217231, -209491, -224748],
            ['Myndighet och specialiststöd', -79442, -79957, -87774],
            ['Äldreomsorg', '\u2212230 969', -233969, -251115],
            ['Totalt', -690434, -683434, -738467],
          ],
          { merges: ['B2:C2'] },
        ),
      ),
    );
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]).toMatchObject({
      kind: 'budget',
      unit: 'tkr',
      signConvention: 'costs-negative',
      range: 'A2:D9',
    });
    const total = report.variances.find((v) => v.label === 'Totalt');
    expect(total).toMatchObject({
      baseline: 'Budget 2023',
      actual: 'Prognos 2023',
      variance: -7000,
      cell: 'B9',
    });
    expect(report.variances.find((v) => v.label === 'Äldreomsorg')?.variance).toBe(3000);
    expect(report.variances.find((v) => v.label === 'Funktionsstöd')?.variance).toBe(-7740);
    expect(report.variances).toHaveLength(6);
    expect(report.checks).toEqual([]);
  });

  test('Mellerud 1.4: costs positive, two one-tkr rounding cases', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Drift', [
          [
            'Beskrivning',
            'Bokslut 2022 (tkr)',
            'Bokslut 2023 (tkr)',
            'Budget 2023 (tkr)',
            'Avvikelse 2023 (tkr)',
          ],
          ['Socialförvaltningen', null, null, null, null],
          ['Intäkter', -70181, -71602, -62289, 9314],
          ['Personalkostnader', 279325, 305934, 299831, -6103],
          ['Löpande kostnader', 96387, 101737, 90740, -10998],
          ['Sa kostnader', 375712, 407671, 390571, -17100],
          ['Resultat', 305531, 336069, 328282, -7787],
        ]),
      ),
    );
    expect(report.tables[0]).toMatchObject({
      kind: 'budget',
      unit: 'tkr',
      signConvention: 'costs-positive',
    });
    const byLabel = Object.fromEntries(report.variances.map((v) => [v.label, v]));
    expect(byLabel['Intäkter']).toMatchObject({
      variance: 9313,
      reported: 9314,
      check: 'rounding',
    });
    expect(byLabel['Löpande kostnader']).toMatchObject({
      variance: -10997,
      reported: -10998,
      check: 'rounding',
    });
    expect(byLabel['Resultat']).toMatchObject({ variance: -7787, check: 'ok' });
    expect(report.checks.map((c) => [c.cell, c.severity])).toEqual([
      ['E3', 'rounding'],
      ['E5', 'rounding'],
      // The printed variances themselves add up only within rounding: −6 103 − 10 998 = −17 101.
      ['E6', 'rounding'],
      ['E7', 'rounding'],
    ]);
  });

  test('Alingsås Drift and Investeringar: Avv. reproduced, Reinvestering 2022 mismatch', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf('Ekonomi', [
          ['Drift'],
          [
            'Belopp i tkr',
            'Budget 2023',
            'Prognos helår 2023',
            'Avv. prognos/budget 2023',
            'Delårsbokslut 2023',
            'Delårsbokslut 2022',
            'Diff. utfall 2022/2023',
          ],
          ['Verksamhetens intäkter', 16924, 17100, 176, 11646, 9965, 1681],
          ['Personalkostnader', -137901, -133941, 3960, -82243, -75000, -7243],
          ['Lokalhyror', -12595, -11800, 795, -7893, -7434, -459],
          ['Köp av tjänster', -57276, -61100, -3824, -45195, -35114, -10081],
          ['Övriga kostnader', -33199, -34300, -1101, -22366, -18919, -3447],
          ['Verksamhetens kostnader', -240971, -241141, -170, -157698, -136467, -21231],
          ['Verksamhetens nettokostnader', -224047, -224041, 6, -146052, -126502, -19550],
          ['Kommunbidrag', 224047, 224047, 0, 149365, 140084, 9281],
          ['Finansnetto', 0, -6, -6, -6, -1, -5],
          ['Årets resultat', 0, 0, 0, 3307, 13581, -10274],
          [],
          ['Investeringar'],
          [
            'Belopp i tkr',
            'Budget 2023',
            'Prognos helår 2023',
            'Avv. prognos/budget 2023',
            'Delårsbokslut 2023',
            'Delårsbokslut 2022',
            'Diff. utfall 2022/2023',
          ],
          ['Expansionsinvestering', 0, 0, 0, 0, 0, 0],
          ['-', 0, 0, 0, 0, 0, 0],
          ['Imageinvestering', 0, 0, 0, 0, 0, 0],
          ['-', 0, 0, 0, 0, 0, 0],
          ['Reinvestering', 600, 600, 0, 372, 246, 126],
          ['Inventarier', 400, 400, 0, 213, 46, 167],
          ['IT-utrustning', 200, 200, 0, 159, 200, -41],
          ['Transportmedel', 0, 0, 0, 0, 30, -30],
          ['Anpassningsinvestering', 0, 0, 0, 0, 0, 0],
          ['-', 0, 0, 0, 0, 0, 0],
          ['Totala utgifter', 600, 600, 0, 372, 246, 126],
        ]),
      ),
    );
    expect(report.tables.map((t) => [t.kind, t.signConvention])).toEqual([
      ['budget', 'costs-negative'],
      ['investments', 'costs-positive'],
    ]);
    const drift = report.variances.filter((v) => v.sheet === 'Ekonomi' && v.row <= 12);
    expect(drift.every((v) => v.check === 'ok')).toBe(true);
    expect(drift).toHaveLength(10);
    expect(drift.find((v) => v.label === 'Köp av tjänster')?.variance).toBe(-3824);
    expect(report.checks.map((c) => [c.cell, c.kind, c.reported, c.computed, c.severity])).toEqual([
      // Delårsbokslut 2023: the four cost lines add up to −157 697, printed −157 698.
      ['E8', 'sum', -157698, -157697, 'rounding'],
      ['G8', 'sum', -21231, -21230, 'rounding'],
      ['F20', 'sum', 246, 276, 'mismatch'],
      ['G20', 'sum', 126, 96, 'mismatch'],
    ]);
  });

  test('Mark 5.1 Driftbudget in mnkr: exact decimals', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf(
          'Ekonomi',
          [
            [
              'Driftbudget - Belopp i miljoner kronor (Mnkr)',
              'Budget 2023',
              'Prognos 2023',
              'Budget 2024',
              'Budget 2025',
            ],
            ['Intäkter', '28,1', '31,6', '33,2', '33,2'],
            ['Personalkostnader', '-269,0', '-271,6', '-274,8', '-275,0'],
            ['Övriga kostnader', '-185,9', '-184,3', '-189,8', '-189,8'],
            ['Nettokostnader', '-426,8', '-424,3', '-431,4', '-431,6'],
            ['Huvudverksamheter', null, null, null, null],
            ['Funktionsstöd', -230.8, -232.8, -233.7, -233.8],
            ['Individ-och familjeomsorg', -148.1, -144.0, -149.9, -150.0],
            ['Ledning, adm, nämnd', -47.9, -47.5, -47.8, -47.8],
            ['Nettokostnader', -426.8, -424.3, -431.4, -431.6],
          ],
          { formats: {} },
        ),
      ),
    );
    expect(report.tables[0]).toMatchObject({ unit: 'mnkr', signConvention: 'costs-negative' });
    const v = report.variances.map((x) => [x.label, x.variance]);
    expect(v).toEqual([
      ['Intäkter', 3.5],
      ['Personalkostnader', -2.6],
      ['Övriga kostnader', 1.6],
      ['Nettokostnader', 2.5],
      ['Funktionsstöd', -2],
      ['Individ-och familjeomsorg', 4.1],
      ['Ledning, adm, nämnd', 0.4],
      ['Nettokostnader', 2.5],
    ]);
    expect(report.checks).toEqual([]);
  });

  test('Mark indicators and risks', () => {
    const report = analyzeWorkbook(
      workbookOf(
        sheetOf(
          'Mål',
          [
            ['Nämndens mål: Bästa barnkommun'],
            [
              'Indikatorer',
              'Utfall 2021',
              'Utfall 2022',
              'Prognos 2023',
              'Mål 2023',
              'Mål 2024',
              'Mål 2025',
            ],
            ['Antal berörda barn vid vräkningar', 1, 0, 3, '=0', '=0', '=0'],
            [
              'Antal hushåll med barn som är aktuella inom ekonomiskt bistånd',
              112,
              97,
              90,
              null,
              '≥90',
              '≥85',
            ],
            [
              'Brucarundersökning Familjehem 13 år+ Brukaren får stöd att planera sin framtid, andel (%)',
              null,
              null,
              null,
              null,
              '≥ 85',
              '≥ 87',
            ],
            [],
            [
              'Indikatorer',
              'Utfall 2021',
              'Utfall 2022',
              'Prognos 2023',
              'Mål 2023',
              'Mål 2024',
              'Mål 2025',
            ],
            [
              'Handläggare med socionomutbildning och minst ett års erfarenhet av barnutredningar (%)',
              0.77,
              0.82,
              0.92,
              null,
              '≥ 92',
              '≥ 94',
            ],
            [
              'Andel anmälningar till familjeenheten där förhandsbedömningar görs inom 14 dagar (%)',
              92,
              94,
              96,
              '= 100%',
              '= 100%',
              '= 100%',
            ],
            [],
            ['Personalomsättningen ska minska'],
            [
              'Indikatorer',
              'Utfall 2021',
              'Utfall 2022',
              'Prognos 2023',
              'Mål 2023',
              'Mål 2024',
              'Mål 2025',
            ],
            ['Personalomsättning (%)', 12, 20, 11, 12, 12, 12],
            ['Personalomsättning chefer (%)', 6, 21, 13, 12, 12, 12],
            [],
            ['Huvudprocess', 'Risker', 'Sannolikhet', 'Väsentlighet', 'Riskvärde'],
            [
              'Övergripande styrning',
              'Följer inte upphandlingsrutiner',
              'Mindre sannolik',
              'Lindrig',
              4,
            ],
            [null, 'Felaktiga utbetalningar', 'Möjlig', 'Allvarig', 12],
          ],
          { formats: { B8: '0%', C8: '0%', D8: '0%' } },
        ),
      ),
    );
    const st = Object.fromEntries(
      report.indicators.map((i) => [i.name.slice(0, 30), [i.status, i.outcome, i.target]]),
    );
    expect(st).toEqual({
      'Antal berörda barn vid vräknin': ['not-met', 3, '=0'],
      'Antal hushåll med barn som är ': ['met', 90, '≥90'],
      'Brucarundersökning Familjehem ': ['no-outcome', null, '≥ 85'],
      'Handläggare med socionomutbild': ['met', 92, '≥ 92'],
      'Andel anmälningar till familje': ['not-met', 96, '= 100%'],
      'Personalomsättning (%)': ['met', 11, '12'],
      'Personalomsättning chefer (%)': ['not-met', 13, '12'],
    });
    expect(report.risks.map((r) => [r.process, r.value, r.inPlan])).toEqual([
      ['Övergripande styrning', 4, false],
      ['Övergripande styrning', 12, true],
    ]);
  });
});
