/**
 * Reads a picked or dropped file into the engine's grid with the CLI's own reader and budgets
 * (`readWorkbookStream`, `ReadBudget`): its first bytes are checked and its size held against
 * `MAX_FILE_BYTES` before the rest is read (a 1,6 GB file of zeros costs 8 bytes), then every
 * inflate keeps to the budget, so a zip bomb is `too-large` in bounded memory (and a far-cell
 * sheet costs its cells, not its rectangle).
 * Runs in the analysis worker (or in-process in jest), never on the page's thread.
 */
import type { WorkbookSnapshot } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';
import { detectFileKind } from '../../adapters/xlsx/detectFileKind';
import { formatBytes, MAX_FILE_BYTES } from '../../adapters/xlsx/readBudget';
import { readWorkbookStream } from '../../adapters/xlsx/readWorkbookStream';
import { WORKSHEET_PART } from '../../adapters/xlsx/workbookParts';
import { readZipEntries } from '../../adapters/xlsx/zipArchive';
import type { Progress } from '../host';
import { ProgressBudget } from './progressBudget';

/** What was read: the snapshot, and the sheets whose cells could not be read (left empty). */
export interface PickedWorkbook {
  snapshot: WorkbookSnapshot;
  unreadable: string[];
}

/** Enough to tell a zip from a Compound File from anything else. */
const HEAD = 8;

/**
 * Reads `file` (named `name`) within the reader's budgets, telling `onProgress` each sheet and
 * its rows as they are read.
 *
 * @example (await readPickedFile(file, 'plan.xlsx', () => {})).snapshot.sheets[0].name // 'Drift'
 * @throws UnreadableWorkbookError `empty-file`, `not-a-workbook`, `old-xls`, `encrypted`,
 *   `corrupt`, `too-large` (the file past `MAX_FILE_BYTES`, or any of the reader's budgets).
 */
export async function readPickedFile(
  file: Blob,
  name: string,
  onProgress: (p: Progress) => void,
): Promise<PickedWorkbook> {
  const kind = detectFileKind(new Uint8Array(await file.slice(0, HEAD).arrayBuffer()));
  if (kind === 'empty') throw new UnreadableWorkbookError(name, 'empty-file');
  // Never read the rest of these: a text file is no workbook, whatever its size.
  if (kind === 'other') throw new UnreadableWorkbookError(name, 'not-a-workbook');
  if (file.size > MAX_FILE_BYTES) {
    throw new UnreadableWorkbookError(
      name,
      'too-large',
      `filen är ${formatBytes(file.size)}; gränsen är ${formatBytes(MAX_FILE_BYTES)}`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const count = kind === 'zip' ? worksheetCount(bytes) : null;
  // No share done: one sheet is most of a large workbook, and how many rows it holds is not known
  // until it has been read. The sheet and its rows so far are what moves.
  const budget = new ProgressBudget(name, bytes.length, (p) =>
    onProgress({
      phase: 'reading',
      sheet: { name: p.sheet, index: p.sheetIndex, count, rows: p.rows },
    }),
  );
  const unreadable: string[] = [];
  const snapshot = await readWorkbookStream(bytes, name, {
    budget,
    onUnreadableSheet: (sheet) => unreadable.push(sheet),
  });
  return { snapshot, unreadable };
}

/**
 * How many worksheet parts the zip lists (for "blad 2 av 5"); null when it cannot be listed, in
 * which case the reader itself says what is wrong with the file.
 */
function worksheetCount(bytes: Uint8Array): number | null {
  try {
    const entries = readZipEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const count = entries.filter((e) => WORKSHEET_PART.test(e.name)).length;
    return count > 0 ? count : null;
  } catch {
    return null;
  }
}
