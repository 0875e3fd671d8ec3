/**
 * The two `node:zlib` calls the xlsx reader makes (`src/adapters/xlsx/zipArchive.ts`), for the
 * browser's analysis worker, on fflate's inflate, with Node's semantics where the read budget
 * relies on them: `inflateRawSync` stops once the output passes `maxOutputLength` and throws an
 * error with Node's code `ERR_BUFFER_TOO_LARGE` (what a bomb's lying header comes to), and a damaged
 * or cut-off stream throws. webpack puts this module in place of `node:zlib` (webpack.config.js);
 * nothing else in the browser asks for it.
 */
import { Buffer } from 'buffer';
import { Inflate } from 'fflate';

/**
 * Input is inflated a slice at a time, so a bomb is caught after at most one slice's output past
 * its limit (deflate inflates at most 1 032 × its input: 16 MiB here), never after all of it.
 */
const SLICE = 16 * 1024;

/** Node's error for output past `maxOutputLength`. */
function tooLarge(limit: number): Error {
  return Object.assign(new RangeError(`Cannot create a Buffer larger than ${limit} bytes`), {
    code: 'ERR_BUFFER_TOO_LARGE',
  });
}

/**
 * Inflates raw deflate `data`, handing each piece of output to `onData`; throws past `limit`
 * bytes of output, or for a damaged stream.
 */
function inflateSlices(data: Uint8Array, limit: number, onData: (chunk: Uint8Array) => void): void {
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limit) throw tooLarge(limit);
    if (chunk.length > 0) onData(chunk);
  });
  if (data.length === 0) {
    inflate.push(data, true);
    return;
  }
  for (let at = 0; at < data.length; at += SLICE) {
    const end = Math.min(data.length, at + SLICE);
    inflate.push(data.subarray(at, end), end === data.length);
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `zlib.inflateRawSync(data, { maxOutputLength })`: the whole output as one Buffer.
 *
 * @example inflateRawSync(raw, { maxOutputLength: entry.size }).length // → entry.size
 * @throws RangeError `ERR_BUFFER_TOO_LARGE` past `maxOutputLength`; Error for a damaged stream.
 */
export function inflateRawSync(
  data: Uint8Array,
  options: { maxOutputLength?: number } = {},
): Buffer {
  const chunks: Uint8Array[] = [];
  let length = 0;
  inflateSlices(data, options.maxOutputLength ?? Number.MAX_SAFE_INTEGER, (chunk) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  if (chunks.length === 1 && chunks[0]) return asBuffer(chunks[0]);
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The slice of `zlib.createInflateRaw()` the reader uses for a part too large to inflate whole:
 * `end(data)`, then iterate the output in chunks of at most `chunkSize`; `destroy()` stops.
 * Inflates lazily, one input slice per step, so the part is never held whole.
 */
export function createInflateRaw(options: { chunkSize?: number } = {}): InflateRawStream {
  return new InflateRawStream(options.chunkSize ?? 64 * 1024);
}

export class InflateRawStream implements AsyncIterable<Buffer> {
  private input: Uint8Array | null = null;
  private destroyed = false;

  constructor(private readonly chunkSize: number) {}

  end(data: Uint8Array): void {
    this.input = data;
  }

  destroy(): void {
    this.destroyed = true;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Buffer> {
    const data = this.input ?? new Uint8Array(0);
    const pending: Uint8Array[] = [];
    const inflate = new Inflate((chunk) => {
      if (chunk.length > 0) pending.push(chunk);
    });
    if (data.length === 0) inflate.push(data, true);
    for (let at = 0; at < data.length && !this.destroyed; at += SLICE) {
      const end = Math.min(data.length, at + SLICE);
      inflate.push(data.subarray(at, end), end === data.length);
      while (pending.length > 0 && !this.destroyed) {
        const chunk = pending.shift() ?? new Uint8Array(0);
        for (let from = 0; from < chunk.length; from += this.chunkSize) {
          yield asBuffer(chunk.subarray(from, from + this.chunkSize));
          if (this.destroyed) return;
        }
      }
    }
    await Promise.resolve();
  }
}
