/**
 * Reads a workbook file from disk (Node only; the browser uses `readWorkbook` on bytes), with the
 * streaming reader `readWorkbookStream`, which gives the same snapshot as `readWorkbook`.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WorkbookSnapshot } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';
import { readWorkbookStream } from './readWorkbookStream';

/**
 * Reads the file at `path` into a `WorkbookSnapshot` named after the file (`plan.xlsx`).
 * The file is only read, never modified.
 *
 * @example (await readWorkbookFile('indata/plan.xlsx')).sheets[0].name // → 'Drift'
 * @throws UnreadableWorkbookError `not-found` when there is no such file, `not-a-workbook` for a
 *   directory, and whatever `readWorkbookStream` throws for the bytes.
 */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new UnreadableWorkbookError(name, 'not-found');
    if (code === 'EISDIR') throw new UnreadableWorkbookError(name, 'not-a-workbook', 'en mapp');
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UnreadableWorkbookError(name, 'no-access');
    }
    throw error;
  }
  return readWorkbookStream(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
}
