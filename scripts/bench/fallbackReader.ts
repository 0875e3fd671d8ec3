/**
 * A stand-in for the product's `readWorkbookFile` while `src/adapters/xlsx/readWorkbook.ts` does
 * not exist yet: SheetJS into the engine's plain grid, the simplest way. The benchmark labels its
 * figures `fallback` whenever this is used; they are not the product's figures.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/domain/grid';

/** Reads an `.xlsx` file into a `WorkbookSnapshot` (values, number formats, merges). */
export function readWorkbookFileFallback(path: string): WorkbookSnapshot {
  const wb = XLSX.read(readFileSync(path), { dense: true, cellNF: true, cellText: false });
  const sheets: SheetSnapshot[] = wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const data = (ws?.['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    const values: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    for (const row of data) {
      const v: CellValue[] = [];
      const f: (string | null)[] = [];
      for (const cell of row ?? []) {
        v.push(cellValue(cell));
        f.push(typeof cell?.z === 'string' ? cell.z : null);
      }
      values.push(v);
      formats.push(f);
    }
    const merges = (ws?.['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    return { name, origin: { row: 1, col: 1 }, values, formats, merges };
  });
  return { name: basename(path), sheets };
}

function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
    case 's':
    case 'b':
      return cell.v as number | string | boolean;
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : null;
    default:
      return null;
  }
}
