import { address } from './grid';
import { judgeGoal, readVerdict, withoutVerdict } from './goalVerdicts';
import { problem } from './messages';
import type {
  Check,
  Goal,
  GoalLevel,
  GoalSettings,
  GoalVerdict,
  Indicator,
  Problem,
} from './report';
import type { SheetGrid } from './sheetGrid';
import type { DetectedTable } from './tables';

/** A goal as read, before its verdict. */
interface GoalLine {
  row: number;
  col: number;
  text: string;
  level: GoalLevel;
  reported: ReturnType<typeof readVerdict>;
}

const KF =
  /^(kommungemensamt mål|kommungemensamma mål|kf-mål|kf:s mål|fullmäktigemål|fullmäktiges mål|kommunfullmäktiges mål|inriktningsmål|prioriterat mål|prioriterade mål|övergripande mål|strategiskt mål|strategiska mål)(?![\p{L}])/iu;
const NAMND =
  /^(nämndens (prioriterade )?mål|nämndmål|effektmål|verksamhetsmål|styrelsemål|resultatmål|mål)\s*(?::|–|-)/iu;
/** A numbered goal (`3. Alingsåsarna har inflytande …`), not a numbered section (`4.2 …`). */
const NUMBERED = /^\d{1,2}\.\s+\p{Lu}/u;
const SECTION = /^\d+(\.\d+)+\.?\s/;
const NOT_GOAL =
  /^(indikator|indikatorer|nyckeltal|mått|uppdrag|aktivitet|källa|kommentar|analys|not|belopp|tabell|följetal|verksamhetsmått)(?![\p{L}])/iu;

/**
 * What kind of goal a line above an indicator table states, or null for none. Goal words say it
 * (`Kommungemensamt mål …`, `KF-mål`, `Inriktningsmål` → kf; `Nämndens mål: …`, `Nämndmål`,
 * `Effektmål` → namnd); a numbered line (`2. I Alingsås finns goda livsmiljöer …`) is
 * fullmäktige's; the sentence that titles an indicator table (`Antal personer som blir
 * självförsörjande ska öka`) is the committee's goal for it.
 */
export function goalLevelOf(text: string, titlesIndicators: boolean): GoalLevel | null {
  const t = text.trim();
  if (t === '' || SECTION.test(t) || NOT_GOAL.test(t)) return null;
  if (KF.test(t)) return 'kf';
  if (NAMND.test(t)) return 'namnd';
  if (NUMBERED.test(t)) return 'kf';
  if (titlesIndicators && isGoalSentence(t)) return 'namnd';
  return null;
}

/**
 * The line that titles an indicator table is its goal when it reads as one: three words or more
 * that state something (a goal may take a second sentence to say whom it is for). A question
 * (`Hur går det för Falkenberg?`), a lead-in (`…:`) or a caption naming what the table holds
 * (`Utfall av kommunfullmäktiges indikatorer`) is no goal; nor is the text under a lead-in
 * (`Strategi:` and its paragraph), which `readGoals` leaves out.
 */
function isGoalSentence(t: string): boolean {
  return t.split(/\s+/).length >= 3 && t.length <= 400 && !/[:?]$/.test(t) && !CAPTION.test(t);
}

/**
 * The line under a goal heading (`Mål SDG.3`, `Delmål 1`) is the goal unless it is a question
 * (`Hur går det för Falkenberg?`) or names a kind of goal itself (a chart legend `Nationellt mål
 * (omräknat per inv.)`).
 */
function statesGoal(text: string): boolean {
  const t = text.trim();
  return !/\?$/.test(t) && !/(?<![\p{L}])mål\s*(\([^)]*\))?$/iu.test(t);
}

/** Words that name a table's contents: a line with one of them is a caption, not a goal. */
const CAPTION =
  /(?<![\p{L}])(indikatorer|indikatorerna|nyckeltal|nyckeltalen|mått|måtten)(?![\p{L}])/iu;

/**
 * The goal columns of a table, KF's first: `Fullmäktigemål`, `KF-mål`, `Inriktningsmål` (kf);
 * `Nämndmål`, `Nämndens mål`, `Styrelsemål`, `Effektmål` (namnd); a column headed `Mål` whose
 * cells are sentences (not target figures) is the committee's.
 */
function goalColumns(table: DetectedTable): { col: number; level: GoalLevel }[] {
  const out: { col: number; level: GoalLevel }[] = [];
  const all = [
    { col: table.labelCol, text: table.labelHeader },
    ...table.columns.map((c) => ({ col: c.col, text: c.header.text })),
  ];
  for (const { col, text } of all) {
    const t = text.trim().toLowerCase();
    if (
      /^(fullmäktigemål|fullmäktiges mål|kommunfullmäktiges mål|kf-mål|kf:s mål|inriktningsmål|kommungemensamma mål|övergripande mål)/.test(
        t,
      )
    ) {
      out.push({ col, level: 'kf' });
    } else if (
      /^(nämndmål|nämndens mål|styrelsemål|effektmål|verksamhetsmål|nämndens prioriterade mål)/.test(
        t,
      )
    ) {
      out.push({ col, level: 'namnd' });
    } else if (table.columns.some((c) => c.col === col && c.header.role === 'goal')) {
      out.push({ col, level: 'namnd' });
    }
  }
  return out.sort((a, b) => (a.level === b.level ? a.col - b.col : a.level === 'kf' ? -1 : 1));
}

/**
 * A line that only names a goal's kind, the goal itself on the next line: `Inriktningsmål`,
 * `Övergripande mål` (fullmäktige's, at the top); `Delmål 1`, `Effektmål MP.3.1`, `Nämndmål`,
 * `Mål 2` (under the goal above).
 */
function goalHeading(text: string): 'top' | 'sub' | null {
  const t = text.trim().replace(/[:.]$/, '');
  if (
    /^(inriktningsmål|övergripande mål|fullmäktigemål|kf-mål|strategiskt mål)(\s+[\w.]{1,12})?$/iu.test(
      t,
    )
  )
    return 'top';
  if (/^(delmål|effektmål|nämndmål|verksamhetsmål|resultatmål|mål)(\s+[\w.]{1,12})?$/iu.test(t))
    return 'sub';
  return null;
}

/** A table's verdict column (`Bedömning`, `Måluppfyllelse`, `Status`, `Symbol`), or null. */
function verdictColumn(table: DetectedTable): number | null {
  const col = table.columns.find((c) =>
    /^(utfalls-?symbol|symbol|bedömning|måluppfyllelse|status|uppfyllt|signal)/i.test(
      c.header.text.trim(),
    ),
  );
  return col ? col.col : null;
}

/** The verdict a cell prints in words or as a symbol, or null. */
function cellVerdict(grid: SheetGrid, row: number, col: number): GoalVerdict | null {
  const t = grid.text(row, col);
  return t === '' ? null : (readVerdict(t) ?? symbolVerdict(t));
}

/** The verdict a table's verdict column prints for all its rows alike, or null. */
function tableVerdict(grid: SheetGrid, table: DetectedTable): GoalVerdict | null {
  const col = verdictColumn(table);
  if (col === null) return null;
  const seen = new Set<GoalVerdict>();
  for (const r of table.dataRows) {
    const t = grid.text(r, col);
    if (t === '') continue;
    const v = readVerdict(t) ?? symbolVerdict(t);
    if (v === null) return null; // a verdict the engine cannot read: none is assumed
    seen.add(v);
  }
  return seen.size === 1 ? ([...seen][0] ?? null) : null;
}

/**
 * A verdict given by a symbol: a smiling face or a tick is met, a frowning face or a cross is not;
 * a neutral face (`😐`, delvis or not possible to judge in the legends that use it) says nothing.
 */
function symbolVerdict(text: string): GoalVerdict | null {
  const t = text.trim();
  if (/^(😊|🙂|😀|😃|✔|✔️|✓|☑)$/u.test(t)) return 'helt';
  if (/^(😒|🙁|☹|☹️|😞|✗|✘|❌)$/u.test(t)) return 'ej';
  return null;
}

/** The single text line of a row, with its column, or null. */
function lineAt(grid: SheetGrid, row: number): { col: number; text: string } | null {
  const cols = grid.filledColumns(row);
  if (cols.length !== 1) return null;
  const col = cols[0] ?? 0;
  const v = grid.value(row, col);
  if (typeof v !== 'string') return null;
  return { col, text: grid.text(row, col) };
}

/**
 * Reads the goal tree of one sheet and links its indicators: goal lines above indicator tables
 * (a KF goal above the committee's goals, a goal titling its table), each committee goal under the
 * KF goal above it in the same section. An indicator table belongs to the goal nearest above it;
 * a table under no goal where the sheet has goals is said (`indicator-without-goal`), never
 * attached to a guess. A printed verdict in a goal's line (`… Målet uppfyllt`) is its
 * `reportedVerdict`; one its indicators contradict is a `verdict` check at its cell.
 */
export function readGoals(
  grid: SheetGrid,
  tables: readonly DetectedTable[],
  indicators: Indicator[],
  out: { goals: Goal[]; checks: Check[]; problems: Problem[] },
  settings: GoalSettings,
): void {
  let kf: { goal: Goal; section: number } | null = null;
  let current: Goal | null = null;
  let section = 0;
  let previousBottom = grid.firstRow - 1;
  let pendingHeading: { kind: 'top' | 'sub'; row: number } | null = null;
  /** The row of the last lead-in line (`Strategi:`), -1 when the last line was none. */
  let leadIn = -1;
  const sheetGoals: { goal: Goal; line: GoalLine }[] = [];
  const tableGoal = new Map<DetectedTable, Goal | null>();
  /** Rows of tables with a goal column: the goal each row stands under. */
  const rowGoal = new Map<number, Goal>();
  const make = (line: GoalLine, parent: Goal | null): Goal => {
    const goal: Goal = {
      id: '',
      sheet: grid.name,
      row: line.row,
      cell: address(line.row, line.col),
      text: line.text,
      level: line.level,
      parent: parent?.id ?? null,
      indicators: 0,
      met: 0,
      notMet: 0,
      unclear: 0,
      noOutcome: 0,
      verdict: 'ej-bedomd',
      rule: settings.rule ?? 'share',
      reportedVerdict: line.reported,
      reason: '',
    };
    goal.id = `G${out.goals.length + sheetGoals.length + 1}`;
    sheetGoals.push({ goal, line });
    return goal;
  };
  for (const table of tables) {
    const isIndicators = table.kind === 'indicators';
    const titleRow = table.top - 1;
    for (
      let r = grid.nextFilledRow(previousBottom + 1);
      r < table.top;
      r = grid.nextFilledRow(r + 1)
    ) {
      const line = lineAt(grid, r);
      if (!line) continue;
      if (SECTION.test(line.text.trim())) {
        section++;
        kf = null;
        current = null;
        continue;
      }
      // A line that only names a goal's kind (`Inriktningsmål`, `Delmål 1`, `Effektmål MP.3.1`)
      // heads the goal written on the next line.
      const heading = goalHeading(line.text);
      if (heading) {
        pendingHeading = { kind: heading, row: r };
        continue;
      }
      const headed =
        pendingHeading && pendingHeading.row === r - 1 && statesGoal(line.text)
          ? pendingHeading.kind
          : null;
      pendingHeading = null;
      // The text under a lead-in that is no goal heading (`Strategi:`, `Analys:`) is the lead-in's.
      const ledIn = leadIn === r - 1;
      leadIn = /:$/.test(line.text.trim()) ? r : -1;
      const level = headed
        ? headed === 'top'
          ? 'kf'
          : kf && kf.section === section
            ? kf.goal.level
            : 'namnd'
        : ledIn
          ? null
          : goalLevelOf(line.text, isIndicators && r === titleRow);
      if (!level) continue;
      const reported = readVerdict(line.text);
      const text = reported ? withoutVerdict(line.text) : line.text;
      const goalLine: GoalLine = { row: r, col: line.col, text, level, reported };
      if (headed === 'sub') {
        // A delmål or effektmål stands under the goal its section is about.
        current = make(goalLine, kf && kf.section === section ? kf.goal : null);
      } else if (level === 'kf') {
        const g = make(goalLine, null);
        kf = { goal: g, section };
        current = g;
      } else {
        current = make(goalLine, kf && kf.section === section ? kf.goal : null);
      }
    }
    previousBottom = table.bottom;
    const goalCols = goalColumns(table);
    if (goalCols.length > 0) {
      // A goal column: each goal's cell spans or precedes the rows of its indicators.
      const lastOf = new Map<number, { goal: Goal; row: number }>();
      // A table of goals only (no figures: `Nämndmål | Bedömning | Kommentar`): each row's
      // verdict column is that goal's printed verdict. Beside indicators it is theirs.
      const ownVerdicts = isIndicators ? null : verdictColumn(table);
      const lowest = goalCols[goalCols.length - 1]?.col;
      for (const r of table.dataRows) {
        let parent: Goal | null = null;
        for (const gc of goalCols) {
          const raw = grid.mergedText(r, gc.col);
          const own = grid.isMergedTail(r, gc.col) ? '' : raw;
          let entry = lastOf.get(gc.col) ?? null;
          if (own.trim() !== '' && !(entry && grid.isMergedTail(r, gc.col))) {
            const inCell = readVerdict(own);
            const text = inCell ? withoutVerdict(own) : own.trim();
            const reported =
              inCell ??
              (ownVerdicts && gc.col === lowest ? cellVerdict(grid, r, ownVerdicts) : null);
            const goal = make(
              { row: r, col: gc.col, text, level: gc.level, reported },
              gc.level === 'kf' ? null : parent,
            );
            entry = { goal, row: r };
            lastOf.set(gc.col, entry);
          }
          if (entry) {
            parent = entry.goal;
            rowGoal.set(r, entry.goal);
          }
        }
      }
      continue;
    }
    if (isIndicators) tableGoal.set(table, current);
  }
  if (sheetGoals.length === 0) return;
  const byGoal = new Map<Goal, Indicator[]>();
  for (const i of indicators) {
    const goal = i.sheet === grid.name ? rowGoal.get(i.row) : undefined;
    if (!goal) continue;
    i.goal = goal.id;
    const list = byGoal.get(goal);
    if (list) list.push(i);
    else byGoal.set(goal, [i]);
  }
  // Indicators by row, so each table finds its own without a pass over all of them.
  const byRow = new Map<number, Indicator>();
  for (const i of indicators) if (i.sheet === grid.name) byRow.set(i.row, i);
  for (const [table, goal] of tableGoal) {
    // A verdict column (`Bedömning`, `Utfalls-symbol`) whose rows agree is the goal's own verdict.
    if (goal && goal.reportedVerdict === null) goal.reportedVerdict = tableVerdict(grid, table);
    const own: Indicator[] = [];
    for (const r of table.dataRows) {
      const i = byRow.get(r);
      if (i) own.push(i);
    }
    if (!goal) {
      if (own.length > 0) {
        out.problems.push(
          problem(
            table.sheet,
            table.columns[0]?.headerCell ?? null,
            'warning',
            'indicator-without-goal',
          ),
        );
      }
      continue;
    }
    for (const i of own) i.goal = goal.id;
    const list = byGoal.get(goal);
    if (list) for (const i of own) list.push(i);
    else byGoal.set(goal, own);
  }
  for (const { goal, line } of sheetGoals) {
    const own = byGoal.get(goal) ?? [];
    // A goal with no indicators of its own is judged by those of the goals under it.
    const judgedBy =
      own.length > 0
        ? own
        : sheetGoals
            .filter((x) => x.goal.parent === goal.id)
            .flatMap((x) => byGoal.get(x.goal) ?? []);
    const j = judgeGoal(judgedBy, settings);
    goal.indicators = own.length;
    goal.met = j.met;
    goal.notMet = j.notMet;
    goal.unclear = j.unclear;
    goal.noOutcome = j.noOutcome;
    goal.verdict = j.verdict;
    goal.rule = j.rule;
    goal.reason =
      own.length === 0 && judgedBy.length > 0 ? `${j.reason}; via nämndmålen` : j.reason;
    if (
      goal.reportedVerdict &&
      goal.verdict !== 'ej-bedomd' &&
      goal.reportedVerdict !== goal.verdict
    ) {
      out.checks.push({
        sheet: goal.sheet,
        row: goal.row,
        cell: address(line.row, line.col),
        label: goal.text,
        kind: 'verdict',
        reported: goal.reportedVerdict,
        computed: goal.verdict,
        difference: 0,
        severity: 'mismatch',
      });
    }
    out.goals.push(goal);
  }
}
