/**
 * A zip writer that can lie: entries whose headers claim another size than their data inflates
 * to, deflate streams that inflate a thousandfold and more, directory entries that all point at
 * one local entry. For the hostile-input suite, which must build its bombs in milliseconds.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { crc32 } from '../../../src/adapters/xlsx/zipArchive';

/** One entry as it will be written. */
export interface CraftedEntry {
  readonly name: string;
  /** The entry's data as stored: deflated (method 8) or as is (method 0). */
  readonly packed: Buffer;
  readonly method: 0 | 8;
  /** The size both headers claim the data inflates to. */
  readonly size: number;
  readonly crc: number;
}

/** An honest entry: `data` deflated, its true size and CRC. */
export function deflated(name: string, data: Buffer | string): CraftedEntry {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return {
    name,
    packed: deflateRawSync(bytes, { level: 6 }),
    method: 8,
    size: bytes.length,
    crc: crc32(bytes),
  };
}

/**
 * A deflate stream that inflates to `head`, then `unit` `repeats` times, built without inflating
 * anything: `unit` is deflated once, flushed to a byte boundary, and that piece repeated (its back
 * references stay inside itself), then a final empty block. 3 GiB of rows cost a few megabytes.
 */
export function repeatedDeflate(head: string, unit: string, repeats: number): Buffer {
  const flush = { finishFlush: constants.Z_SYNC_FLUSH };
  const first = deflateRawSync(Buffer.from(head, 'utf8'), flush);
  const piece = deflateRawSync(Buffer.from(unit, 'utf8'), flush);
  const parts: Buffer[] = [first];
  for (let i = 0; i < repeats; i++) parts.push(piece);
  parts.push(Buffer.from([0x03, 0x00])); // final fixed-Huffman block holding only its end
  return Buffer.concat(parts);
}

/**
 * An entry inflating to `head` + `unit` × `repeats`, claiming `claimedSize` (its true size unless
 * given). The CRC is not computed (no reader gets that far on a bomb).
 */
export function bombEntry(
  name: string,
  head: string,
  unit: string,
  repeats: number,
  claimedSize?: number,
): CraftedEntry {
  const size = Buffer.byteLength(head) + Buffer.byteLength(unit) * repeats;
  return {
    name,
    packed: repeatedDeflate(head, unit, repeats),
    method: 8,
    size: claimedSize ?? Math.min(size, 0xfffffffe),
    crc: 0,
  };
}

/** Options of `craftedZip`. */
export interface CraftedZipOptions {
  /** Directory entries added after the real ones, each pointing at local entry `of`. */
  readonly aliases?: { readonly of: number; readonly count: number };
}

/** A zip of the entries, each named in a local header and in the central directory. */
export function craftedZip(
  entries: readonly CraftedEntry[],
  options: CraftedZipOptions = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  const central = (e: CraftedEntry, at: number): Buffer => {
    const name = Buffer.from(e.name, 'utf8');
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt32LE(e.crc >>> 0, 16);
    header.writeUInt32LE(e.packed.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(at, 42);
    return Buffer.concat([header, name]);
  };
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.packed.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.packed);
    centrals.push(central(e, offset));
    offsets.push(offset);
    offset += local.length + name.length + e.packed.length;
  }
  let count = entries.length;
  if (options.aliases) {
    const target = entries[options.aliases.of];
    const at = offsets[options.aliases.of];
    if (!target || at === undefined) throw new RangeError('no such entry to alias');
    for (let i = 0; i < options.aliases.count; i++) centrals.push(central(target, at));
    count += options.aliases.count;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
