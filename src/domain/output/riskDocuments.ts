/**
 * The internkontrollplan as the documents print it, with the source's own columns kept
 * (kontrollmoment, ansvarig, frekvens, uppföljning, …), each risk numbered; and the 5×5 risk
 * matrix with its coloured zones and the risks' numbers in its cells.
 */
import type { Report, Risk } from '../report';
import type { SheetGrid } from '../sheetGrid';
import type { DetectedTable } from '../tables';
import { textCell, textWidth } from './cells';
import type {
  DocumentCell,
  DocumentColumn,
  DocumentRow,
  DocumentTable,
  DocumentTone,
} from './model';
import { cleanHeader, composeTitle, yearSpan } from './titles';

/** Where the matrix's zones start, by riskvärde: 1–4 green, 5–9 yellow, 10–14 orange, 15–25 red. */
export interface RiskZones {
  yellow: number;
  orange: number;
  red: number;
}

export const DEFAULT_RISK_ZONES: RiskZones = { yellow: 5, orange: 10, red: 15 };

const PROBABILITY_WORDS = ['Osannolik', 'Mindre sannolik', 'Möjlig', 'Sannolik', 'Mycket sannolik'];
const CONSEQUENCE_WORDS = ['Försumbar', 'Lindrig', 'Kännbar', 'Allvarig', 'Mycket allvarig'];

/** The zone of a riskvärde. Example: riskZone(12) → 'zone-orange'. */
export function riskZone(value: number, zones: RiskZones = DEFAULT_RISK_ZONES): DocumentTone {
  if (value >= zones.red) return 'zone-red';
  if (value >= zones.orange) return 'zone-orange';
  if (value >= zones.yellow) return 'zone-yellow';
  return 'zone-green';
}

/** A source risk table and its grid, for the columns the engine does not read itself. */
export interface RiskSource {
  grid: SheetGrid;
  table: DetectedTable;
}

const OWN_ROLES = new Set(['process', 'risk', 'probability', 'consequence', 'risk-value']);

/**
 * The internkontrollplan: `Nr | Process | Risk | Sannolikhet | Konsekvens | Riskvärde`, then the
 * source's other columns by their headers, in the order the source tables have them. Every risk of
 * the report, numbered in reading order (the numbers the matrix shows); the riskvärde cell in its
 * zone's colour. Null without risks.
 *
 * @example riskPlanDocument(report, sources, { riskThreshold: 12 }, 'socialnämnden', 'ik-1')
 *   ?.rows[2].cells.slice(0, 6).map((c) => c.value)
 *   // → [3, 'Övergripande styrning', 'Felaktiga utbetalningar …', 3, 4, 12]
 */
export function riskPlanDocument(
  report: Report,
  sources: readonly RiskSource[],
  options: { riskThreshold: number; zones?: RiskZones },
  committee: string | null,
  id: string,
): DocumentTable | null {
  if (report.risks.length === 0) return null;
  // The source's other columns, one per header text, in order of first appearance.
  const extra: string[] = [];
  for (const s of sources) {
    for (const c of s.table.columns) {
      const h = cleanHeader(c.header.text);
      if (OWN_ROLES.has(c.header.role) || h === '' || extra.includes(h)) continue;
      extra.push(h);
    }
  }
  const rows: DocumentRow[] = [];
  const extraTexts: string[][] = extra.map(() => []);
  report.risks.forEach((r, k) => {
    const src = sources.find(
      (s) => s.table.sheet === r.sheet && r.row >= s.table.top && r.row <= s.table.bottom,
    );
    const cells: DocumentCell[] = [
      { value: k + 1 },
      textCell(r.process),
      textCell(r.risk.replace(/\s+/g, ' ').trim()),
      { value: r.probability },
      { value: r.consequence },
      { value: r.value, tone: riskZone(r.value, options.zones) },
    ];
    extra.forEach((h, i) => {
      const col = src?.table.columns.find((c) => cleanHeader(c.header.text) === h);
      const text = src && col ? src.grid.text(r.row, col.col) : '';
      extraTexts[i]?.push(text);
      cells.push(textCell(text));
    });
    rows.push({ style: 'line', indent: 0, cells, source: { sheet: r.sheet, row: r.row } });
  });
  const columns: DocumentColumn[] = [
    { header: 'Nr', kind: 'integer', width: 5 },
    {
      header: 'Process',
      kind: 'text',
      width: textWidth(
        report.risks.map((r) => r.process ?? ''),
        14,
        24,
      ),
    },
    { header: 'Risk', kind: 'text', width: 36 },
    { header: 'Sannolikhet', kind: 'integer', width: 12 },
    { header: 'Konsekvens', kind: 'integer', width: 12 },
    { header: 'Riskvärde', kind: 'integer', width: 10 },
  ];
  extra.forEach((h, i) => {
    columns.push({ header: h, kind: 'text', width: textWidth(extraTexts[i] ?? [], 16, 32) });
  });
  const inPlan = report.risks.flatMap((r, k) => (r.inPlan ? [k + 1] : []));
  const notes = [
    'Riskvärde = sannolikhet × konsekvens, vardera 1–5.',
    inPlan.length === 0
      ? `Ingen risk har riskvärde ${options.riskThreshold} eller högre.`
      : `Risker med riskvärde ${options.riskThreshold} eller högre ingår i internkontrollplanen: nr ${inPlan.join(', ')}.`,
  ];
  return {
    id,
    kind: 'internkontrollplan',
    title: composeTitle('Internkontrollplan', committee, periodOfSources(sources), null),
    unit: null,
    columns,
    rows,
    notes,
    result: null,
    source: null,
  };
}

/**
 * The 5×5 risk matrix: sannolikhet 5 down to 1 in rows, konsekvens 1 to 5 in columns, each cell in
 * its zone's colour with the numbers of the risks that have that pair (`3, 4, 5`). Risks outside
 * 1–5 are left out. Null without risks.
 *
 * @example riskMatrixDocument(report, sources, {}, null, 'rm-1')?.rows[2].cells[4]
 *   // → { value: '3, 4, 5', tone: 'zone-orange' } (sannolikhet 3, konsekvens 4)
 */
export function riskMatrixDocument(
  report: Report,
  sources: readonly RiskSource[],
  options: { zones?: RiskZones },
  committee: string | null,
  id: string,
): DocumentTable | null {
  if (report.risks.length === 0) return null;
  const zones = options.zones ?? DEFAULT_RISK_ZONES;
  const numbers = (p: number, c: number): string => {
    const found: number[] = [];
    report.risks.forEach((r: Risk, k) => {
      if (r.probability === p && r.consequence === c) found.push(k + 1);
    });
    return found.join(', ');
  };
  const rows: DocumentRow[] = [];
  for (let p = 5; p >= 1; p--) {
    const cells: DocumentCell[] = [{ value: `${p} ${PROBABILITY_WORDS[p - 1] ?? ''}` }];
    for (let c = 1; c <= 5; c++) {
      const text = numbers(p, c);
      cells.push({ value: text === '' ? null : text, tone: riskZone(p * c, zones) });
    }
    rows.push({ style: 'line', indent: 0, cells, source: null });
  }
  const columns: DocumentColumn[] = [
    { header: 'Sannolikhet \\ Konsekvens', kind: 'text', width: 22 },
  ];
  for (let c = 1; c <= 5; c++) {
    columns.push({ header: `${c} ${CONSEQUENCE_WORDS[c - 1] ?? ''}`, kind: 'text', width: 13 });
  }
  const span = (from: number, to: number): string => (from === to ? `${from}` : `${from}–${to}`);
  return {
    id,
    kind: 'riskmatris',
    title: composeTitle('Riskmatris', committee, periodOfSources(sources), null),
    unit: null,
    columns,
    rows,
    notes: [
      'Siffrorna i cellerna är riskernas nummer i internkontrollplanen.',
      `Zoner efter riskvärde: grönt ${span(1, zones.yellow - 1)}, gult ${span(zones.yellow, zones.orange - 1)}, ` +
        `orange ${span(zones.orange, zones.red - 1)}, rött ${span(zones.red, 25)}.`,
    ],
    result: null,
    source: null,
  };
}

/** The year the risk tables' titles and the lines above them name (`Internkontrollplan 2024`). */
function periodOfSources(sources: readonly RiskSource[]): string {
  const lines: string[] = [];
  for (const s of sources) {
    if (s.table.title !== null) lines.push(s.table.title);
    for (const l of s.table.contextLines) if (/internkontroll/i.test(l)) lines.push(l);
  }
  return yearSpan(lines);
}
