/**
 * SheetJS's (`@e965/xlsx` 0.20.3) readings of cell text and cell references, ported so the
 * streaming reader reads them alike: `unescapexml` (XML entities, then Excel's `_x000D_` escapes),
 * `safe_decode_range` and the column count of `decode_col`; `decode_cell` is SheetJS's own
 * (`XLSX.utils.decode_cell`). The streaming reader's XML parser has already
 * decoded the entities once, as SheetJS's first `unescapexml` would. Pure.
 */
import { NotStreamableError } from '../../errors';

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const ESCAPE = /_x([\da-fA-F]{4})_/gi;
const NAMED: Readonly<Record<string, string>> = {
  '&quot;': '"',
  '&apos;': "'",
  '&gt;': '>',
  '&lt;': '<',
  '&amp;': '&',
};

/**
 * Decodes Excel's `_xHHHH_` escapes, as SheetJS's `unescapexml` does after the entities: the
 * reading of `<v>` text (numbers, booleans, shared string indices) and of inline strings.
 *
 * @example readCellText('Rad 1_x000D_') // → 'Rad 1\r'
 */
export function readCellText(text: string): string {
  if (text.indexOf('_x') < 0 && text.indexOf('_X') < 0) return text;
  return text.replace(ESCAPE, (_m, code: string) => String.fromCharCode(parseInt(code, 16)));
}

/**
 * The text of a formula's string result (`t="str"`), as SheetJS reads it: its `<v>` text
 * unescaped, read as UTF-8, and unescaped once more (so `&amp;lt;` becomes `<`), CRLF → LF.
 *
 * @example readStrCell('a &lt; b') // → 'a < b' (the parser had already made `&amp;lt;` `&lt;`)
 * @throws NotStreamableError when an escape decodes to a character above U+007F, which SheetJS's
 *   UTF-8 pass garbles.
 */
export function readStrCell(text: string): string {
  const once =
    text.indexOf('_x') < 0 && text.indexOf('_X') < 0
      ? text
      : text.replace(ESCAPE, (_m, code: string) => {
          const c = parseInt(code, 16);
          if (c > 0x7f) throw new NotStreamableError('an _xHHHH_ escape above U+007F');
          return String.fromCharCode(c);
        });
  return unescapeXml(once).replace(/\r\n/g, '\n');
}

/** SheetJS's `raw_unescapexml`, quirks and all (`&AMP;` becomes U+0000). */
function unescapeXml(text: string): string {
  const i = text.indexOf('<![CDATA[');
  if (i === -1) {
    if (text.indexOf('&') < 0) return readCellText(text);
    return readCellText(
      text.replace(
        ENTITY,
        (all: string, code: string | undefined) =>
          NAMED[all] ||
          String.fromCharCode(parseInt(code as string, all.indexOf('x') > -1 ? 16 : 10)) ||
          all,
      ),
    );
  }
  const j = text.indexOf(']]>');
  return unescapeXml(text.slice(0, i)) + text.slice(i + 9, j) + unescapeXml(text.slice(j + 3));
}

/** A range as SheetJS's `safe_decode_range` reads it, 0-based. */
export interface DecodedRange {
  s: { c: number; r: number };
  e: { c: number; r: number };
}

/**
 * SheetJS's `safe_decode_range`: the merged areas' reading of `A1:D1` (letters, then digits, then
 * `:` and the same again; a single cell is a range of one).
 *
 * @example safeDecodeRange('B3:C4') // → { s: { c: 1, r: 2 }, e: { c: 2, r: 3 } }
 */
export function safeDecodeRange(range: string): DecodedRange {
  const o: DecodedRange = { s: { c: 0, r: 0 }, e: { c: 0, r: 0 } };
  const len = range.length;
  let idx = 0;
  let i = 0;
  let cc = 0;
  for (idx = 0; i < len; ++i) {
    if ((cc = range.charCodeAt(i) - 64) < 1 || cc > 26) break;
    idx = 26 * idx + cc;
  }
  o.s.c = --idx;
  for (idx = 0; i < len; ++i) {
    if ((cc = range.charCodeAt(i) - 48) < 0 || cc > 9) break;
    idx = 10 * idx + cc;
  }
  o.s.r = --idx;
  if (i === len || cc !== 10) {
    o.e.c = o.s.c;
    o.e.r = o.s.r;
    return o;
  }
  ++i;
  for (idx = 0; i !== len; ++i) {
    if ((cc = range.charCodeAt(i) - 64) < 1 || cc > 26) break;
    idx = 26 * idx + cc;
  }
  o.e.c = --idx;
  for (idx = 0; i !== len; ++i) {
    if ((cc = range.charCodeAt(i) - 48) < 0 || cc > 9) break;
    idx = 10 * idx + cc;
  }
  o.e.r = --idx;
  return o;
}

/**
 * The column of a reference's leading capitals, 0-based, as SheetJS counts cells along a row and
 * shifts shared formulas (`decode_col`); -1 when it does not start with one.
 *
 * @example columnOfLetters('AB12') // → 27; columnOfLetters('$A$1') // → -1
 */
export function columnOfLetters(ref: string): number {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const cc = ref.charCodeAt(i) - 64;
    if (cc < 1 || cc > 26) break;
    index = 26 * index + cc;
  }
  return index - 1;
}
