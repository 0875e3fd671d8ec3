/**
 * Golden test: tests/fixtures/mellerud-2023.xlsx, rebuilt from seed 002 (Mellerud,
 * socialförvaltningen, Bokslut 2023): 1.4 Driftredovisning (costs positive, Avvikelse = Budget −
 * Bokslut), 1.6 Investeringsredovisning, 1.7 Personal. The seed's own Avvikelse for Intäkter
 * (9 314) and Löpande kostnader (−10 998) are 1 tkr off the recomputed figures: rounding.
 */
import {
  checksAt,
  inRows,
  loadGolden,
  misplacedTitles,
  norm,
  pairs,
  rowOf,
  tableAt,
  varianceAt,
  type Golden,
} from './helpers';

let g: Golden;
beforeAll(async () => {
  g = await loadGolden('mellerud-2023.xlsx');
});

describe('1.4 Driftredovisning (sheet Driftredovisning, from column B)', () => {
  const S = 'Driftredovisning';
  const top = (): number => rowOf(g.snapshot, S, 'Beskrivning');
  const row = (label: string): number => rowOf(g.snapshot, S, label, { after: top() });

  test('is a budget table in tkr, costs positive', () => {
    const t = tableAt(g.report, S, `B${top()}`);
    expect(t.title).toBe('Bokslut 2023'); // the line touching the header; `1.4 Driftredovisning` is 4 rows up, across a blank row
    expect(t).toMatchObject({
      range: `B${top()}:F${row('Resultat')}`,
      kind: 'budget',
      unit: 'tkr',
      signConvention: 'costs-positive',
    });
  });

  test('variance = Budget 2023 − Bokslut 2023, against the printed Avvikelse', () => {
    const vs = g.report.variances.filter(inRows(S, top(), row('Resultat')));
    expect(pairs(vs)).toEqual([
      ['Intäkter', 9313], // -62 289 − (-71 602)
      ['Personalkostnader', -6103],
      ['Löpande kostnader', -10997], // 90 740 − 101 737
      ['Sa kostnader', -17100],
      ['Resultat', -7787],
    ]);
    expect(vs.map((v) => [v.reported, v.check])).toEqual([
      [9314, 'rounding'],
      [-6103, 'ok'],
      [-10998, 'rounding'],
      [-17100, 'ok'],
      [-7787, 'ok'],
    ]);
    const resultat = varianceAt(g.report, S, row('Resultat'));
    expect(resultat).toMatchObject({ baselineValue: 328282, actualValue: 336069, unit: 'tkr' });
    expect(norm(resultat.baseline)).toMatch(/^Budget 2023/);
    expect(norm(resultat.actual)).toMatch(/^Bokslut 2023/);
  });

  test('Bokslut 2022 is never paired with Budget 2023', () => {
    for (const v of g.report.variances) expect(norm(v.actual)).not.toMatch(/2022/);
  });

  test('Intäkter 9 314 against 9 313 and Löpande kostnader −10 998 against −10 997 are rounding', () => {
    expect(checksAt(g.report, S, `F${row('Intäkter')}`)).toEqual([
      expect.objectContaining({
        kind: 'variance',
        reported: 9314,
        computed: 9313,
        difference: 1,
        severity: 'rounding',
      }),
    ]);
    expect(checksAt(g.report, S, `F${row('Löpande kostnader')}`)).toEqual([
      expect.objectContaining({
        kind: 'variance',
        reported: -10998,
        computed: -10997,
        difference: -1,
        severity: 'rounding',
      }),
    ]);
  });

  test('Sa kostnader and Resultat add up in the amount columns; nothing is a mismatch', () => {
    const checks = g.report.checks.filter(inRows(S, top(), row('Resultat')));
    // Only the Avvikelse column may differ (by the seed's 1 tkr roundings), never C, D or E.
    for (const c of checks) {
      expect(c.cell).toMatch(/^F/);
      expect(c.severity).toBe('rounding');
    }
    expect(g.report.checks.filter((c) => c.severity === 'mismatch')).toEqual([]);
  });

  test('says what it checked: 5 printed Avvikelse and Sa kostnader, Resultat in 4 columns each', () => {
    // 5 variances (Intäkter … Resultat) + Sa kostnader (Personal + Löpande) and Resultat
    // (Intäkter + Sa kostnader) in Bokslut 2022, Bokslut 2023, Budget 2023 and Avvikelse: 13.
    expect(tableAt(g.report, S, `B${top()}`)).toMatchObject({ recomputed: 13, notRecomputed: 0 });
  });

  test('the empty group row Socialförvaltningen yields nothing', () => {
    const r = row('Socialförvaltningen');
    expect(g.report.variances.filter((v) => v.sheet === S && v.row === r)).toEqual([]);
  });
});

describe('1.6 Investeringsredovisning (sheet Investeringar)', () => {
  const S = 'Investeringar';
  const top = (): number => rowOf(g.snapshot, S, 'Projekt');
  const summa = (): number => rowOf(g.snapshot, S, 'Summa');

  test('is an investments table in tkr (`Belopp anges i Tkr.` above)', () => {
    const t = tableAt(g.report, S, `A${top()}`);
    expect(['1.6 Investeringsredovisning', 'Belopp anges i Tkr.']).toContain(t.title);
    expect(t).toMatchObject({
      range: `A${top()}:G${summa()}`,
      kind: 'investments',
      unit: 'tkr',
    });
  });

  test('Avvikelse = Budget 2023 − Utfall is reproduced in every row (Summa −21)', () => {
    const vs = g.report.variances.filter(inRows(S, top(), summa()));
    expect(pairs(vs)).toEqual([
      ['Grundutrustning/Sängar VoO', 6],
      ['SN div inventarier', 0],
      ['Inventarier hemsjukvården (bergs)', 12],
      ['Inventarier administration och stab (Mellbos lokaler)', -18],
      ['Inventarier Skållerudshemmet', -121],
      ['SN Elcyklar', 100],
      ['Summa', -21],
    ]);
    for (const v of vs) {
      expect(v.check).toBe('ok');
      expect(v.reported).toBe(v.variance);
    }
    expect(varianceAt(g.report, S, summa())).toMatchObject({
      baselineValue: 700,
      actualValue: 721,
    });
  });

  test('Budget + Förslag till omdisponering = Budget 2023 and the Summa row hold: no check', () => {
    // 200 − 30 = 170, 400 − 400 = 0, 600 + 100 = 700
    expect(g.report.checks.filter((c) => c.sheet === S)).toEqual([]);
  });
});

describe('1.7 Personalredovisning (sheet Personal)', () => {
  test('no budget here: no variance, no check, nothing met or not met', () => {
    expect(g.report.variances.filter((v) => v.sheet === 'Personal')).toEqual([]);
    expect(g.report.checks.filter((c) => c.sheet === 'Personal')).toEqual([]);
    for (const i of g.report.indicators.filter((x) => x.sheet === 'Personal')) {
      expect(['met', 'not-met']).not.toContain(i.status);
    }
  });

  test('the * footnote rows are not read as figures', () => {
    const foot = rowOf(g.snapshot, 'Personal', '* Avser perioden');
    expect(g.report.indicators.filter((i) => i.sheet === 'Personal' && i.row >= foot)).toEqual([]);
  });
});

test('every table title is a line touching its header, never one across an empty row', () => {
  expect(misplacedTitles(g)).toEqual([]);
});
