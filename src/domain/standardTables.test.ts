import type { Report } from './report';
import { buildReportSheets, riskMatrix, tableCaption } from './standardTables';

/** Mellerud bokslut 2023 (seed 002, 1.4 Driftredovisning) and Mark internkontroll (seed 004, 6.3). */
const report: Report = {
  schemaVersion: 1,
  template: null,
  workbook: 'mellerud.xlsx',
  goals: [],
  tables: [
    {
      sheet: 'Drift',
      range: 'A3:E9',
      title: 'Driftredovisning',
      kind: 'budget',
      unit: 'tkr',
      signConvention: 'costs-positive',
      recomputed: 0,
      notRecomputed: 0,
    },
  ],
  variances: [
    {
      sheet: 'Drift',
      row: 5,
      cell: 'C5',
      label: 'Intäkter',
      baseline: 'Budget 2023 (tkr)',
      actual: 'Bokslut 2023 (tkr)',
      baselineValue: -62289,
      actualValue: -71602,
      variance: 9313,
      variancePercent: 14.951275504503203,
      unit: 'tkr',
      reported: 9314,
      check: 'rounding',
      kind: 'budget',
      comment: null,
    },
    {
      sheet: 'Drift',
      row: 9,
      cell: 'C9',
      label: 'Resultat',
      baseline: 'Budget 2023 (tkr)',
      actual: 'Bokslut 2023 (tkr)',
      baselineValue: 328282,
      actualValue: 336069,
      variance: -7787,
      variancePercent: -2.372046106743592,
      unit: 'tkr',
      reported: -7787,
      check: 'ok',
      kind: 'budget',
      comment: null,
    },
  ],
  indicators: [
    {
      sheet: 'Mål',
      row: 7,
      cell: 'A7',
      name: 'Andel brukare som är nöjda med hemtjänsten',
      target: '≥81',
      targetPeriod: 'Mål 2023',
      outcome: 82.2,
      outcomePeriod: 'Utfall 2023',
      direction: 'higher',
      status: 'met',
      reason: 'Utfallet 82,2 är minst målet 81.',
      goal: null,
      directionSource: null,
      outcomeWomen: null,
      outcomeMen: null,
    },
    {
      sheet: 'Mål',
      row: 8,
      cell: 'A8',
      name: 'Antal placeringar',
      target: '120',
      targetPeriod: 'Mål 2024',
      outcome: null,
      outcomePeriod: null,
      direction: 'unknown',
      status: 'no-outcome',
      reason: 'Utfall saknas.',
      goal: null,
      directionSource: null,
      outcomeWomen: null,
      outcomeMen: null,
    },
  ],
  risks: [
    {
      sheet: 'IK',
      row: 4,
      cell: 'B4',
      process: 'Debitering',
      risk: 'Bristande kontroll av sjuklönekostnader avseende extern personlig assistans',
      probability: 3,
      consequence: 3,
      value: 9,
      reportedValue: 9,
      inPlan: false,
    },
    {
      sheet: 'IK',
      row: 8,
      cell: 'B8',
      process: 'Övergripande styrning',
      risk: 'Felaktiga utbetalningar i utbetalningsprocessen för ekonomiskt bistånd',
      probability: 3,
      consequence: 4,
      value: 12,
      reportedValue: 12,
      inPlan: true,
    },
    {
      sheet: 'IK',
      row: 11,
      cell: 'B11',
      process: 'Personal',
      risk: 'Osäker dokumentation gällande personalärenden',
      probability: 3,
      consequence: 4,
      value: 12,
      reportedValue: 12,
      inPlan: true,
    },
  ],
  checks: [
    {
      sheet: 'Drift',
      row: 5,
      cell: 'E5',
      label: 'Intäkter',
      kind: 'variance',
      reported: 9314,
      computed: 9313,
      difference: 1,
      severity: 'rounding',
    },
    {
      sheet: 'Drift',
      row: 6,
      cell: 'E6',
      label: 'Budget mnkr',
      kind: 'sum',
      reported: 31.6,
      computed: 28.1,
      difference: 3.5,
      severity: 'mismatch',
    },
  ],
  problems: [
    {
      sheet: 'Drift',
      cell: 'B12',
      severity: 'warning',
      code: 'unreadable-number',
      message: 'Talet kunde inte läsas.',
    },
  ],
};

describe('buildReportSheets', () => {
  const sheets = buildReportSheets(report, { riskThreshold: 12, varianceThresholdPercent: 2 });

  it('makes the four NP sheets, names at most 31 characters', () => {
    expect(sheets.map((s) => s.name)).toEqual([
      'NP Avvikelser',
      'NP Måluppfyllelse',
      'NP Internkontroll',
      'NP Kontroller',
    ]);
    for (const s of sheets) expect(s.name.length).toBeLessThanOrEqual(31);
    for (const s of sheets) for (const r of s.rows) expect(r.values).toHaveLength(s.columns.length);
  });

  it('lists each variance with its table caption, numbers and check', () => {
    const v = sheets[0]!;
    expect(v.rows[0]).toMatchObject({
      kind: 'section',
      values: ['Drift!A3:E9 – Driftredovisning (tkr)', ...Array.from({ length: 10 }, () => null)],
    });
    expect(v.rows[1]!.values).toEqual([
      'Drift!A3:E9 – Driftredovisning (tkr)',
      'Intäkter',
      'Budget 2023 (tkr)',
      -62289,
      'Bokslut 2023 (tkr)',
      -71602,
      9313,
      15,
      9314,
      'Avrundning',
      'Drift!C5',
    ]);
    expect(v.rows[1]!.roles).toEqual({ 9: 'severity-rounding' });
    expect(v.rows[1]!.source).toEqual({ sheet: 'Drift', cell: 'C5' });
    // −7 787 tkr is −2,4 % of the budget: unfavourable beyond the 2 % threshold → red.
    expect(v.rows[2]!.values[7]).toBe(-2.4);
    expect(v.rows[2]!.roles).toEqual({ 7: 'status-not-met' });
  });

  it('does not repeat a unit the title already names', () => {
    expect(tableCaption({ ...report.tables[0]!, title: 'Driftbudget, mnkr', unit: 'mnkr' })).toBe(
      'Drift!A3:E9 – Driftbudget, mnkr',
    );
    expect(tableCaption({ ...report.tables[0]!, title: null, unit: null })).toBe(
      'Drift!A3:E9 – Tabell utan rubrik',
    );
  });

  it('shows indicator status in Swedish with its signal role', () => {
    const rows = sheets[1]!.rows;
    expect(rows[0]!.values.slice(0, 7)).toEqual([
      'Andel brukare som är nöjda med hemtjänsten',
      '≥81',
      'Mål 2023',
      82.2,
      'Utfall 2023',
      'Högre är bättre',
      'Uppfyllt',
    ]);
    expect(rows[0]!.roles).toEqual({ 6: 'status-met' });
    expect(rows[0]!.decimals).toEqual({ 3: 1 });
    expect(rows[1]!.values[6]).toBe('Utfall saknas');
    expect(rows[1]!.roles).toEqual({ 6: 'status-none' });
  });

  it('lists risks with riskvärde and whether they are in the plan, and counts the matrix', () => {
    const ik = sheets[2]!;
    expect(ik.title).toContain('12');
    expect(ik.rows.map((r) => [r.values[4], r.values[5]])).toEqual([
      [9, 'Nej'],
      [12, 'Ja'],
      [12, 'Ja'],
    ]);
    const m = ik.blocks![0]!.grid;
    expect(m).toHaveLength(6);
    expect(m[0]).toEqual([
      'Sannolikhet \\ Konsekvens',
      '1 Försumbar',
      '2 Lindrig',
      '3 Kännbar',
      '4 Allvarig',
      '5 Mycket allvarig',
    ]);
    // Row for sannolikhet 3 (Möjlig) is the third from the top (5, 4, 3).
    expect(m[3]).toEqual(['3 Möjlig', 0, 0, 1, 2, 0]);
    const total = m
      .slice(1)
      .reduce((n, r) => n + r.slice(1).reduce<number>((a, b) => a + Number(b), 0), 0);
    expect(total).toBe(3);
  });

  it('lists checks and problems', () => {
    const k = sheets[3]!;
    expect(k.rows[1]!.values).toEqual([
      'Drift!E6',
      'Budget mnkr',
      'Summa',
      31.6,
      28.1,
      3.5,
      'Stämmer inte',
    ]);
    expect(k.rows[1]!.roles).toEqual({ 6: 'severity-mismatch' });
    expect(k.rows[1]!.decimals).toEqual({ 3: 1, 4: 1, 5: 1 });
    expect(k.blocks![0]!.grid[1]).toEqual([
      'Varning',
      'unreadable-number',
      'Drift!B12',
      'Talet kunde inte läsas.',
    ]);
  });

  it('makes empty sheets for an empty report', () => {
    const empty = buildReportSheets(
      { ...report, tables: [], variances: [], indicators: [], risks: [], checks: [], problems: [] },
      { riskThreshold: 12 },
    );
    expect(empty.map((s) => s.rows.length)).toEqual([0, 0, 0, 0]);
    expect(
      riskMatrix([])
        .slice(1)
        .flatMap((r) => r.slice(1)),
    ).toEqual(new Array(25).fill(0));
  });
});
