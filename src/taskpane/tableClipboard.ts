/**
 * A document table (`src/domain/output/model.ts`) on the clipboard: as HTML, which Word and Excel
 * paste as a real table (header row, bold totals, right-aligned numbers, signal colours beside
 * their words), and as tab-separated text for anything else. Numbers are shown as the Word file
 * shows them (Swedish, U+2212); in the HTML each number also carries its value for Excel
 * (`x:num`), so a pasted figure stays a figure.
 */
import { DOCUMENT_TONE_ROLES } from '../domain/output';
import { cellDecimals, cellString, isPercentCell } from '../domain/output/cells';
import type { DocumentTable } from '../domain/output';
import { SIGNAL_COLOURS } from '../domain/reportSheets';

/**
 * The table as tab-separated text: the title, the header row, then one line per row. Numbers
 * without thousands separators and with a hyphen-minus (`-7000`, `-1,0%`), so Excel in Swedish
 * reads them as numbers.
 *
 * @example tableTsv(aleTable).split('\n')[1] // → 'Besluts/verksamhetsområden\tBudget 2023\t…'
 */
export function tableTsv(table: DocumentTable): string {
  const field = (s: string): string => s.replace(/[\t\r\n]+/g, ' ').trim();
  const lines = [field(table.title), table.columns.map((c) => field(c.header)).join('\t')];
  for (const row of table.rows) {
    lines.push(
      table.columns
        .map((column, i) => {
          const cell = row.cells[i];
          if (cell === undefined || cell.value === null) return '';
          if (typeof cell.value === 'string') return field(cell.value);
          if (!Number.isFinite(cell.value)) return '';
          const plain = cell.value.toFixed(cellDecimals(cell, column)).replace('.', ',');
          const body = /^-0(,0*)?$/.test(plain) ? plain.slice(1) : plain;
          return isPercentCell(cell, column) ? `${body}%` : body;
        })
        .join('\t'),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const BORDER = 'border:0.5pt solid #A6A6A6;padding:2pt 4pt';

/**
 * The table as an HTML fragment: the title in bold above it, a header row, totals and subtotals
 * bold, numbers right-aligned, a tone as the cell's fill with the cell's word or number in it.
 *
 * @example tableHtml(aleTable) // → '<html …><body><p><b>Ekonomisk sammanställning …</b></p><table …'
 */
export function tableHtml(table: DocumentTable): string {
  const head = table.columns
    .map((c) => {
      const align = c.kind === 'text' ? 'left' : 'right';
      return `<th style="${BORDER};background:#D9E1F2;text-align:${align}">${escapeHtml(c.header)}</th>`;
    })
    .join('');
  const body = table.rows
    .map((row) => {
      const bold = row.style !== 'line';
      const cells = table.columns
        .map((column, i) => {
          const cell = row.cells[i] ?? { value: null };
          const numeric = typeof cell.value === 'number' && Number.isFinite(cell.value);
          const colours = cell.tone ? SIGNAL_COLOURS[DOCUMENT_TONE_ROLES[cell.tone]] : undefined;
          const style = [
            BORDER,
            `text-align:${numeric && column.kind !== 'text' ? 'right' : 'left'}`,
            bold ? 'font-weight:bold' : '',
            row.style === 'total' ? 'border-top:1pt solid #000000' : '',
            colours ? `background:#${colours.fill};color:#${colours.font}` : '',
            row.style === 'heading' && !colours ? 'background:#F2F2F2' : '',
            i === 0 && row.indent > 0 ? `padding-left:${4 + 12 * row.indent}pt` : '',
            numeric && isPercentCell(cell, column) ? "mso-number-format:'0\\.0%'" : '',
          ]
            .filter((p) => p !== '')
            .join(';');
          // Excel reads x:num as the cell's value; a percent cell holds its fraction.
          const percent = isPercentCell(cell, column);
          const num =
            numeric && typeof cell.value === 'number'
              ? ` x:num="${percent ? Number((cell.value / 100).toPrecision(15)) : cell.value}"`
              : '';
          return `<td style="${style}"${num}>${escapeHtml(cellString(cell, column))}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');
  const notes = table.notes.map((n) => `<p style="font-size:9pt">${escapeHtml(n)}</p>`).join('');
  return (
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head>' +
    `<body><p><b>${escapeHtml(table.title)}</b></p>` +
    '<table style="border-collapse:collapse;font-family:Calibri,Arial,sans-serif;font-size:10pt">' +
    `<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}</body></html>`
  );
}

/** The parts of the Clipboard API used here, so that tests can hand in their own. */
export interface ClipboardLike {
  write?: (items: ClipboardItem[]) => Promise<void>;
  writeText?: (text: string) => Promise<void>;
}

export interface ClipboardDeps {
  clipboard: ClipboardLike | undefined;
  /** Makes one clipboard item of its types' texts; absent where ClipboardItem is not. */
  makeItem: ((parts: Record<string, string>) => ClipboardItem) | undefined;
}

/** The browser's clipboard, where there is one. */
export function browserClipboard(): ClipboardDeps {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  const makeItem =
    typeof ClipboardItem === 'undefined'
      ? undefined
      : (parts: Record<string, string>): ClipboardItem => {
          const blobs: Record<string, Blob> = {};
          for (const [type, text] of Object.entries(parts)) {
            blobs[type] = new Blob([text], { type });
          }
          return new ClipboardItem(blobs);
        };
  return { clipboard, makeItem };
}

/**
 * Puts `table` on the clipboard as HTML and tab-separated text; where the browser cannot write
 * both, as the text alone. `'not-allowed'` when the clipboard refuses (no permission, an Office
 * webview without clipboard access, no clipboard at all).
 */
export async function copyTable(
  table: DocumentTable,
  deps: ClipboardDeps = browserClipboard(),
): Promise<'copied' | 'copied-text' | 'not-allowed'> {
  const { clipboard, makeItem } = deps;
  const tsv = tableTsv(table);
  if (clipboard?.write && makeItem) {
    try {
      await clipboard.write([makeItem({ 'text/html': tableHtml(table), 'text/plain': tsv })]);
      return 'copied';
    } catch {
      // Some browsers refuse text/html or rich items: the text alone still pastes as a table.
    }
  }
  if (!clipboard?.writeText) return 'not-allowed';
  try {
    await clipboard.writeText(tsv);
    return 'copied-text';
  } catch {
    return 'not-allowed';
  }
}
