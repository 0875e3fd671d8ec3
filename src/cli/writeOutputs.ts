/**
 * Writes all outputs of a run so that they land together or none does. Every file is first
 * written in full to a temporary file beside its target; streams (a device, a pipe) are written
 * next, the one step that cannot be taken back; then each temporary file is renamed over its
 * target, and should a rename fail, the targets already renamed get their old contents back
 * (kept meanwhile as a hard link). Nothing half-written and no temporary file is left behind.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutputWriteError } from '../errors';
import { writeFailure, type OutputTarget } from './outputTargets';

/**
 * What an output holds: its text or bytes, or its pieces in order, made as they are written
 * (`jsonBytes`), so that a large output is never whole in memory and is written to a file while
 * its next piece is made.
 */
export type OutputData = Uint8Array | string | { readonly pieces: Iterable<Uint8Array | string> };

/** One output: where it goes (`outputTarget`) and what it holds. */
export interface Output {
  readonly target: OutputTarget;
  readonly data: OutputData;
}

interface Staged {
  readonly target: Extract<OutputTarget, { kind: 'file' }>;
  readonly temp: string;
  /** A hard link to the old file while it is replaced; `null` for a new file (or no link). */
  backup: string | null;
  renamed: boolean;
}

/**
 * Writes `outputs`: all of them, or (on any failure) none, leaving every target as it was.
 * Standard output is written through `stdout`.
 *
 * @example await writeOutputs([{ target, data: json }], (t) => process.stdout.write(t))
 * @throws OutputWriteError naming the output that failed, with a Swedish reason.
 */
export async function writeOutputs(
  outputs: readonly Output[],
  stdout: (data: string | Uint8Array) => void,
): Promise<void> {
  const staged: Staged[] = [];
  try {
    for (const { target, data } of outputs) {
      if (target.kind === 'file') staged.push(await stage(target, data));
    }
    for (const { target, data } of outputs) {
      if (target.kind === 'stdout') for (const piece of piecesOf(data)) stdout(piece);
      else if (target.kind === 'stream') await writeStream(target.path, data);
    }
    for (const s of staged) await commit(s);
  } catch (error) {
    await rollBack(staged);
    throw error;
  }
  for (const s of staged) if (s.backup) await unlink(s.backup).catch(() => undefined);
}

function piecesOf(data: OutputData): Iterable<Uint8Array | string> {
  return typeof data === 'string' || data instanceof Uint8Array ? [data] : data.pieces;
}

function* bytesOf(data: OutputData): Generator<Uint8Array> {
  for (const piece of piecesOf(data)) {
    yield typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
  }
}

/**
 * Writes `data` to a file, each piece while the next is made: the write runs on libuv's thread
 * while this one makes the next piece. A piece that cannot be made leaves no write running.
 */
async function writeFileData(handle: FileHandle, data: OutputData): Promise<void> {
  let pending: Promise<void> = Promise.resolve();
  try {
    for (const bytes of bytesOf(data)) {
      await pending;
      pending = writeAll(handle, bytes);
    }
  } finally {
    await pending.catch(() => undefined);
  }
  await pending;
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) {
    at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
  }
}

function tempName(real: string, what: string): string {
  // Short enough for any file system's name limit, whatever the target's name.
  const name = basename(real).slice(0, 64);
  return join(dirname(real), `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.${what}`);
}

/** The whole output in a temporary file beside its target, with the old file's permissions. */
async function stage(
  target: Extract<OutputTarget, { kind: 'file' }>,
  data: OutputData,
): Promise<Staged> {
  const temp = tempName(target.real, 'tmp');
  try {
    const handle = await open(temp, 'wx', 0o666);
    try {
      await writeFileData(handle, data);
      if (target.existing) await handle.chmod(target.existing.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new OutputWriteError(target.path, writeFailure(error));
  }
  return { target, temp, backup: null, renamed: false };
}

/**
 * Writes to a device or pipe as it is: opened for writing only, never created or truncated, and
 * without waiting: a named pipe nobody reads is refused at once (`ENXIO`) rather than waited on
 * for ever; a full pipe is waited on while its reader reads.
 */
async function writeStream(path: string, data: OutputData): Promise<void> {
  try {
    const flags =
      constants.O_WRONLY |
      constants.O_APPEND |
      (constants.O_NOCTTY ?? 0) |
      (constants.O_NONBLOCK ?? 0);
    const handle = await open(path, flags);
    try {
      for (const bytes of bytesOf(data)) {
        for (let at = 0; at < bytes.length;) {
          try {
            const length = Math.min(bytes.length - at, 1 << 16);
            at += (await handle.write(bytes, at, length)).bytesWritten;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
            await sleep(5);
          }
        }
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new OutputWriteError(path, writeFailure(error));
  }
}

/** Renames the temporary file over the target, once the target is still what was planned. */
async function commit(s: Staged): Promise<void> {
  const { target } = s;
  try {
    const now = await stat(target.real).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    const was = target.existing;
    if (now === null ? was !== null : was === null || now.ino !== was.ino || now.dev !== was.dev) {
      throw new OutputWriteError(target.path, 'filen ändrades medan rapporten skrevs');
    }
    // Made read-only meanwhile: still never replaced.
    if (now !== null && (now.mode & 0o222) === 0) {
      throw new OutputWriteError(target.path, 'filen är skrivskyddad');
    }
    if (now !== null) {
      const backup = tempName(target.real, 'bak');
      // Without hard links (some file systems), the old file cannot be brought back; still atomic.
      s.backup = await link(target.real, backup).then(
        () => backup,
        () => null,
      );
    }
    await rename(s.temp, target.real);
    s.renamed = true;
  } catch (error) {
    throw error instanceof OutputWriteError
      ? error
      : new OutputWriteError(target.path, writeFailure(error));
  }
}

/** Puts every renamed target back as it was, and removes temporary files and links. */
async function rollBack(staged: readonly Staged[]): Promise<void> {
  for (const s of staged) {
    if (s.renamed) {
      if (s.backup) await rename(s.backup, s.target.real).catch(() => undefined);
      else if (!s.target.existing) await unlink(s.target.real).catch(() => undefined);
    } else {
      await unlink(s.temp).catch(() => undefined);
      if (s.backup) await unlink(s.backup).catch(() => undefined);
    }
  }
}
