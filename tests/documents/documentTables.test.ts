/**
 * Golden tests of the document tables built from the seed workbooks: what a controller pastes into
 * the bokslut, checked against what the seed documents print. Rows are named by their labels.
 */
import { riskZone } from '../../src/domain/output/riskDocuments';
import { row, seed, table, values, type Seed } from './helpers';

let mellerud: Seed;
let ale: Seed;
let ale2018: Seed;
let alingsas: Seed;
let mark: Seed;

beforeAll(async () => {
  [mellerud, ale, ale2018, alingsas, mark] = await Promise.all([
    seed('mellerud-2023'),
    seed('ale-2024'),
    seed('ale-2018'),
    seed('alingsas-2023'),
    seed('mark-2024'),
  ]);
});

describe('Driftredovisning / Ekonomisk sammanställning', () => {
  it("Mellerud: the source's rows, order and subtotals, the committee, period and unit in the title", () => {
    const drift = table(mellerud.tables, 'drift');
    expect(drift.title).toBe('Driftredovisning socialnämnden, bokslut 2023 (tkr)');
    expect(drift.columns.map((c) => c.header)).toEqual([
      'Beskrivning',
      'Budget 2023',
      'Bokslut 2023',
      'Avvikelse',
      'Avvikelse %',
    ]);
    expect(drift.rows.map((r) => [r.cells[0]?.value, r.style])).toEqual([
      ['Socialförvaltningen', 'heading'],
      ['Intäkter', 'line'],
      ['Personalkostnader', 'line'],
      ['Löpande kostnader', 'line'],
      ['Sa kostnader', 'subtotal'],
      ['Resultat', 'total'],
    ]);
    // The seed prints −17 100 and −7 787; the engine's variance, exact.
    expect(values(row(drift, 'Sa kostnader'))).toEqual([
      'Sa kostnader',
      390571,
      407671,
      -17100,
      -4.4,
    ]);
    expect(values(row(drift, 'Resultat'))).toEqual(['Resultat', 328282, 336069, -7787, -2.4]);
    // Intäkter recomputed: 9 313 (the seed prints 9 314, rounding; the audit listing says so).
    expect(values(row(drift, 'Intäkter'))).toEqual(['Intäkter', -62289, -71602, 9313, 15]);
    expect(drift.result?.variance).toBe(-7787);
    expect(drift.notes[0]).toMatch(/Positiv avvikelse = överskott/);
  });

  it('Ale 2024: Ekonomisk sammanställning, Totalt −7 000 (−1,0 %), the workbook names the committee', () => {
    const drift = table(ale.tables, 'drift');
    expect(drift.title).toBe('Ekonomisk sammanställning socialnämnden, prognos 2023 (tkr)');
    expect(drift.columns.map((c) => c.header)).toEqual([
      'Besluts/verksamhetsområden',
      'Budget 2023',
      'Prognos 2023',
      'Avvikelse',
      'Avvikelse %',
    ]);
    expect(values(row(drift, 'Totalt'))).toEqual(['Totalt', -683434, -690434, -7000, -1]);
    expect(row(drift, 'Totalt').style).toBe('total');
    expect(values(row(drift, 'Funktionsstöd'))).toEqual([
      'Funktionsstöd',
      -209491,
      -217231,
      -7740,
      -3.7,
    ]);
    // No source address, no check column: nothing only an auditor needs.
    expect(JSON.stringify(drift.rows)).not.toMatch(/Ekonomi!|Stämmer|Avrundning/);
  });

  it('Alingsås: subtotals of a resultaträkning bold, Årets resultat the total', () => {
    const drift = table(alingsas.tables, 'drift');
    expect(drift.title).toBe('Driftredovisning socialnämnden, prognos helår 2023 (tkr)');
    expect(drift.columns[0]?.header).toBe('Verksamhet'); // the source says only `Belopp i tkr`
    expect(row(drift, 'Verksamhetens kostnader').style).toBe('subtotal');
    expect(row(drift, 'Verksamhetens nettokostnader').style).toBe('subtotal');
    expect(row(drift, 'Årets resultat').style).toBe('total');
    expect(values(row(drift, 'Köp av tjänster'))).toEqual([
      'Köp av tjänster',
      -57276,
      -61100,
      -3824,
      -6.7,
    ]);
    // A budget of 0 has no percentage.
    expect(values(row(drift, 'Finansnetto'))).toEqual(['Finansnetto', 0, -6, -6, null]);
  });

  it('Mark: mnkr with one decimal, exact (31,6 − 28,1 = 3,5), a heading row, two Nettokostnader', () => {
    const drift = table(mark.tables, 'drift');
    expect(drift.title).toBe('Driftredovisning socialnämnden, prognos 2023 (mnkr)');
    const intakter = row(drift, 'Intäkter');
    expect(values(intakter)).toEqual(['Intäkter', 28.1, 31.6, 3.5, 12.5]);
    expect(intakter.cells[1]?.decimals).toBe(1);
    expect(row(drift, 'Huvudverksamheter').style).toBe('heading');
    expect(row(drift, 'Nettokostnader', 0).style).toBe('subtotal');
    expect(row(drift, 'Nettokostnader', 1).style).toBe('total');
    expect(values(row(drift, 'Nettokostnader', 1))).toEqual([
      'Nettokostnader',
      -426.8,
      -424.3,
      2.5,
      0.6,
    ]);
  });

  it('Ale 2018: the forecast printed as its deviation, no committee named in the workbook', () => {
    const drift = table(ale2018.tables, 'drift');
    expect(drift.title).toBe('Ekonomisk sammanställning, prognos 2017 (tkr)');
    expect(drift.columns.map((c) => c.header)).toEqual([
      'Besluts/verksamhetsområden',
      'Budget 2017',
      'Avvikelse prognos 2017',
      'Avvikelse %',
    ]);
    expect(values(row(drift, 'Totalt'))).toEqual(['Totalt', 499702, -27600, -5.5]);
  });
});

describe('Investeringsredovisning', () => {
  it("Mellerud: per project, the source's Slutredovisas column kept, Summa the total", () => {
    const inv = table(mellerud.tables, 'investeringar');
    expect(inv.title).toBe('Investeringsredovisning socialnämnden, utfall 2023 (tkr)');
    expect(inv.columns.map((c) => c.header)).toEqual([
      'Projekt',
      'Budget 2023',
      'Utfall 2023',
      'Avvikelse',
      'Avvikelse %',
      'Slutredovisas',
    ]);
    expect(values(row(inv, 'Inventarier Skållerudshemmet'))).toEqual([
      'Inventarier Skållerudshemmet',
      30,
      151,
      -121,
      -403.3,
      'Nej',
    ]);
    expect(values(row(inv, 'Summa'))).toEqual(['Summa', 700, 721, -21, -3, null]);
    expect(row(inv, 'Summa').style).toBe('total');
  });

  it("Ale 2024: a plan without outcomes keeps the source's years", () => {
    const plan = table(ale.tables, 'investeringar');
    expect(plan.title).toBe('Investeringsplan socialnämnden, 2024–2027 (tkr)');
    expect(plan.columns.map((c) => c.header)).toEqual(['Projekt', '2024', '2025', '2026', '2027']);
    expect(row(plan, 'Investering, namn').style).toBe('heading');
    expect(values(row(plan, 'Årsanslag'))).toEqual(['Årsanslag', 2000, 2000, 2000, 2000]);
    expect(plan.result).toBeNull();
  });
});

describe('Måluppfyllelse', () => {
  it('Alingsås: grouped by goal, KF goals as headings, verdicts in word and signal colour', () => {
    const goals = table(alingsas.tables, 'maluppfyllelse');
    expect(goals.title).toBe('Måluppfyllelse socialnämnden, 2023');
    // Alingsås keeps its gender split (Varav 85 kvinnor och 81 män): two columns beside Utfall.
    expect(goals.columns.map((c) => c.header)).toEqual([
      'Mål och indikator',
      'Målvärde',
      'Utfall',
      'Kvinnor',
      'Män',
      'Avser',
      'Bedömning',
    ]);
    const kf = goals.rows[0];
    expect(kf?.style).toBe('heading');
    expect(String(kf?.cells[0]?.value)).toMatch(/^2\. I Alingsås finns goda livsmiljöer/);
    expect(kf?.cells[6]).toEqual({ value: 'Ej uppfyllt', tone: 'verdict-ej' });
    const bistand = row(goals, 'Antal vuxna biståndsmottagare med långvarigt ekonomiskt bistånd');
    expect(values(bistand).slice(2, 5)).toEqual([166, 85, 81]);
    const goal = row(
      goals,
      'De som tar kontakt med socialförvaltningen via telefon och är nöjda med bemötandet ska öka',
    );
    expect(goal.indent).toBe(1);
    expect(goal.cells[6]).toEqual({
      value: 'Helt uppfyllt – 1 av 1 uppfyllda',
      tone: 'verdict-helt',
    });
    const met = row(goals, 'Nöjd med bemötandet via telefoni, index 0-100');
    expect(values(met)).toEqual([
      'Nöjd med bemötandet via telefoni, index 0-100',
      '82,2 (2023)',
      82.2,
      null,
      null,
      'Utfall 31 aug 2023',
      'Uppfyllt',
    ]);
    expect(met.cells[6]?.tone).toBe('met');
    expect(met.indent).toBe(2);
    // The same order as the audit sheet's (goalOutline): goal, its indicators, the next goal.
    const labels = goals.rows.map((r) => String(r.cells[0]?.value));
    expect(labels.indexOf('Antal personer som blir självförsörjande ska öka')).toBe(1);
    expect(labels[2]).toMatch(/^Antal vuxna biståndsmottagare/);
  });

  it('Mellerud: goals its indicators cannot judge show the verdict the document prints, said so', () => {
    const goals = table(mellerud.tables, 'maluppfyllelse');
    const g = row(goals, 'Socialförvaltningen ska ha en god grund i digitaliseringsarbetet');
    expect(g.cells[4]).toEqual({
      value: 'Helt uppfyllt (enligt dokumentet)',
      tone: 'verdict-helt',
    });
  });

  it('Mark: följetal are not among the goals; indicators under no goal in a section of their own', () => {
    const goals = table(mark.tables, 'maluppfyllelse');
    const labels = goals.rows.map((r) => String(r.cells[0]?.value));
    expect(labels).toContain('Indikatorer utan mål');
    expect(labels).not.toContain('Antal personer i LSS-boende');
  });
});

describe('Följetal', () => {
  it('Mark: one table per source table, its columns and percent figures as the source shows them', () => {
    const first = table(mark.tables, 'foljetal', 0);
    expect(first.title).toBe('Socialnämndens följetal nämndplan');
    expect(first.columns.map((c) => c.header)).toEqual([
      'Följetal',
      'Utfall 2021',
      'Utfall 2022',
      'Prognos 2023',
    ]);
    expect(values(row(first, 'Antal personer i LSS-boende'))).toEqual([
      'Antal personer i LSS-boende',
      109,
      100,
      99,
    ]);
    const sick = table(mark.tables, 'foljetal', 2);
    expect(sick.title).toBe('Personal - Sjukfrånvaro, socialnämnden');
    expect(row(sick, 'Sjukfrånvaro alla anställda (%)').cells[1]).toEqual({
      value: 8.2,
      decimals: 1,
      percent: true,
    });
    expect(row(sick, 'Frisktal (max fem sjukdagar per individ och år) (%)').cells[3]).toEqual({
      value: 48,
      percent: true,
    });
  });

  it("Mellerud: personnel figures with the source's footnotes under the table", () => {
    const staff = table(mellerud.tables, 'foljetal');
    expect(values(row(staff, 'Sjuklönekostnad **'))).toEqual([
      'Sjuklönekostnad **',
      4658552,
      5546664,
    ]);
    expect(staff.notes).toEqual([
      '* Avser perioden 2023-01-01-2023-11-30, 2022-01-01-2022-11-30',
      '** Avser de första 14 dagarna i sjukfrånvaron',
    ]);
  });
});

describe('Internkontrollplan and Riskmatris', () => {
  it("Mark: every risk numbered, the source's Kontrollmoment and Uppföljning kept, riskvärde zoned", () => {
    const plan = table(mark.tables, 'internkontrollplan');
    expect(plan.title).toBe('Internkontrollplan socialnämnden');
    expect(plan.columns.map((c) => c.header)).toEqual([
      'Nr',
      'Process',
      'Risk',
      'Sannolikhet',
      'Konsekvens',
      'Riskvärde',
      'Kontrollmoment',
      'Uppföljning',
    ]);
    expect(plan.rows.map((r) => [r.cells[0]?.value, r.cells[5]?.value, r.cells[5]?.tone])).toEqual([
      [1, 9, 'zone-yellow'],
      [2, 4, 'zone-green'],
      [3, 12, 'zone-orange'],
      [4, 12, 'zone-orange'],
      [5, 12, 'zone-orange'],
    ]);
    expect(plan.rows[2]?.cells[6]?.value).toBe(
      'Efterlevnad handlingsplan gällande utbetalningsprocess för ekonomiskt bistånd',
    );
    expect(plan.notes[1]).toBe(
      'Risker med riskvärde 12 eller högre ingår i internkontrollplanen: nr 3, 4, 5.',
    );
  });

  it("Mark: a real 5×5 matrix, the zones by riskvärde and the risks' numbers in their cells", () => {
    const m = table(mark.tables, 'riskmatris');
    expect(m.columns.map((c) => c.header)).toEqual([
      'Sannolikhet \\ Konsekvens',
      '1 Försumbar',
      '2 Lindrig',
      '3 Kännbar',
      '4 Allvarig',
      '5 Mycket allvarig',
    ]);
    expect(m.rows.map((r) => r.cells[0]?.value)).toEqual([
      '5 Mycket sannolik',
      '4 Sannolik',
      '3 Möjlig',
      '2 Mindre sannolik',
      '1 Osannolik',
    ]);
    // Zones: 1–4 green, 5–9 yellow, 10–14 orange, 15–25 red, cell by cell.
    m.rows.forEach((r, i) => {
      const p = 5 - i;
      for (let c = 1; c <= 5; c++) expect(r.cells[c]?.tone).toBe(riskZone(p * c));
    });
    expect(
      m.rows.map((r) =>
        r.cells
          .slice(1)
          .map((c) => c.tone?.slice(5)[0])
          .join(''),
      ),
    ).toEqual(['yorrr', 'gyorr', 'gyyor', 'ggyyo', 'ggggy']);
    // Risk 1 (3 × 3), risk 2 (2 × 2), risks 3, 4, 5 (3 × 4).
    expect(m.rows[2]?.cells[3]?.value).toBe('1');
    expect(m.rows[3]?.cells[2]?.value).toBe('2');
    expect(m.rows[2]?.cells[4]).toEqual({ value: '3, 4, 5', tone: 'zone-orange' });
    expect(m.rows.flatMap((r) => r.cells.slice(1)).filter((c) => c.value !== null)).toHaveLength(3);
  });

  it('a workbook without risks has neither table', () => {
    expect(ale.tables.map((t) => t.kind)).toEqual(['drift', 'investeringar']);
  });
});

describe('the order and the ids', () => {
  it('drift, investments, goals, följetal, plan, matrix; ids by kind', () => {
    expect(mark.tables.map((t) => t.id)).toEqual([
      'drift-1',
      'investeringar-1',
      'maluppfyllelse-1',
      'foljetal-1',
      'foljetal-2',
      'foljetal-3',
      'foljetal-4',
      'internkontrollplan-1',
      'riskmatris-1',
    ]);
  });
});
