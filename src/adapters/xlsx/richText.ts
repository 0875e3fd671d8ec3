/**
 * The text of an inline string (`<is>`) or a shared string (`<si>`), read from bytes as SheetJS's
 * `parse_si` reads it: a plain string when the first element is `<t>` (its text only), else,
 * when there is a run `<r>`, every `<t>` outside phonetic runs (`<rPh>`) joined; else none. Only
 * the shapes spreadsheet writers use are read: text between the elements, other elements, a `<t/>`
 * or a run with attributes are refused (`NotScanned`).
 */
import { INCOMPLETE, isSpace, refuse, type XmlBytes } from './xmlBytes';

const SLASH = 47;
const LT = 60;

/** What the string is: SheetJS's three readings of `<si>`. */
export const NO_TEXT = 0;
export const PLAIN_TEXT = 1;
export const RUN_TEXT = 2;

/** Reads one string's content and keeps where its texts are; reused from string to string. */
export class RichTextReader {
  kind = NO_TEXT;
  /** The `<t>` texts that count: start, end and text flags of each, in order; `count` numbers. */
  private pieces = new Int32Array(3 * 8);
  private count = 0;

  constructor(private readonly x: XmlBytes) {}

  /** No string at all (`<is/>`). */
  clear(): void {
    this.kind = NO_TEXT;
    this.count = 0;
  }

  /**
   * Reads from `at` (just after the container's start tag) through its end tag, whose name is
   * `[nameStart, nameEnd)`. Returns the position after it, or `INCOMPLETE`.
   */
  read(at: number, nameStart: number, nameEnd: number): number {
    const x = this.x;
    this.count = 0;
    let first = true;
    let plain = false;
    let runs = false;
    let p = at;
    for (;;) {
      p = this.nextTag(p);
      if (p === INCOMPLETE) return INCOMPLETE;
      if (x.data[p + 1] === SLASH) {
        p = x.closeTag(p, nameStart, nameEnd);
        if (p === INCOMPLETE) return INCOMPLETE;
        break;
      }
      const q = x.openTag(p);
      if (q === INCOMPLETE) return INCOMPLETE;
      const tagStart = x.nameStart;
      const tagEnd = x.nameEnd;
      if (x.isLocal('t')) {
        plain ||= first;
        p = this.t(q, tagStart, tagEnd, true);
      } else if (x.isLocal('r')) {
        if (x.selfClosing || x.attributeCount > 0) refuse('an unusual run');
        runs = true;
        p = this.run(q, tagStart, tagEnd);
      } else if (x.isLocal('rPh')) {
        if (x.selfClosing) refuse('<rPh/>');
        p = this.phonetic(q, tagStart, tagEnd);
      } else if (x.isLocal('phoneticPr')) {
        if (!x.selfClosing) refuse('<phoneticPr> with content');
        p = q;
      } else {
        refuse('an unusual element in a string');
      }
      if (p === INCOMPLETE) return INCOMPLETE;
      first = false;
    }
    this.kind = plain ? PLAIN_TEXT : runs ? RUN_TEXT : NO_TEXT;
    return p;
  }

  /** The string's text as `parse_si` joins it, references decoded; `null` for `NO_TEXT`. */
  text(): string | null {
    const { kind, pieces, x } = this;
    if (kind === NO_TEXT) return null;
    const count = kind === PLAIN_TEXT ? Math.min(3, this.count) : this.count;
    if (count === 3) return x.decode(pieces[0]!, pieces[1]!, pieces[2]!);
    let out = '';
    for (let i = 0; i < count; i += 3) out += x.decode(pieces[i]!, pieces[i + 1]!, pieces[i + 2]!);
    return out;
  }

  /** Flags of every counted text together. */
  flags(): number {
    const { kind, pieces } = this;
    const count = kind === PLAIN_TEXT ? Math.min(3, this.count) : this.count;
    let flags = 0;
    for (let i = 2; i < count; i += 3) flags |= pieces[i]!;
    return flags;
  }

  /** The position of the next `<`, after whitespace only. */
  private nextTag(at: number): number {
    const { data, end } = this.x;
    let p = at;
    while (p < end && isSpace(data[p])) p++;
    if (p + 1 >= end) return INCOMPLETE;
    if (data[p] !== LT) refuse('text between the parts of a string');
    return p;
  }

  /** `<t>` text `</t>` from after its start tag; kept as a piece when `keep`. */
  private t(at: number, nameStart: number, nameEnd: number, keep: boolean): number {
    const x = this.x;
    if (x.selfClosing) refuse('<t/>');
    const end = x.text(at);
    if (end === INCOMPLETE) return INCOMPLETE;
    const flags = x.textFlags;
    const after = x.closeTag(end, nameStart, nameEnd);
    if (after !== INCOMPLETE && keep) {
      if (this.count === this.pieces.length) {
        const more = new Int32Array(2 * this.pieces.length);
        more.set(this.pieces);
        this.pieces = more;
      }
      this.pieces[this.count++] = at;
      this.pieces[this.count++] = end;
      this.pieces[this.count++] = flags;
    }
    return after;
  }

  /** A run: `<rPr>` of empty elements, then `<t>`s, through `</r>`. */
  private run(at: number, nameStart: number, nameEnd: number): number {
    const x = this.x;
    let p = at;
    for (;;) {
      p = this.nextTag(p);
      if (p === INCOMPLETE) return INCOMPLETE;
      if (x.data[p + 1] === SLASH) return x.closeTag(p, nameStart, nameEnd);
      const q = x.openTag(p);
      if (q === INCOMPLETE) return INCOMPLETE;
      if (x.isLocal('t')) p = this.t(q, x.nameStart, x.nameEnd, true);
      else if (x.isLocal('rPr')) p = x.selfClosing ? q : this.properties(q, x.nameStart, x.nameEnd);
      else refuse('an unusual element in a run');
      if (p === INCOMPLETE) return INCOMPLETE;
    }
  }

  /** `<rPr>`: empty elements only (`<b/>`, `<sz val="11"/>`), through `</rPr>`. */
  private properties(at: number, nameStart: number, nameEnd: number): number {
    const x = this.x;
    let p = at;
    for (;;) {
      p = this.nextTag(p);
      if (p === INCOMPLETE) return INCOMPLETE;
      if (x.data[p + 1] === SLASH) return x.closeTag(p, nameStart, nameEnd);
      p = x.openTag(p);
      if (p === INCOMPLETE) return INCOMPLETE;
      if (!x.selfClosing) refuse('a run property with content');
    }
  }

  /** `<rPh>`: its `<t>`s, which count for nothing, through `</rPh>`. */
  private phonetic(at: number, nameStart: number, nameEnd: number): number {
    const x = this.x;
    let p = at;
    for (;;) {
      p = this.nextTag(p);
      if (p === INCOMPLETE) return INCOMPLETE;
      if (x.data[p + 1] === SLASH) return x.closeTag(p, nameStart, nameEnd);
      const q = x.openTag(p);
      if (q === INCOMPLETE) return INCOMPLETE;
      if (!x.isLocal('t')) refuse('an unusual element in a phonetic run');
      p = this.t(q, x.nameStart, x.nameEnd, false);
      if (p === INCOMPLETE) return INCOMPLETE;
    }
  }
}
