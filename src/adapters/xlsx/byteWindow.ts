/**
 * The bytes of a part received so far and not yet read, as one run the scanner can index: chunks
 * that lie one after the other in the same memory (the 64 KiB pieces of a part inflated whole)
 * are joined without a copy; others (a part inflated as a stream, a test's chunks) are copied into
 * a buffer of its own that grows by doubling, so a long piece waiting for its end costs linear time.
 */
const EMPTY = new Uint8Array(0);
const MIN_CAPACITY = 1 << 16;

export class ByteWindow {
  /** The bytes; those of the window are `[start, end)`. */
  data: Uint8Array = EMPTY;
  start = 0;
  end = 0;
  /** Where each chunk received and not yet passed ends, in `data`'s positions. */
  readonly chunkEnds: number[] = [];
  /** `data` is this window's own buffer (else a view of the chunks' memory). */
  private own = false;

  /**
   * Adds a chunk after the bytes there are. Positions into `data` (`start`, `end`, `chunkEnds`)
   * stay valid; returns how far they moved back (to be subtracted from any others kept).
   */
  append(chunk: Uint8Array): number {
    if (chunk.length === 0) return 0;
    if (this.data === EMPTY) {
      // The first chunk: its own memory becomes the window.
      this.data = viewOf(chunk);
      this.start = chunk.byteOffset;
      this.end = this.start + chunk.length;
      this.chunkEnds.push(this.end);
      return 0;
    }
    if (
      !this.own &&
      chunk.buffer === this.data.buffer &&
      chunk.byteOffset === this.data.byteOffset + this.end
    ) {
      this.end += chunk.length;
      this.chunkEnds.push(this.end);
      return 0;
    }
    const moved = this.makeRoom(chunk.length);
    this.data.set(chunk, this.end);
    this.end += chunk.length;
    this.chunkEnds.push(this.end);
    return moved;
  }

  /** The bytes before `position` have been read. */
  consume(position: number): void {
    this.start = position;
    const ends = this.chunkEnds;
    let passed = 0;
    while (passed < ends.length && (ends[passed] ?? 0) < position) passed++;
    if (passed > 0) ends.splice(0, passed);
  }

  /** The end of the chunk that holds the byte before `position`. */
  chunkEndAfter(position: number): number {
    for (const end of this.chunkEnds) if (end >= position) return end;
    return this.end;
  }

  /** Copies the window into a buffer of its own with room for `more` bytes after it. */
  private makeRoom(more: number): number {
    const length = this.end - this.start;
    const moved = this.start;
    if (this.own && this.data.length >= length + more) {
      if (this.end + more > this.data.length) {
        this.data.copyWithin(0, this.start, this.end);
      } else {
        return 0;
      }
    } else {
      const bigger = allocate(Math.max(MIN_CAPACITY, 2 * (length + more)));
      bigger.set(this.data.subarray(this.start, this.end), 0);
      this.data = bigger;
      this.own = true;
    }
    this.start = 0;
    this.end = length;
    for (let i = 0; i < this.chunkEnds.length; i++) this.chunkEnds[i] = this.chunkEnds[i]! - moved;
    return moved;
  }
}

/** A Buffer (whose `toString` decodes fast in Node) over all of `chunk`'s memory. */
function viewOf(chunk: Uint8Array): Uint8Array {
  return typeof Buffer === 'function'
    ? Buffer.from(chunk.buffer, 0, chunk.buffer.byteLength)
    : new Uint8Array(chunk.buffer);
}

function allocate(size: number): Uint8Array {
  return typeof Buffer === 'function' ? Buffer.allocUnsafe(size) : new Uint8Array(size);
}
