/**
 * The report as JSON text in pieces, byte for byte what `terminalJson(report, 2)` and a line feed
 * make, without ever holding the whole text: at 100 000 lines the report is 46 MB of JSON, and
 * one string of it (two bytes a character), its escaped copy and its UTF-8 copy cost more than
 * the analysis. Each piece is made by `JSON.stringify` itself (the part's indentation set by
 * wrapping it at its depth), so the text is the same by construction; the pieces are encoded one
 * by one and can be written while the next one is made.
 */
import { escapeTerminalJson, terminalJson } from './terminalText';

/** Array elements per piece: large enough that a piece costs little, small enough to interleave. */
const BATCH = 2_000;

type Stringify = (value: unknown) => string;

/**
 * The JSON text of a plain object in pieces whose concatenation is `terminalJson(value, 2) + '\n'`.
 * Top-level arrays longer than `batch` are cut into runs of `batch` elements.
 *
 * @example [...jsonTexts({ a: [1, 2] })].join('') // → '{\n  "a": [\n    1,\n    2\n  ]\n}\n'
 */
export function jsonTexts(value: object, batch = BATCH): Generator<string> {
  return pieces(value, batch, (v) => terminalJson(v, 2));
}

/**
 * The same text as UTF-8 bytes, for a file, each piece encoded once it is asked for. A piece is
 * made by plain `JSON.stringify` and its bytes searched for the characters `terminalJson` escapes
 * (a search for a few bytes, where the escaping is a pass of a regular expression over every
 * character); only a piece holding one is made again by `terminalJson`.
 *
 * @example Buffer.concat([...jsonBytes(report)]).toString('utf8') === terminalJson(report, 2) + '\n'
 */
export function* jsonBytes(value: object, batch = BATCH): Generator<Uint8Array> {
  const plain: Stringify = (v) => JSON.stringify(v, null, 2);
  for (const text of pieces(value, batch, plain)) {
    const bytes = Buffer.from(text, 'utf8');
    yield hasTerminalControl(bytes) ? Buffer.from(escapeTerminalJson(text), 'utf8') : bytes;
  }
}

function* pieces(value: object, batch: number, stringify: Stringify): Generator<string> {
  let first = true;
  for (const key of Object.keys(value)) {
    const part: unknown = (value as Record<string, unknown>)[key];
    // What JSON.stringify leaves out of an object.
    if (part === undefined || typeof part === 'function' || typeof part === 'symbol') continue;
    const name = stringify(key);
    yield first ? `{\n  ${name}: ` : `,\n  ${name}: `;
    first = false;
    if (Array.isArray(part) && part.length > batch) {
      yield '[\n';
      for (let at = 0; at < part.length; at += batch) {
        if (at > 0) yield ',\n';
        // '{\n  "x": [\n' … '\n  ]\n}': the elements between, indented as in the whole text.
        yield stringify({ x: part.slice(at, at + batch) }).slice(11, -6);
      }
      yield '\n  ]';
    } else {
      // '{\n  "x": ' … '\n}': the part as a property of the top-level object.
      yield stringify({ x: part }).slice(9, -2);
    }
  }
  yield first ? '{}\n' : '\n}\n';
}

/**
 * True when UTF-8 `bytes` hold a character `terminalJson` escapes: DEL (7F), C1 (C2 80–9F),
 * U+061C (D8 9C), U+200E–F (E2 80 8E–8F), U+2028–202E (E2 80 A8–AE), U+2066–2069 (E2 81 A6–A9).
 */
export function hasTerminalControl(bytes: Buffer): boolean {
  if (bytes.indexOf(0x7f) >= 0) return true;
  const after = (lead: number, match: (at: number) => boolean): boolean => {
    for (let i = bytes.indexOf(lead); i >= 0; i = bytes.indexOf(lead, i + 1)) {
      if (match(i)) return true;
    }
    return false;
  };
  const at = (i: number): number => bytes[i] ?? 0;
  return (
    after(0xc2, (i) => at(i + 1) >= 0x80 && at(i + 1) <= 0x9f) ||
    after(0xd8, (i) => at(i + 1) === 0x9c) ||
    after(0xe2, (i) => {
      const b = at(i + 1);
      const c = at(i + 2);
      return b === 0x80
        ? c === 0x8e || c === 0x8f || (c >= 0xa8 && c <= 0xae)
        : b === 0x81 && c >= 0xa6 && c <= 0xa9;
    })
  );
}
