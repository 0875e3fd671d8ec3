/**
 * Text from a workbook made safe to print on a terminal. A label or sheet name holding an escape
 * sequence (`ESC ] 0 ;` sets the window title, `ESC [ 2 J` clears the screen, `ESC ] 52` writes
 * the clipboard), a C1 control or a bidirectional override would otherwise act on the terminal
 * of whoever reads the summary. Every such character is shown as its code instead (`\x1B`).
 */

// C0 controls and DEL, C1 controls, and the invisible characters that reorder or split lines:
// the Arabic letter mark, LRM/RLM, line and paragraph separators, embeddings, overrides, isolates.
const CONTROL =
  // eslint-disable-next-line no-control-regex -- these characters are what it is there to find
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE =
  // eslint-disable-next-line no-control-regex -- these characters are what it is there to find
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\t\u2028\u2029]/g;

function code(character: string): string {
  const n = character.charCodeAt(0);
  return n <= 0xff
    ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * One value on one line: line breaks and tabs (a header written on two lines in Excel) become a
 * space, every other control character its code.
 *
 * @example terminalField('Budget\n2023\x1b[2J') // → 'Budget 2023\\x1B[2J'
 */
export function terminalField(text: string): string {
  return text.replace(LINE_BREAK, ' ').replace(CONTROL, code);
}

/**
 * Whole lines for the terminal: the line feeds between them kept, every other control character
 * shown as its code. What the command prints passes through it, its own lines too.
 *
 * @example terminalText('Nämndplan: \x1b]0;hej\x07plan.xlsx\n') // → 'Nämndplan: \\x1B]0;hej\\x07plan.xlsx\n'
 */
export function terminalText(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, code);
}

/**
 * JSON text with the characters a terminal (or a JavaScript parser before ES2019) could act on
 * written as `\u` escapes: the same JSON value, safe on a terminal. `JSON.stringify` already
 * escapes C0 controls and lone surrogates; this adds DEL, C1 and the invisible reorderers.
 *
 * @example terminalJson({ label: 'a\u009b2J' }) // → '{"label":"a\\u009b2J"}'
 */
export function terminalJson(value: unknown, indent?: number): string {
  return escapeTerminalJson(JSON.stringify(value, null, indent));
}

/** `terminalJson`'s escaping of a text `JSON.stringify` made (which escapes C0 controls itself). */
export function escapeTerminalJson(json: string): string {
  return json.replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
