/**
 * The formulas of the product's template sheets in the open workbook, which the read (values)
 * does not hold, so the check of a filled template tells a formula from a number typed over it
 * exactly, as the command line does with the file (`readFormulaCells`). One sync, for the
 * template sheets only; any other workbook is not read again.
 */
import { address, parseAddress, type WorkbookSnapshot } from '../../domain/grid';
import type { FormulaCells } from '../../domain/report';
import { templateMarker } from '../../domain/templates';

/**
 * Sheet → A1 → formula (without `=`) of the template sheets `snapshot`'s marker names; null when
 * the workbook is none of the product's templates.
 * @example await readTemplateFormulas(ctx, snapshot) // → Map { 'Uppföljning drift' => Map { 'E5' => 'IF(…)' } }
 */
export async function readTemplateFormulas(
  context: Excel.RequestContext,
  snapshot: WorkbookSnapshot,
): Promise<FormulaCells | null> {
  const marker = templateMarker(snapshot);
  if (marker === null || marker.length === 0) return null;
  const ranges = marker.map((m) => ({
    sheet: m.sheet,
    range: context.workbook.worksheets.getItem(m.sheet).getUsedRange().load('address,formulas'),
  }));
  await context.sync();
  const out = new Map<string, Map<string, string>>();
  for (const { sheet, range } of ranges) {
    const start = parseAddress(
      range.address.slice(range.address.lastIndexOf('!') + 1).split(':')[0] ?? 'A1',
    );
    const cells = new Map<string, string>();
    (range.formulas as unknown[][]).forEach((row, r) =>
      row.forEach((f, c) => {
        if (typeof f === 'string' && f.startsWith('='))
          cells.set(address(start.row + r, start.col + c), f.slice(1));
      }),
    );
    out.set(sheet, cells);
  }
  return out;
}
