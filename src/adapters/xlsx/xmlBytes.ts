/**
 * The pieces of XML the byte scanners (`sheetScanner.ts`, `scanSharedStrings.ts`) read, on the
 * UTF-8 bytes themselves: tags with their names and attributes, character data and the references
 * in it. Each piece is checked as strictly as an XML parser checks it (saxes, which reads the rest)
 * and narrower still: whatever is well-formed but unusual (a tab between attributes, a reference
 * in an attribute value, a comment, a name outside ASCII) is refused with `NotScanned`, and the
 * caller then reads the part the general way. So what a scanner accepts is well-formed, and read
 * the same by the general way. Reading runs on a window of bytes that may end anywhere: a piece
 * not complete within it gives `INCOMPLETE`, and is read again once more bytes have come.
 */

/** A reading stopped at the end of the bytes there are; it is read again with more. */
export const INCOMPLETE = -1;

/**
 * The bytes are outside what a scanner reads (never a fault: the part is then read by the general
 * way, which decides what it is). Caught within the xlsx adapter; it never leaves it.
 */
export class NotScanned extends Error {
  override readonly name = 'NotScanned';
  constructor(readonly reason: string) {
    super(reason);
  }
}

export function refuse(reason: string): never {
  throw new NotScanned(reason);
}

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const AMP = 38;
export const APOS = 39;
export const SLASH = 47;
export const COLON = 58;
export const LT = 60;
export const EQUALS = 61;
export const GT = 62;
export const BRACKET = 93;

/** XML's whitespace: space, tab, line feed, carriage return. */
export function isSpace(c: number | undefined): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

/** Flags of a run of character data. */
export const HAS_REFERENCE = 1;
export const NON_ASCII = 2;
/** An `_` (Excel's `_x000D_` escapes start with one). */
export const UNDERSCORE = 4;
/** A line feed or carriage return, raw or as a reference. */
export const LINE_BREAK = 8;

// Name characters by byte: 1 may start a name (letters, `_`), 2 may follow (digits, `.`, `-`).
// Colons are read apart; bytes above 0x7F are refused (names outside ASCII are no spreadsheet's).
const NAME = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  NAME[c] = letter ? 1 : (c >= 48 && c <= 57) || c === 46 || c === 45 ? 2 : 0;
}
/** A prefix is what SheetJS's `(?:\w+:)?` matches: letters, digits, `_`. */
function isWordByte(c: number): boolean {
  return NAME[c] === 1 || (c >= 48 && c <= 57);
}

const NAMED_REFERENCES: readonly (readonly [number[], number])[] = [
  [[97, 109, 112], AMP], // amp
  [[108, 116], LT], // lt
  [[103, 116], GT], // gt
  [[113, 117, 111, 116], QUOTE], // quot
  [[97, 112, 111, 115], APOS], // apos
];

/** Is `c` a character XML allows (its `Char` production)? */
function isXmlChar(c: number): boolean {
  return (
    c === TAB ||
    c === LF ||
    c === CR ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

// What each byte is in character data: 0 plain, else what `text` must look at.
const T_LT = 1;
const T_HIGH = 2;
const T_EF = 3;
const T_BREAK = 4;
const T_CONTROL = 5;
const T_AMP = 6;
const T_UNDERSCORE = 7;
const T_BRACKET = 8;
const TEXT = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  TEXT[c] =
    c === LT
      ? T_LT
      : c === 0xef
        ? T_EF
        : c >= 0x80
          ? T_HIGH
          : c === LF || c === CR
            ? T_BREAK
            : c < SPACE && c !== TAB
              ? T_CONTROL
              : c === AMP
                ? T_AMP
                : c === 95
                  ? T_UNDERSCORE
                  : c === BRACKET
                    ? T_BRACKET
                    : 0;
}

/** The most attributes a tag may have here; more is refused. */
const MAX_ATTRIBUTES = 32;

/**
 * Reads tags and character data out of `data` up to `end`, one piece at a time; what it found is
 * kept in its fields until the next piece (nothing is allocated per tag).
 *
 * @example const x = new XmlBytes(bytes, bytes.length); const after = x.openTag(0); x.isLocal('row')
 */
export class XmlBytes {
  /** The qualified name of the last tag read: `[nameStart, nameEnd)`, its local part from `localStart`. */
  nameStart = 0;
  localStart = 0;
  nameEnd = 0;
  /** The last tag was an empty-element tag (`<c r="A1"/>`). */
  selfClosing = false;
  /** Its attributes: name start, name end, value start, value end, four numbers each. */
  readonly attributes = new Int32Array(4 * MAX_ATTRIBUTES);
  attributeCount = 0;
  /** The flags of the last run of character data (`HAS_REFERENCE`, ...). */
  textFlags = 0;

  constructor(
    public data: Uint8Array,
    public end: number,
    /** Character references above this are refused (SheetJS garbles them in sheets). */
    private readonly maxCharRef = 0x10ffff,
  ) {}

  /**
   * Reads the start or empty-element tag at `at` (a `<`): its name, then attributes, each
   * `name="value"` or `name='value'` after one or more spaces. Returns the position after its `>`.
   */
  openTag(at: number): number {
    const d = this.data;
    const end = this.end;
    let p = this.name(at + 1);
    if (p === INCOMPLETE) return INCOMPLETE;
    this.nameStart = at + 1;
    this.localStart = this.nameLocal;
    this.nameEnd = p;
    this.attributeCount = 0;
    for (;;) {
      if (p >= end) return INCOMPLETE;
      let c = d[p]!;
      if (c === GT) {
        this.selfClosing = false;
        return p + 1;
      }
      if (c === SLASH) {
        if (p + 1 >= end) return INCOMPLETE;
        if (d[p + 1] !== GT) refuse('/ without >');
        this.selfClosing = true;
        return p + 2;
      }
      if (c !== SPACE) refuse('no space before an attribute');
      while (c === SPACE) {
        if (++p >= end) return INCOMPLETE;
        c = d[p]!;
      }
      if (c === GT || c === SLASH) continue;
      p = this.attribute(p);
      if (p === INCOMPLETE) return INCOMPLETE;
    }
  }

  /** Where the local part of the last `name()` starts. */
  nameLocal = 0;

  /** Reads a name at `at` (`x:row`, `row`): returns the position after it. */
  name(at: number): number {
    const d = this.data;
    const end = this.end;
    if (at >= end) return INCOMPLETE;
    if (NAME[d[at]!] !== 1) refuse('not a name');
    let p = at + 1;
    let local = at;
    for (;;) {
      if (p >= end) return INCOMPLETE;
      const c = d[p]!;
      if (NAME[c] !== 0) {
        p++;
        continue;
      }
      if (c !== COLON) break;
      // One prefix, of word characters, before a local name that starts as a name does.
      if (local !== at) refuse('two colons in a name');
      for (let i = at; i < p; i++) if (!isWordByte(d[i]!)) refuse('an unusual prefix');
      if (p + 1 >= end) return INCOMPLETE;
      if (NAME[d[p + 1]!] !== 1) refuse('not a name');
      local = p + 1;
      p += 2;
    }
    this.nameLocal = local;
    return p;
  }

  /** Reads `name="value"` at `at`; returns the position after the closing quote. */
  private attribute(at: number): number {
    const d = this.data;
    const end = this.end;
    let p = this.name(at);
    if (p === INCOMPLETE) return INCOMPLETE;
    const nameEnd = p;
    if (p + 1 >= end) return INCOMPLETE;
    if (d[p] !== EQUALS) refuse('an attribute without =');
    const quote = d[p + 1];
    if (quote !== QUOTE && quote !== APOS) refuse('an unquoted attribute');
    p += 2;
    const valueStart = p;
    for (;;) {
      if (p >= end) return INCOMPLETE;
      const c = d[p]!;
      if (c === quote) break;
      // `<` is not well-formed; `&`, `>`, and whitespace other than spaces (which a parser
      // normalises) read otherwise in SheetJS's patterns than in a parser.
      if (c < SPACE || c === LT || c === AMP || c === GT) refuse('an unusual attribute value');
      if (c === 0xef) {
        if (p + 2 >= end) return INCOMPLETE;
        if (d[p + 1] === 0xbf && (d[p + 2] === 0xbe || d[p + 2] === 0xbf)) refuse('U+FFFE');
      }
      p++;
    }
    const n = this.attributeCount;
    if (n === MAX_ATTRIBUTES) refuse('too many attributes');
    const a = this.attributes;
    const length = nameEnd - at;
    for (let i = 0; i < n; i++) {
      const start = a[4 * i]!;
      if (a[4 * i + 1]! - start === length && this.sameBytes(start, start + length, at, nameEnd)) {
        refuse('a duplicate attribute');
      }
    }
    a[4 * n] = at;
    a[4 * n + 1] = nameEnd;
    a[4 * n + 2] = valueStart;
    a[4 * n + 3] = p;
    this.attributeCount = n + 1;
    // After an attribute comes a space, `>` or `/>`.
    if (p + 1 >= end) return INCOMPLETE;
    const next = d[p + 1];
    if (next !== SPACE && next !== GT && next !== SLASH) refuse('attributes without space');
    return p + 1;
  }

  /**
   * Reads the end tag at `at` (`</`), which must close the element named `[nameStart, nameEnd)`
   * and hold nothing else (`</c >` reads otherwise in SheetJS's patterns). Returns the position
   * after its `>`.
   */
  closeTag(at: number, nameStart: number, nameEnd: number): number {
    const length = nameEnd - nameStart;
    const close = at + 2 + length;
    if (close >= this.end) return INCOMPLETE;
    if (!this.sameBytes(at + 2, close, nameStart, nameEnd) || this.data[close] !== GT) {
      refuse('an end tag that does not match');
    }
    return close + 1;
  }

  /** Like `closeTag`, for a name held apart (`name`, its bytes). */
  closeTagNamed(at: number, name: Uint8Array): number {
    const close = at + 2 + name.length;
    if (close >= this.end) return INCOMPLETE;
    const d = this.data;
    for (let i = 0; i < name.length; i++) {
      if (d[at + 2 + i] !== name[i]) refuse('an end tag that does not match');
    }
    if (d[close] !== GT) refuse('an end tag that does not match');
    return close + 1;
  }

  /**
   * Reads character data from `at` to the next `<`, checking its characters and references;
   * returns the position of that `<` and sets `textFlags`.
   */
  text(at: number): number {
    const d = this.data;
    const end = this.end;
    let flags = 0;
    let p = at;
    for (;;) {
      let kind = 0;
      while (p < end && (kind = TEXT[d[p]!]!) === 0) p++;
      if (p >= end) return INCOMPLETE;
      if (kind === T_LT) break;
      switch (kind) {
        case T_HIGH:
          flags |= NON_ASCII;
          break;
        case T_EF:
          flags |= NON_ASCII;
          if (p + 2 >= end) return INCOMPLETE;
          if (d[p + 1] === 0xbf && (d[p + 2] === 0xbe || d[p + 2] === 0xbf)) refuse('U+FFFE');
          break;
        case T_BREAK:
          flags |= LINE_BREAK;
          break;
        case T_CONTROL:
          refuse('a control character');
          break;
        case T_AMP: {
          const after = this.reference(p);
          if (after === INCOMPLETE) return INCOMPLETE;
          const value = this.referenceValue;
          flags |= HAS_REFERENCE | (value === LF || value === CR ? LINE_BREAK : 0);
          p = after;
          continue;
        }
        case T_UNDERSCORE:
          flags |= UNDERSCORE;
          break;
        case T_BRACKET:
          if (p + 2 >= end) return INCOMPLETE;
          if (d[p + 1] === BRACKET && d[p + 2] === GT) refuse(']]> in text');
          break;
      }
      p++;
    }
    this.textFlags = flags;
    return p;
  }

  /** The character of the last reference read. */
  private referenceValue = 0;

  /** Reads the reference at `at` (`&`); returns the position after its `;`. */
  private reference(at: number): number {
    const d = this.data;
    const end = this.end;
    let p = at + 1;
    if (p >= end) return INCOMPLETE;
    if (d[p] === 35) {
      // &#123; or &#x7B;
      p++;
      if (p >= end) return INCOMPLETE;
      const hex = d[p] === 120;
      if (hex) p++;
      let value = 0;
      let digits = 0;
      for (;;) {
        if (p >= end) return INCOMPLETE;
        const c = d[p]!;
        const digit =
          c >= 48 && c <= 57
            ? c - 48
            : hex && c >= 97 && c <= 102
              ? c - 87
              : hex && c >= 65 && c <= 70
                ? c - 55
                : -1;
        if (digit < 0) break;
        value = value * (hex ? 16 : 10) + digit;
        if (++digits > 8) refuse('a long character reference');
        p++;
      }
      if (digits === 0 || d[p] !== 59) refuse('a malformed character reference');
      if (!isXmlChar(value)) refuse('a reference to a character XML forbids');
      if (value > this.maxCharRef) refuse('a character reference above U+007F');
      this.referenceValue = value;
      return p + 1;
    }
    for (const [name, value] of NAMED_REFERENCES) {
      if (p + name.length >= end) return INCOMPLETE;
      let same = true;
      for (let i = 0; i < name.length; i++) {
        if (d[p + i] !== name[i]) {
          same = false;
          break;
        }
      }
      if (same && d[p + name.length] === 59) {
        this.referenceValue = value;
        return p + name.length + 1;
      }
    }
    return refuse('an unknown entity');
  }

  /**
   * The text of `[start, end)` (read by `text`, with its `flags`): UTF-8 decoded and its
   * references replaced, as a parser gives it (`&#NN;` as `String.fromCharCode`, as SheetJS
   * decodes it; never above U+FFFF here, where `maxCharRef` is low, and alike for both below).
   */
  decode(start: number, end: number, flags: number): string {
    const d = this.data;
    if ((flags & HAS_REFERENCE) === 0) return utf8(d, start, end);
    let out = '';
    let from = start;
    for (let p = start; p < end; p++) {
      if (d[p] !== AMP) continue;
      out += utf8(d, from, p);
      from = this.reference(p);
      out += String.fromCharCode(this.referenceValue);
      p = from - 1;
    }
    return out + utf8(d, from, end);
  }

  /** Does the local name of the last tag read equal `name` (ASCII)? */
  isLocal(name: string): boolean {
    return this.localIs(this.localStart, this.nameEnd, name);
  }

  /** Does `[start, end)` hold the ASCII text `name`? */
  localIs(start: number, end: number, name: string): boolean {
    if (end - start !== name.length) return false;
    const d = this.data;
    for (let i = 0; i < name.length; i++) if (d[start + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** Do `[a, aEnd)` and `[b, bEnd)` hold the same bytes? */
  sameBytes(a: number, aEnd: number, b: number, bEnd: number): boolean {
    const length = aEnd - a;
    if (length !== bEnd - b) return false;
    const d = this.data;
    for (let i = 0; i < length; i++) if (d[a + i] !== d[b + i]) return false;
    return true;
  }
}

/**
 * The value of `[start, end)` of `d` when it is 1 to 9 ASCII digits (`r="12"`, `s="3"`), else -1.
 * Example: `asciiDigits(Buffer.from('r="12"'), 3, 5)` → 12.
 */
export function asciiDigits(d: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let p = start; p < end; p++) {
    const c = d[p]! - 48;
    if (c < 0 || c > 9) return -1;
    n = 10 * n + c;
  }
  return n;
}

const DECODER = new TextDecoder('utf-8');

/** Node's own decoder of a Buffer's bytes (the browser's Buffer stand-in has none: TextDecoder). */
type NodeBytes = Uint8Array & { utf8Slice?: (start: number, end: number) => string };

/** `[start, end)` of `bytes` decoded as UTF-8 (invalid bytes as U+FFFD, as Node and SheetJS do). */
export function utf8(bytes: Uint8Array, start: number, end: number): string {
  if (start >= end) return '';
  // Node's Buffer decodes short runs faster than TextDecoder, and without `toString`'s checks.
  const slice = (bytes as NodeBytes).utf8Slice;
  return slice ? slice.call(bytes, start, end) : DECODER.decode(bytes.subarray(start, end));
}
