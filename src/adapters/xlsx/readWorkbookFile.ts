/**
 * Reads a workbook file from disk (Node only; the browser uses `readWorkbook` on bytes), with the
 * streaming reader `readWorkbookStream`, which gives the same snapshot as `readWorkbook`. The
 * file's first bytes are checked before the rest is read, and no more than `MAX_FILE_BYTES` is
 * ever read: a 2 GB file of zeros is refused after 8 bytes, `/dev/zero` too.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename } from 'node:path';
import type { WorkbookSnapshot } from '../../domain/grid';
import { UnreadableWorkbookError } from '../../errors';
import { detectFileKind } from './detectFileKind';
import { formatBytes, MAX_FILE_BYTES } from './readBudget';
import type { ReadWorkbookOptions } from './readWorkbook';
import { readWorkbookStream } from './readWorkbookStream';

/** Enough to tell a zip from a Compound File from anything else. */
const HEAD = 8;

/**
 * Reads the file at `path` into a `WorkbookSnapshot` named after the file (`plan.xlsx`).
 * The file is only read, never modified. A pipe or a device is read as a stream, within the same
 * limit.
 *
 * @example (await readWorkbookFile('indata/plan.xlsx')).sheets[0].name // → 'Drift'
 * @throws UnreadableWorkbookError `not-found` when there is no such file, `not-a-workbook` for a
 *   directory or bytes that are no workbook, `no-access`, `too-large` past `MAX_FILE_BYTES`, and
 *   whatever `readWorkbookStream` throws for the bytes.
 */
export async function readWorkbookFile(
  path: string,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookSnapshot> {
  const name = basename(path);
  let handle: FileHandle;
  try {
    // Non-blocking, so a named pipe nobody writes to is an empty file, not a wait for ever.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw openError(name, error);
  }
  let bytes: Buffer;
  try {
    bytes = await readChecked(handle, name);
  } catch (error) {
    throw error instanceof UnreadableWorkbookError ? error : openError(name, error);
  } finally {
    await handle.close();
  }
  return readWorkbookStream(
    new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    name,
    options,
  );
}

/** The file's bytes, once its first ones look like a workbook and its size is within the limit. */
async function readChecked(handle: FileHandle, name: string): Promise<Buffer> {
  const info = await handle.stat();
  if (info.isDirectory()) throw new UnreadableWorkbookError(name, 'not-a-workbook', 'en mapp');
  if (!info.isFile()) return readStream(handle, name);
  const head = Buffer.alloc(HEAD);
  checkHead(name, head.subarray(0, await readAt(handle, head, 0)));
  if (info.size > MAX_FILE_BYTES) throw tooLarge(name, info.size);
  const bytes = Buffer.allocUnsafe(info.size);
  return bytes.subarray(0, await readAt(handle, bytes, 0));
}

/** Fills `buffer` from `position` on, or up to the end of the file; returns how much it read. */
async function readAt(handle: FileHandle, buffer: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(
      buffer,
      filled,
      buffer.length - filled,
      position + filled,
    );
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** A pipe or a device, read on until its end, its head checked as soon as it has come. */
async function readStream(handle: FileHandle, name: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  let checked = false;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let bytesRead: number;
    try {
      ({ bytesRead } = await handle.read(chunk, 0, chunk.length, null));
    } catch (error) {
      // A writer that has not written yet.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await sleep(5);
      continue;
    }
    if (bytesRead > 0) chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (!checked && (total >= HEAD || bytesRead === 0)) {
      checkHead(name, Buffer.concat(chunks, total).subarray(0, HEAD));
      checked = true;
    }
    if (bytesRead === 0) return Buffer.concat(chunks, total);
    if (total > MAX_FILE_BYTES) throw tooLarge(name, total);
  }
}

function checkHead(name: string, head: Buffer): void {
  const kind = detectFileKind(head);
  if (kind === 'empty') throw new UnreadableWorkbookError(name, 'empty-file');
  // Never hand these to a library: it would read a text file as CSV, or all of /dev/zero.
  if (kind === 'other') throw new UnreadableWorkbookError(name, 'not-a-workbook');
}

function tooLarge(name: string, size: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    name,
    'too-large',
    `filen är ${formatBytes(size)}${size > MAX_FILE_BYTES ? '' : ' eller mer'}; gränsen är ${formatBytes(MAX_FILE_BYTES)}`,
  );
}

function openError(name: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG') {
    return new UnreadableWorkbookError(name, 'not-found');
  }
  // A socket, or a device without a driver: nothing a workbook can be read from.
  if (code === 'ENXIO' || code === 'ENODEV' || code === 'EOPNOTSUPP') {
    return new UnreadableWorkbookError(name, 'not-a-workbook', 'ingen vanlig fil');
  }
  if (code === 'EISDIR') return new UnreadableWorkbookError(name, 'not-a-workbook', 'en mapp');
  if (code === 'EACCES' || code === 'EPERM') return new UnreadableWorkbookError(name, 'no-access');
  return error;
}
