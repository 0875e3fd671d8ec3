/**
 * Reads the shared string table (`xl/sharedStrings.xml`) from its bytes, as SheetJS's
 * `parse_sst_xml` reads it, in a fraction of its time: each `<si>` as `parse_si` reads it (plain
 * `<t>`, or runs joined without phonetic ones; references and Excel's `_x000D_` escapes decoded,
 * CRLF as LF), and one more empty string after the last, as SheetJS's split leaves one. Only the
 * shapes spreadsheet writers produce are read, and what is read is well-formed (so the part needs
 * no parser's check); anything else gives `null`, and the table is then checked and read as before.
 */
import type { SharedString } from './readBookWithoutSheets';
import { NO_TEXT, RichTextReader } from './richText';
import { readCellText } from './sheetjsReadings';
import {
  GT,
  HAS_REFERENCE,
  INCOMPLETE,
  isSpace,
  LINE_BREAK,
  LT,
  NotScanned,
  refuse,
  SLASH,
  SPACE,
  UNDERSCORE,
  XmlBytes,
} from './xmlBytes';

/** The XML declarations read here (others, and any other processing instruction, are refused). */
const DECLARATION =
  /^<\?xml version=(["'])1\.0\1(?: encoding=(["'])(?:UTF|utf)-8\2)?(?: standalone=(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;

/**
 * The strings of a shared string part, or `null` with the reason where it is not one read here.
 *
 * @example scanSharedStrings(part).strings?.[0] // → { t: 'Driftredovisning 2023 (tkr)' }
 */
export function scanSharedStrings(
  part: Uint8Array,
): { strings: SharedString[]; reason?: undefined } | { strings: null; reason: string } {
  try {
    return { strings: scan(part) };
  } catch (error) {
    if (error instanceof NotScanned) return { strings: null, reason: error.reason };
    throw error;
  }
}

function scan(d: Uint8Array): SharedString[] {
  const end = d.length;
  const x = new XmlBytes(d, end);
  const rich = new RichTextReader(x);
  let p = 0;
  if (d[0] === 0xff || d[0] === 0xfe) refuse('UTF-16');
  if (d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf) p = 3;
  if (d[p] === LT && d[p + 1] === 63) {
    let head = '';
    for (let i = p; i < Math.min(end, p + 120); i++) head += String.fromCharCode(d[i]!);
    const m = DECLARATION.exec(head);
    if (!m) refuse('an unusual XML declaration');
    p += m[0].length;
  }
  p = nextTag(d, p, end);
  if (d[p + 1] === SLASH) refuse('no root');
  p = complete(x.openTag(p));
  if (!x.isLocal('sst') || x.selfClosing) refuse('no <sst>');
  const rootStart = x.nameStart;
  const rootEnd = x.nameEnd;
  const strings: SharedString[] = [];
  for (;;) {
    p = nextTag(d, p, end);
    if (d[p + 1] === SLASH) {
      p = complete(x.closeTag(p, rootStart, rootEnd));
      break;
    }
    // `<si><t>…</t></si>`, as most strings are written, read without the general steps.
    if (plainString(d, p, end, x)) {
      const flags = x.textFlags;
      strings.push({ t: sheetjsText(x.decode(plain.start, plain.end, flags), flags) });
      p = plain.end + 9;
      continue;
    }
    p = complete(x.openTag(p));
    // SheetJS splits the table at `<si>` and `</si>` written so, without attributes.
    if (!x.isLocal('si') || x.attributeCount > 0 || x.selfClosing) refuse('an unusual <si>');
    p = complete(rich.read(p, x.nameStart, x.nameEnd));
    const text = rich.kind === NO_TEXT ? null : rich.text();
    strings.push(text === null ? {} : { t: sheetjsText(text, rich.flags()) });
  }
  while (p < end && isSpace(d[p])) p++;
  if (p !== end) refuse('something after </sst>');
  strings.push({ t: '' });
  return strings;
}

/**
 * Where the text of `<si><t>text</t></si>` at `at` starts and ends (`<t>` with attributes too,
 * `<t xml:space="preserve">`), checked by `x.text` (its flags in `x.textFlags`); `false` when the
 * string is written any other way, which the general steps then read.
 */
function plainString(d: Uint8Array, at: number, end: number, x: XmlBytes): boolean {
  if (at + 7 > end || d[at + 1] !== 115 || d[at + 2] !== 105 || d[at + 3] !== GT) return false;
  if (d[at + 4] !== LT || d[at + 5] !== 116) return false;
  let textStart = at + 7;
  if (d[at + 6] !== GT) {
    if (d[at + 6] !== SPACE) return false;
    textStart = x.openTag(at + 4);
    if (textStart === INCOMPLETE || x.selfClosing) return false;
  }
  const textEnd = x.text(textStart);
  if (textEnd === INCOMPLETE || textEnd + 9 > end) return false;
  for (let i = 0; i < 9; i++) if (d[textEnd + i] !== CLOSE_T_SI.charCodeAt(i)) return false;
  plain.start = textStart;
  plain.end = textEnd;
  return true;
}

/** Where `plainString` found the text. */
const plain = { start: 0, end: 0 };

const CLOSE_T_SI = '</t></si>';

/** `unescapexml(text, true)` after references: Excel's `_x000D_` escapes, then CRLF as LF. */
function sheetjsText(text: string, flags: number): string {
  // An escape's `_` is written, or a reference's.
  const t = (flags & (UNDERSCORE | HAS_REFERENCE)) === 0 ? text : readCellText(text);
  const lines = (flags & (UNDERSCORE | LINE_BREAK)) !== 0 && t.indexOf('\r') >= 0;
  return lines ? t.replace(/\r\n/g, '\n') : t;
}

/** The whole part is there: a piece cut short is a part cut short. */
function complete(position: number): number {
  if (position === INCOMPLETE) refuse('cut short');
  return position;
}

function nextTag(d: Uint8Array, at: number, end: number): number {
  let p = at;
  while (p < end && isSpace(d[p])) p++;
  if (p + 1 >= end) refuse('cut short');
  if (d[p] !== LT) refuse('text in the table');
  return p;
}
