/**
 * The summary's first lines for one of the product's own templates: how complete it is, then
 * every gap, each with its `Sheet!Cell`.
 */
import type { Template } from '../domain/report';
import { formatPercent } from './formatNumber';
import { terminalField } from './terminalText';

/** How many gaps the summary lists at most; the rest are counted. */
const MAX_GAPS = 50;

/**
 * The lines, none for a workbook that is no template.
 *
 * @example templateSummary(template)
 *   // → ['Mall: 87,5 % ifylld (35 av 40 obligatoriska celler)', '  Uppföljning drift: 20 av 24', …]
 */
export function templateSummary(template: Template | null): string[] {
  if (template === null) return [];
  const required = template.sheets.reduce((a, s) => a + s.required, 0);
  const filled = template.sheets.reduce((a, s) => a + s.filled, 0);
  const lines = [
    `Mall: ${formatPercent(template.completeness)} ifylld (${filled} av ${required} obligatoriska celler)`,
  ];
  for (const s of template.sheets) {
    lines.push(`  ${terminalField(s.sheet)}: ${s.filled} av ${s.required}`);
  }
  lines.push(`Brister i mallen: ${template.gaps.length}`);
  for (const g of template.gaps.slice(0, MAX_GAPS)) {
    lines.push(`  ${terminalField(`${g.sheet}!${g.cell}`)}  ${terminalField(g.message)}`);
  }
  if (template.gaps.length > MAX_GAPS) {
    lines.push(`  … och ${template.gaps.length - MAX_GAPS} till`);
  }
  return lines;
}
