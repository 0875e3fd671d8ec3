/**
 * The few zip operations the streaming reader needs on an .xlsx held in memory (Node only): list
 * the entries (zip64 too), inflate one whole or as a stream of chunks (native zlib), and write a new
 * zip of uncompressed entries. Deliberately strict: anything but a plain zip (encryption, other
 * compression methods, headers that disagree) throws `NotStreamableError`; a zip broken past
 * reading (no end record, offsets past the end, a damaged deflate stream, data longer or shorter
 * than its header says) throws it marked `damaged`. No inflate ever gives more than the size the
 * entry declares, so a header that lies costs what it claims and no more (`readBudget.ts`).
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { NotStreamableError } from '../../errors';

/** One file in the archive. */
export interface ZipEntry {
  /** The name as SheetJS's zip reader sees it: the local header's bytes, one character each. */
  readonly name: string;
  readonly nameBytes: Buffer;
  /** 0 stored, 8 deflated. */
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the entry's (compressed) data starts in the archive. */
  readonly dataStart: number;
}

const END_OF_DIRECTORY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CHUNK = 1 << 16;

function refuse(reason: string, damaged = false): never {
  throw new NotStreamableError(`zip: ${reason}`, damaged);
}

/**
 * Lists the entries of a zip from its central directory, in directory order (the order SheetJS
 * reads them in).
 *
 * @example readZipEntries(bytes).map((e) => e.name) // → ['[Content_Types].xml', 'xl/workbook.xml', …]
 * @throws NotStreamableError for anything but a plain, intact zip.
 */
export function readZipEntries(bytes: Buffer): ZipEntry[] {
  const end = bytes.lastIndexOf(END_OF_DIRECTORY);
  // SheetJS reads a zip without one from garbage offsets, and can loop forever doing so.
  if (end < 0 || end + 22 > bytes.length) refuse('no end of central directory', true);
  let count = bytes.readUInt16LE(end + 8);
  if (count !== bytes.readUInt16LE(end + 10) || bytes.readUInt16LE(end + 4) !== 0) {
    refuse('multi-disk zip', true);
  }
  let at = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) ({ count, at } = zip64Directory(bytes, end));
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length) refuse('directory past the end', true);
    if (bytes.readUInt32LE(at) !== 0x02014b50) refuse('bad directory entry', true);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    let local = bytes.readUInt32LE(at + 42);
    if (compressedSize === MAX32 || size === MAX32 || local === MAX32) {
      const extra = zip64Extra(bytes, at + 46 + nameLength, extraLength);
      if (size === MAX32) size = extra.next();
      if (compressedSize === MAX32) compressedSize = extra.next();
      if (local === MAX32) local = extra.next();
    }
    entries.push(readLocalEntry(bytes, local, compressedSize, size));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const MAX32 = 0xffffffff;

/** The entry count and directory offset of a zip64 end record, found through its locator. */
function zip64Directory(bytes: Buffer, end: number): { count: number; at: number } {
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) refuse('no zip64 locator', true);
  const record = safeNumber(bytes.readBigUInt64LE(locator + 8));
  if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== 0x06064b50) {
    refuse('zip64 end record past the end', true);
  }
  return {
    count: safeNumber(bytes.readBigUInt64LE(record + 32)),
    at: safeNumber(bytes.readBigUInt64LE(record + 48)),
  };
}

/** The 64-bit values of a zip64 extra field (id 1), read in turn. */
function zip64Extra(bytes: Buffer, start: number, length: number): { next(): number } {
  for (let at = start; at + 4 <= start + length;) {
    const id = bytes.readUInt16LE(at);
    const size = bytes.readUInt16LE(at + 2);
    if (id === 1) {
      let next = at + 4;
      const stop = Math.min(at + 4 + size, bytes.length);
      return {
        next: () => {
          if (next + 8 > stop) refuse('zip64 extra field too short', true);
          const value = safeNumber(bytes.readBigUInt64LE(next));
          next += 8;
          return value;
        },
      };
    }
    at += 4 + size;
  }
  return refuse('zip64 sizes without their extra field', true);
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) refuse('zip64 offset out of range', true);
  return Number(value);
}

/** The local header at `offset`, checked against the directory's sizes as SheetJS checks them. */
function readLocalEntry(bytes: Buffer, offset: number, compressed: number, size: number): ZipEntry {
  if (offset + 30 > bytes.length) refuse('local header past the end', true);
  if (bytes.readUInt32LE(offset) !== 0x04034b50) refuse('bad local header', true);
  const flags = bytes.readUInt16LE(offset + 6);
  const method = bytes.readUInt16LE(offset + 8);
  if (flags & 0x2041) refuse('encrypted entry');
  if (method !== 0 && method !== 8) refuse(`compression method ${method}`);
  let crc32 = bytes.readUInt32LE(offset + 14);
  let localCompressed = bytes.readUInt32LE(offset + 18);
  let localSize = bytes.readUInt32LE(offset + 22);
  const nameLength = bytes.readUInt16LE(offset + 26);
  const extraLength = bytes.readUInt16LE(offset + 28);
  const dataStart = offset + 30 + nameLength + extraLength;
  const zip64 = localCompressed === MAX32 || localSize === MAX32;
  if (zip64) {
    // In a local header a zip64 extra field holds both sizes, uncompressed first.
    const extra = zip64Extra(bytes, offset + 30 + nameLength, extraLength);
    localSize = extra.next();
    localCompressed = extra.next();
  }
  if (dataStart + compressed > bytes.length) refuse('entry past the end', true);
  if (flags & 8) {
    // Sizes in a data descriptor after the data, with or without its signature (8 bytes each
    // after a zip64 local header).
    const length = zip64 ? 20 : 12;
    let d = dataStart + compressed;
    if (d + length <= bytes.length && bytes.readUInt32LE(d) === 0x08074b50) d += 4;
    if (d + length > bytes.length) refuse('data descriptor past the end', true);
    crc32 = bytes.readUInt32LE(d);
    localCompressed = zip64 ? safeNumber(bytes.readBigUInt64LE(d + 4)) : bytes.readUInt32LE(d + 4);
    localSize = zip64 ? safeNumber(bytes.readBigUInt64LE(d + 12)) : bytes.readUInt32LE(d + 8);
  }
  if (localCompressed !== compressed || localSize !== size) refuse('sizes disagree', true);
  const nameBytes = bytes.subarray(offset + 30, offset + 30 + nameLength);
  return {
    name: nameBytes.toString('latin1'),
    nameBytes,
    method,
    crc32,
    compressedSize: compressed,
    size,
    dataStart,
  };
}

function rawData(bytes: Buffer, entry: ZipEntry): Buffer {
  return bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
}

/**
 * An entry's contents, inflated whole. For the small parts (styles, shared strings, rels).
 *
 * @example entryData(bytes, entry).toString('utf8') // → '<?xml version="1.0" …'
 */
export function entryData(bytes: Buffer, entry: ZipEntry): Buffer {
  let data: Buffer;
  if (entry.method === 0) {
    data = rawData(bytes, entry);
  } else {
    try {
      // Stops as soon as the data passes its declared size. Output room for the declared size and
      // one byte more: inflated into one buffer, never copied together from 16 KiB pieces.
      data = inflateRawSync(rawData(bytes, entry), {
        maxOutputLength: Math.max(1, entry.size),
        chunkSize: Math.max(64, entry.size + 1),
      });
    } catch (error) {
      refuse(`${entry.name}: ${inflateFailure(error)}`, true);
    }
  }
  if (data.length !== entry.size) {
    refuse(`${entry.name}: size ${data.length} ≠ ${entry.size}`, true);
  }
  return data;
}

const OVERRUN = 'inflates past its declared size';

/** Why zlib refused: a damaged stream, or more data than the entry declares. */
function inflateFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ERR_BUFFER_TOO_LARGE') return OVERRUN;
  return error instanceof Error ? error.message : String(error);
}

/**
 * True when `error` says an entry's data ran past the size its headers declare: no damage but a
 * bomb's header lying about it. Example: `overran(e)` after `entryData` threw.
 */
export function overran(error: unknown): boolean {
  return error instanceof NotStreamableError && error.reason.endsWith(OVERRUN);
}

/** Entries up to this size are inflated in one native call; larger ones as a stream. */
const INFLATE_WHOLE = 256 * 2 ** 20;

/**
 * An entry's contents as chunks of at most 64 KiB. Up to 256 MiB (every sheet a committee keeps)
 * the entry is inflated in one native call, which is steadier than a stream's round trips to the
 * thread pool; a larger one is inflated as it is read, so it never sits in memory whole. A damaged
 * deflate stream throws or rejects the iteration.
 *
 * @example for await (const chunk of entryChunks(bytes, sheetEntry)) parser.write(chunk)
 */
export async function* entryChunks(
  bytes: Buffer,
  entry: ZipEntry,
  /** Up to this size an entry is inflated in one call (tests lower it to reach the stream). */
  inflateWhole = INFLATE_WHOLE,
): AsyncGenerator<Buffer> {
  if (entry.method === 0 || entry.size <= inflateWhole) {
    const data = entryData(bytes, entry);
    for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, at + CHUNK);
    return;
  }
  const inflater = createInflateRaw({ chunkSize: CHUNK });
  inflater.end(rawData(bytes, entry));
  let size = 0;
  const chunks = (inflater as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  // Leaving the loop early (a throw here or in the consumer) destroys the stream.
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        refuse(`${entry.name}: ${inflateFailure(error)}`, true);
      }
      if (next.done) break;
      size += next.value.length;
      if (size > entry.size) refuse(`${entry.name}: ${OVERRUN}`, true);
      yield next.value;
    }
  } finally {
    inflater.destroy();
  }
  if (size !== entry.size) refuse(`${entry.name}: size ${size} ≠ ${entry.size}`, true);
}

/** A file for `writeStoredZip`. */
export interface StoredFile {
  readonly nameBytes: Buffer;
  readonly data: Buffer;
  readonly crc32: number;
}

/**
 * A zip archive of the given files, uncompressed (method 0), for SheetJS to read back.
 *
 * @example writeStoredZip([{ nameBytes: Buffer.from('a.txt'), data, crc32: crc32(data) }])
 */
export function writeStoredZip(files: readonly StoredFile[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(file.crc32 >>> 0, 14);
    local.writeUInt32LE(file.data.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(file.nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(file.crc32 >>> 0, 16);
    central.writeUInt32LE(file.data.length, 20);
    central.writeUInt32LE(file.data.length, 24);
    central.writeUInt16LE(file.nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, file.nameBytes, file.data);
    directory.push(central, file.nameBytes);
    offset += 30 + file.nameBytes.length + file.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of `data`, as zip stores it. Example: `crc32(Buffer.from('hej'))` → 0x0c68542e */
export function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}
