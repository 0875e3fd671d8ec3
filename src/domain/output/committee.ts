/**
 * The committee a workbook is about, as the workbook itself names it (`Socialnämnden – Nämndplan
 * med budget 2024`, `Socialnämndens följetal`, `… för socialnämnden.`): the name a document
 * table's title carries (`Driftredovisning socialnämnden, bokslut 2023 (tkr)`). Nothing is guessed:
 * a workbook that names no committee gives null, and the titles go without one.
 */
import { forEachEntry, type WorkbookSnapshot } from '../grid';

/**
 * A committee's name in running text: a word ending in `nämnd` or `styrelse` with at least two
 * letters before it (`Nämndens mål` names none), in any of its forms (`-en`, `-ens`, `-s`),
 * with a joined first part (`omsorgs- och arbetsmarknadsnämnden`); never `nämndplan`, `nämndmål`.
 */
const COMMITTEE =
  /(?<![\p{L}])((?:\p{L}+-\s+och\s+)?\p{L}{2,}?(nämnd|styrelse))(ens|en|ns|n|s)?(?![\p{L}-])/giu;

/** Rows read from the top of each sheet: titles and headings are there. */
const ROWS_PER_SHEET = 200;

/**
 * The committee the workbook names most often (the first named on a tie), in the definite form a
 * title uses, lower case: `socialnämnden`, `omsorgs- och arbetsmarknadsnämnden`,
 * `kommunstyrelsen`; null when it names none.
 *
 * @example findCommittee(aleWorkbook) // → 'socialnämnden' (from `Socialnämnden – Nämndplan …`)
 */
export function findCommittee(workbook: WorkbookSnapshot): string | null {
  const counts = new Map<string, number>();
  for (const sheet of workbook.sheets) {
    const rows = sheet.values.length < ROWS_PER_SHEET ? sheet.values.length : ROWS_PER_SHEET;
    for (let r = 0; r < rows; r++) {
      // By the row's entries: a far cell (`XFD7`) leaves a long row of holes.
      forEachEntry(sheet.values[r] ?? [], (cell) => {
        if (typeof cell !== 'string' || !/nämnd|styrelse/i.test(cell)) return;
        for (const m of cell.matchAll(COMMITTEE)) {
          const stem = (m[1] ?? '').toLocaleLowerCase('sv').replace(/\s+/g, ' ');
          const name = m[2]?.toLowerCase() === 'styrelse' ? `${stem}n` : `${stem}en`;
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      });
    }
  }
  let best: string | null = null;
  let most = 0;
  for (const [name, n] of counts) {
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return best;
}
