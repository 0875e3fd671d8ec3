import { address } from './grid';
import { problem } from './messages';
import type { Check, Problem, Risk } from './report';
import type { SheetGrid } from './sheetGrid';
import type { DetectedTable } from './tables';
import { normaliseText } from './values';

const PROBABILITY: Record<string, number> = {
  'mycket sannolik': 5,
  sannolik: 4,
  möjlig: 3,
  'mindre sannolik': 2,
  osannolik: 1,
};
const CONSEQUENCE: Record<string, number> = {
  'mycket allvarig': 5,
  allvarig: 4,
  kännbar: 3,
  lindrig: 2,
  försumbar: 1,
};

/**
 * A risk level 1-5 from a number or its word: `Möjlig` → 3 (sannolikhet), `Allvarig` → 4
 * (väsentlighet). Null when the cell is empty; 'unknown' for anything else.
 */
export function riskLevel(
  text: string,
  what: 'probability' | 'consequence',
): number | null | 'unknown' {
  const t = normaliseText(text).toLowerCase().replace(/[.]$/, '');
  if (t === '') return null;
  const m = /^([1-5])(?:[.,]0+)?(?:\s*[-–(].*)?$/.exec(t);
  if (m) return Number(m[1]);
  const words = what === 'probability' ? PROBABILITY : CONSEQUENCE;
  const direct = words[t];
  if (direct !== undefined) return direct;
  // "3 - Möjlig", "Möjlig (3)": the word decides.
  for (const [w, v] of Object.entries(words).sort((a, b) => b[0].length - a[0].length)) {
    if (t.includes(w)) return v;
  }
  return 'unknown';
}

/**
 * Reads the risks of an internal-control table: riskvärde = sannolikhet × väsentlighet, in the
 * plan at or above `threshold`. A printed riskvärde that differs is a `product` check.
 */
export function readRisks(
  grid: SheetGrid,
  table: DetectedTable,
  threshold: number,
  out: { risks: Risk[]; checks: Check[]; problems: Problem[] },
): void {
  const pCol = table.columns.find((c) => c.header.role === 'probability');
  const cCol = table.columns.find((c) => c.header.role === 'consequence');
  const vCol = table.columns.find((c) => c.header.role === 'risk-value');
  const riskCol = table.columns.find((c) => c.header.role === 'risk')?.col ?? table.labelCol;
  const processCol =
    table.columns.find((c) => c.header.role === 'process')?.col ??
    (riskCol !== table.labelCol ? table.labelCol : null);
  if (!pCol || !cCol) return;
  let process: string | null = null;
  for (const r of table.dataRows) {
    if (processCol !== null) {
      const p = grid.text(r, processCol);
      if (p !== '') process = p;
    }
    const riskText = grid.text(r, riskCol);
    const pText = grid.text(r, pCol.col);
    const cText = grid.text(r, cCol.col);
    if (riskText === '' && pText === '' && cText === '') continue;
    const p = riskLevel(pText, 'probability');
    const c = riskLevel(cText, 'consequence');
    if (p === 'unknown')
      out.problems.push(
        problem(table.sheet, address(r, pCol.col), 'warning', 'unknown-risk-level', {
          text: pText,
          what: 'sannolikhet',
        }),
      );
    if (c === 'unknown')
      out.problems.push(
        problem(table.sheet, address(r, cCol.col), 'warning', 'unknown-risk-level', {
          text: cText,
          what: 'väsentlighet',
        }),
      );
    if (typeof p !== 'number' || typeof c !== 'number' || riskText === '') continue;
    const value = p * c;
    const reportedFig = vCol ? grid.number(r, vCol.col) : null;
    const reportedValue = reportedFig ? reportedFig.value.toNumber() : null;
    if (vCol && reportedValue !== null && reportedValue !== value) {
      out.checks.push({
        sheet: table.sheet,
        row: r,
        cell: address(r, vCol.col),
        label: riskText,
        kind: 'product',
        reported: reportedValue,
        computed: value,
        difference: reportedValue - value,
        severity: 'mismatch',
      });
    }
    out.risks.push({
      sheet: table.sheet,
      row: r,
      cell: address(r, riskCol),
      process,
      risk: riskText,
      probability: p,
      consequence: c,
      value,
      reportedValue,
      inPlan: value >= threshold,
    });
  }
}
