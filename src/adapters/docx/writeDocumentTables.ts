/**
 * Writes the document tables (`buildDocumentTables`) as a Word file with the `docx` package: real
 * Word tables with a header row repeated on every page, right-aligned Swedish numbers, bold
 * subtotals and totals (the total ruled above and double-ruled below), signal colours as cell
 * shading beside the verdict word, a caption per table and its notes under it, page numbers in the
 * footer. No `node:*`: runs in the browser too (the pane loads it only when asked).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { cellString } from '../../domain/output/cells';
import { DOCUMENT_TONE_ROLES } from '../../domain/output/documentSheets';
import type {
  DocumentCell,
  DocumentColumn,
  DocumentRow,
  DocumentTable,
} from '../../domain/output/model';
import { SIGNAL_COLOURS } from '../../domain/reportSheets';

/** A4 in twentieths of a point, and the margins (2 cm). */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
const HEADER_FILL = 'D9E1F2';
const HEADING_FILL = 'F2F2F2';
/** Half-points: 10-point body text, 9-point notes, 11-point captions. */
const BODY = 20;
const NOTE = 18;
const CAPTION = 22;
/** Tables wider than this many characters lie on landscape pages. */
const WIDE = 100;

/** Options of `writeDocumentTables`. */
export interface WriteDocumentOptions {
  /** The document's title in its properties (the source workbook's name). */
  title?: string;
}

/**
 * The .docx bytes of the document tables, in their order, each under its caption
 * (`Tabell 1. Driftredovisning socialnämnden, bokslut 2023 (tkr)`).
 *
 * @example await writeDocumentTables(buildDocumentTables(snapshot, report, { riskThreshold: 12 }))
 *   // → Uint8Array of a .docx
 */
export async function writeDocumentTables(
  tables: readonly DocumentTable[],
  options: WriteDocumentOptions = {},
): Promise<Uint8Array> {
  // Tables of one orientation share a section; a wide one lies on landscape pages of its own.
  const groups: { wide: boolean; children: (Paragraph | Table)[] }[] = [];
  tables.forEach((t, k) => {
    const wide = t.columns.reduce((n, c) => n + c.width, 0) > WIDE;
    let group = groups[groups.length - 1];
    if (!group || group.wide !== wide) {
      group = { wide, children: [] };
      groups.push(group);
    }
    const usable = (wide ? A4.height : A4.width) - 2 * MARGIN;
    group.children.push(caption(`Tabell ${k + 1}. ${t.title}`));
    group.children.push(wordTable(t, usable));
    for (const n of t.notes) group.children.push(note(n));
  });
  if (groups.length === 0) {
    groups.push({ wide: false, children: [note('Inga tabeller hittades i arbetsboken.')] });
  }
  const sections = groups.map((g) => section(g.wide, g.children));
  const doc = new Document({
    creator: 'Nämndplan',
    title: clean(options.title ?? 'Standardtabeller'),
    styles: { default: { document: { run: { font: 'Calibri', size: BODY } } } },
    sections,
  });
  const bytes = await Packer.toArrayBuffer(doc);
  return new Uint8Array(bytes);
}

function section(wide: boolean, children: (Paragraph | Table)[]): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: wide ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    footers: {
      default: new Footer({
        children: [
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [
              new TextRun({
                size: NOTE,
                children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES],
              }),
            ],
          }),
        ],
      }),
    },
    children,
  };
}

function caption(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 320, after: 120 },
    children: [new TextRun({ text: clean(text), bold: true, size: CAPTION })],
  });
}

function note(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 60 },
    children: [new TextRun({ text: clean(text), italics: true, size: NOTE })],
  });
}

function wordTable(t: DocumentTable, usable: number): Table {
  const total = t.columns.reduce((n, c) => n + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((usable * c.width) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL },
          verticalAlign: VerticalAlign.BOTTOM,
          children: [
            new Paragraph({
              alignment:
                t.kind === 'riskmatris' && i > 0
                  ? AlignmentType.CENTER
                  : c.kind === 'text'
                    ? AlignmentType.LEFT
                    : AlignmentType.RIGHT,
              children: [new TextRun({ text: clean(c.header), bold: true })],
            }),
          ],
        }),
    ),
  });
  const matrix = t.kind === 'riskmatris';
  const rows = t.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        ...(matrix ? { height: { value: 700, rule: 'atLeast' as const } } : {}),
        children: t.columns.map((c, i) =>
          wordCell(r, r.cells[i] ?? { value: null }, c, i, widths[i] ?? 0, matrix),
        ),
      }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    // A little air between the figures of neighbouring columns (twentieths of a point).
    margins: { left: 70, right: 70, top: 20, bottom: 20 },
    rows: [header].concat(rows),
  });
}

function wordCell(
  row: DocumentRow,
  cell: DocumentCell,
  column: DocumentColumn,
  index: number,
  width: number,
  matrix: boolean,
): TableCell {
  const colours = cell.tone ? SIGNAL_COLOURS[DOCUMENT_TONE_ROLES[cell.tone]] : undefined;
  const fill = colours?.fill ?? (row.style === 'heading' ? HEADING_FILL : undefined);
  const bold = row.style !== 'line' || (matrix && index === 0);
  const numeric = typeof cell.value === 'number' && column.kind !== 'text';
  const text = cellString(cell, column);
  const alignment =
    matrix && index > 0
      ? AlignmentType.CENTER
      : numeric || column.kind !== 'text'
        ? AlignmentType.RIGHT
        : AlignmentType.LEFT;
  const lines = text.split('\n');
  const runs: TextRun[] = [];
  lines.forEach((line, k) => {
    runs.push(
      new TextRun({
        text: clean(line),
        bold,
        ...(k > 0 ? { break: 1 } : {}),
        ...(colours ? { color: colours.font } : {}),
      }),
    );
  });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: matrix ? VerticalAlign.CENTER : VerticalAlign.TOP,
    ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
    ...(row.style === 'total'
      ? {
          borders: {
            top: { style: BorderStyle.SINGLE, size: 6, color: '000000' },
            bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000' },
          },
        }
      : {}),
    children: [
      new Paragraph({
        alignment,
        ...(index === 0 && row.indent > 0 ? { indent: { left: 240 * row.indent } } : {}),
        children: runs,
      }),
    ],
  });
}

// Characters XML 1.0 forbids: a run holding one makes a file Word calls damaged.
const XML_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these characters are what it is there to find
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(text: string): string {
  return text.replace(XML_FORBIDDEN, '');
}
