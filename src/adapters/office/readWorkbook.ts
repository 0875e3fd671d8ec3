/**
 * Reads the live workbook into the engine's grid through Office.js, in a number of syncs that
 * does not depend on how many sheets or rows there are, only on how many megabytes:
 *
 * 1. worksheet names and the workbook's name (`workbook.name`, ExcelApi 1.7);
 * 2. every sheet's used range (address, size), all sheets in one sync;
 * 3. values and number formats in row blocks of ≤ READ_BLOCK_CELLS cells, packed across sheets
 *    into syncs: the first of READ_SYNC_CELLS cells, the next ones sized from the bytes per cell
 *    just seen so each carries ≈ READ_SYNC_BYTES (3 MB). The first also carries every sheet's
 *    merged areas, asked of its used range (`mergedAreas.ts`).
 *
 * So a workbook under 100 000 used cells takes exactly 3 syncs, whatever its sheets and rows;
 * a larger one ≈ 3 + (MB of values and formats − first sync) / 3 MB: syncs grow with megabytes
 * (Excel on the web cannot move more than 5 MB per sync), never with the number of sheets, and
 * no single response exceeds ~3–4 MB. A sync Excel still refuses is halved and retried.
 */
import {
  address,
  type CellError,
  type CellValue,
  type SheetSnapshot,
  type WorkbookSnapshot,
} from '../../domain/grid';
import type { Progress } from '../../taskpane/host';
import { isBusyError, MergedAreasReader, type UsedRect } from './mergedAreas';
import { fromOfficeValue, officeError } from './officeValues';
import {
  isPayloadTooLarge,
  jsonSize,
  READ_BLOCK_CELLS,
  READ_MAX_SYNC_CELLS,
  READ_SYNC_BYTES,
  READ_SYNC_CELLS,
} from './payload';
import { MERGED_AREAS_API, supportsExcelApi } from './requirements';

export { parseAreasAddress } from './mergedAreas';

/** Options of a read; the defaults are what Excel needs, tests change them. */
export interface ReadOptions {
  /** File name for the snapshot; by default `workbook.name` as Excel gives it. */
  workbookName?: string;
  /** Read merged areas (ExcelApi 1.13). Default: whether the host supports ExcelApi 1.13. */
  merges?: boolean;
  /** Cells per block and per sync (see payload.ts). */
  blockCells?: number;
  syncCells?: number;
  /** Bytes (values + formats as JSON) each later sync aims at (see payload.ts). */
  syncBytes?: number;
}

interface SheetMeta {
  name: string;
  used: Excel.Range;
}

interface Block {
  sheet: number;
  /** 0-based sheet row and column of the block's top left, and its size. */
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** Where the next block starts: a sheet and a row offset within its used range. */
interface Cursor {
  sheet: number;
  row: number;
}

/**
 * The next sync's blocks from `at` on: row blocks of at most `blockCells` cells, across sheets,
 * until `syncCells` cells are taken. A block is cut short to fill the sync, so the number of
 * syncs follows the number of cells, whatever the number of sheets.
 */
function nextGroup(
  used: readonly (Excel.Range | null)[],
  at: Cursor,
  blockCells: number,
  syncCells: number,
): { group: Block[]; end: Cursor } {
  const group: Block[] = [];
  let cells = 0;
  let { sheet, row } = at;
  while (sheet < used.length) {
    const range = used[sheet];
    if (!range || row >= range.rowCount) {
      sheet += 1;
      row = 0;
      continue;
    }
    const cols = range.columnCount;
    const room = Math.min(blockCells, syncCells - cells);
    if (room < cols && group.length > 0) break;
    const rows = Math.min(range.rowCount - row, Math.max(1, Math.floor(room / cols)));
    group.push({ sheet, top: range.rowIndex + row, left: range.columnIndex, rows, cols });
    cells += rows * cols;
    row += rows;
  }
  return { group, end: { sheet, row } };
}

/**
 * Reads every sheet (hidden ones too) of the workbook behind `context`: used-range values and
 * number formats, merged areas, in sheet order. Office's error values and empty strings become
 * null; numbers with a date format become ISO dates (`2023-08-31`).
 *
 * @example await Excel.run((ctx) => readWorkbookFromExcel(ctx, undefined, { workbookName: 'Plan.xlsx' }))
 */
export async function readWorkbookFromExcel(
  context: Excel.RequestContext,
  onProgress?: (p: Progress) => void,
  options: ReadOptions = {},
): Promise<WorkbookSnapshot> {
  const blockCells = options.blockCells ?? READ_BLOCK_CELLS;
  const syncCells = Math.max(options.syncCells ?? READ_SYNC_CELLS, blockCells);
  const syncBytes = options.syncBytes ?? READ_SYNC_BYTES;
  const maxCells = READ_MAX_SYNC_CELLS;
  onProgress?.({ phase: 'reading', fraction: 0 });

  // Sync 1: the sheets, and the workbook's own name.
  const workbook = context.workbook;
  const worksheets = workbook.worksheets;
  worksheets.load('items/name');
  if (options.workbookName === undefined) workbook.load('name');
  await context.sync();
  const workbookName = options.workbookName ?? workbook.name;

  // Sync 2: every used range's position and size, for all sheets at once.
  const metas: SheetMeta[] = worksheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,rowIndex,columnIndex,rowCount,columnCount');
    return { name: ws.name, used };
  });
  await context.sync();

  const used = metas.map((m) => (m.used.isNullObject ? null : m.used));
  const totalCells = used.reduce((n, r) => n + (r ? r.rowCount * r.columnCount : 0), 0);

  // Merged areas ride on the first data sync; see mergedAreas.ts for when that fails.
  const rects: UsedRect[] = [];
  used.forEach((r, sheet) => {
    if (r)
      rects.push({
        sheet,
        top: r.rowIndex,
        left: r.columnIndex,
        rows: r.rowCount,
        cols: r.columnCount,
      });
  });
  const merges = new MergedAreasReader(context, worksheets.items, rects);
  const wantMerges = options.merges ?? supportsExcelApi(MERGED_AREAS_API);
  let mergesShared = wantMerges;

  // Syncs 3…: row blocks. The first sync takes `syncCells` cells; later ones are sized from the
  // bytes per cell actually seen, aiming at `syncBytes`. A sync Excel refuses is halved and
  // retried (reads have no side effects), and never grows past what was refused again.
  const values: CellValue[][][] = metas.map(() => []);
  const formats: (string | null)[][][] = metas.map(() => []);
  const errors: CellError[][] = metas.map(() => []);
  let cursor: Cursor = { sheet: 0, row: 0 };
  let budget = syncCells;
  let ceiling = Number.POSITIVE_INFINITY;
  let done = 0;
  for (;;) {
    const { group, end } = nextGroup(used, cursor, blockCells, budget);
    if (group.length === 0) break;
    const groupCells = group.reduce((n, b) => n + b.rows * b.cols, 0);
    const ranges = group.map((b) => {
      const ws = worksheets.items[b.sheet] as Excel.Worksheet;
      const a1 = `${address(b.top + 1, b.left + 1)}:${address(b.top + b.rows, b.left + b.cols)}`;
      const range = ws.getRange(a1);
      range.load('values,numberFormat');
      return range;
    });
    const withMerges = mergesShared && merges.queueShared();
    try {
      await context.sync();
    } catch (error) {
      merges.dropShared();
      if (withMerges && !isPayloadTooLarge(error) && !isBusyError(error)) {
        // Retry the same blocks without the merged areas; ask those sheet by sheet afterwards.
        mergesShared = false;
        continue;
      }
      if (!isPayloadTooLarge(error) || groupCells <= (group[0]?.cols ?? 1)) throw error;
      ceiling = Math.max(1, Math.floor(groupCells / 2));
      budget = ceiling;
      continue;
    }
    if (withMerges) {
      merges.takeShared();
      mergesShared = false;
    }
    let bytes = 0;
    group.forEach((b, k) => {
      const range = ranges[k] as Excel.Range;
      const vs = range.values;
      const fs = range.numberFormat;
      bytes += jsonSize(vs) + jsonSize(fs);
      const rowOffset = b.top - (metas[b.sheet]?.used.rowIndex ?? 0);
      for (let r = 0; r < b.rows; r++) {
        const vRow: CellValue[] = [];
        const fRow: (string | null)[] = [];
        for (let c = 0; c < b.cols; c++) {
          const format: unknown = fs[r]?.[c];
          const raw: unknown = vs[r]?.[c];
          const value = fromOfficeValue(raw, format);
          const error = value === null ? officeError(raw) : null;
          if (error)
            errors[b.sheet]?.push({ row: b.top + r + 1, col: b.left + c + 1, text: error });
          vRow.push(value);
          fRow.push(value === null ? null : typeof format === 'string' ? format : 'General');
        }
        (values[b.sheet] as CellValue[][])[rowOffset + r] = vRow;
        (formats[b.sheet] as (string | null)[][])[rowOffset + r] = fRow;
      }
    });
    done += groupCells;
    cursor = end;
    const perCell = Math.max(1, bytes / groupCells);
    budget = Math.max(1, Math.min(ceiling, maxCells, Math.floor(syncBytes / perCell)));
    onProgress?.({ phase: 'reading', fraction: totalCells === 0 ? 1 : done / totalCells });
  }

  if (wantMerges && merges.pending) await merges.askEachSheet();

  const sheets: SheetSnapshot[] = metas.map((m, i) => ({
    name: m.name,
    origin: m.used.isNullObject
      ? { row: 1, col: 1 }
      : { row: m.used.rowIndex + 1, col: m.used.columnIndex + 1 },
    values: values[i] ?? [],
    formats: formats[i] ?? [],
    merges: merges.of(i),
    ...(errors[i]?.length ? { errors: errors[i] } : {}),
  }));
  onProgress?.({ phase: 'reading', fraction: 1 });
  return { name: workbookName || 'Arbetsbok.xlsx', sheets };
}
