import type { Decimal } from './decimal';
import { toReportNumber } from './decimal';
import { directionFromCell, directionFromWords, type WordDirection } from './direction';
import { formatSwedish } from './format';
import { address } from './grid';
import type { Period } from './headers';
import { problem } from './messages';
import type { Direction, DirectionSource, Indicator, IndicatorStatus, Problem } from './report';
import type { SheetGrid } from './sheetGrid';
import type { DetectedTable, TableColumn } from './tables';
import { isSourceNoteLabel } from './tables';
import { genderColumns, genderSplit, isGenderColumn, MEN, WOMEN } from './genderSplit';
import { meets, parseTarget, type Target } from './targets';
import { figureWithUnit, sentenceCount, type ParsedNumber } from './values';

interface OutcomeFig {
  col: TableColumn;
  period: Period;
  value: ParsedNumber;
  forecast: boolean;
  /** Typed as text (`0,2`): read as written, never a 0–1 fraction of a percent format. */
  asText: boolean;
  /** The unit written with the figure (`15 µg/m3`), or null. */
  unit: string | null;
}

interface TargetFig {
  col: TableColumn;
  year: number | null;
  target: Target;
}

/** Sort key of an outcome: later periods first; an outcome beats a forecast of the same period. */
function outcomeKey(o: OutcomeFig): number {
  return o.period.year * 1000 + o.period.month * 10 + (o.forecast ? 0 : 1);
}

/** A target column that states a limit not to be exceeded. */
const LIMIT = /(?<![\p{L}])(gränsvärde|gränsvärden|maxvärde|högsta tillåtna)(?![\p{L}])/iu;

/** A unit as compared: `µg/m3` and `µg/m³`, `Ton/inv` and `ton/inv` are one. */
function unitKey(unit: string): string {
  return unit.toLowerCase().replace(/³/g, '3').replace(/²/g, '2').replace(/\s+/g, '');
}

/** Strips a trailing `Källa: ...` from an indicator's name. */
export function indicatorName(label: string): string {
  const i = label.search(/\s*källa\s*:/i);
  return (i > 0 ? label.slice(0, i) : label).trim();
}

/**
 * Assesses every indicator row of a table: the latest outcome against the target of its year
 * (or the nearest later one, or an undated accepted level). See domain.md "Indicators".
 */
export function assessIndicators(
  grid: SheetGrid,
  table: DetectedTable,
  out: { indicators: Indicator[]; problems: Problem[] },
  elsewhere: ReadonlyMap<string, WordDirection> = new Map(),
): void {
  const outcomeCols = table.columns.filter(
    (c) => c.header.role === 'outcome' || c.header.role === 'forecast',
  );
  const yearCols = table.columns.filter((c) => c.header.role === 'year' && c.header.period);
  // A women's or men's column is a split of the outcome, not the outcome: it is compared only when
  // the table has no outcome column of its own (`Utfall år | Utfall kvinnor | Utfall män`).
  const ofAll = (cols: TableColumn[]): TableColumn[] => {
    const whole = cols.filter((c) => !isGenderColumn(c));
    return whole.length > 0 ? whole : cols;
  };
  const outcomesFrom = outcomeCols.length > 0 ? ofAll(outcomeCols) : ofAll(yearCols);
  // An outcome column without a year (`Utfall`) belongs to the table's one year, if it has one.
  const years = new Set(
    table.columns.map((c) => c.header.period?.year).filter((y) => y !== undefined),
  );
  const tableYear = years.size === 1 ? ([...years][0] ?? 0) : 0;
  const periodOf = (c: TableColumn): Period =>
    c.header.period ?? { year: tableYear, month: 12, interim: false };
  const targetCols =
    table.kind === 'indicators' ? table.columns.filter((c) => c.header.role === 'target') : [];
  const directionCol = table.columns.find((c) => c.header.role === 'direction');
  const goalDirection = closestDirection(table.contextLines);

  const splitCols = genderColumns(table);
  const rows = indicatorRows(grid, table, [...outcomesFrom, ...targetCols]);
  for (const r of rows) {
    const label = grid.text(r, table.labelCol);
    const name = indicatorName(label);
    const outcomes: OutcomeFig[] = [];
    for (const c of outcomesFrom) {
      const cell = grid.value(r, c.col);
      const withUnit = typeof cell === 'string' ? figureWithUnit(cell) : null;
      const v = grid.number(r, c.col) ?? withUnit?.figure;
      if (v)
        outcomes.push({
          col: c,
          period: periodOf(c),
          value: v,
          forecast: c.header.role === 'forecast',
          asText: typeof cell === 'string',
          unit: withUnit?.unit ?? null,
        });
    }
    const targets: TargetFig[] = [];
    let unreadable: { text: string; period: string } | null = null;
    for (const c of targetCols) {
      const t = parseTarget(grid.value(r, c.col), grid.format(r, c.col));
      if (t === 'unreadable') {
        unreadable ??= { text: grid.text(r, c.col), period: c.header.text };
        out.problems.push(
          problem(table.sheet, address(r, c.col), 'warning', 'unreadable-target', {
            text: grid.text(r, c.col),
          }),
        );
        continue;
      }
      // A limit (`Gränsvärde`) is a level not to be exceeded: a plain number under it is `≤`.
      const limit = t && t.op === 'plain' && LIMIT.test(c.header.text);
      if (t)
        targets.push({
          col: c,
          year: c.header.period?.year ?? null,
          target: limit ? { ...t, op: '<=' } : t,
        });
    }
    outcomes.sort((a, b) => outcomeKey(b) - outcomeKey(a));
    const latest = outcomes[0] ?? null;
    const dirCell = directionCol ? directionFromCell(grid.text(r, directionCol.col)) : null;
    const assessed =
      targets.length === 0 && unreadable
        ? unreadableTarget(unreadable, latest)
        : assess(name, latest, outcomes, targets, targetCols.length > 0, {
            column: dirCell,
            goal: goalDirection,
            elsewhere: elsewhere.get(indicatorKey(name)) ?? null,
          });
    const split = genderSplit(grid, table, r, latest?.col ?? null, splitCols);
    // Written out, not spread: spreading objects of many shapes is slow.
    out.indicators.push({
      sheet: table.sheet,
      row: r,
      cell: address(r, table.labelCol),
      name,
      target: assessed.target,
      targetPeriod: assessed.targetPeriod,
      outcome: assessed.outcome,
      outcomePeriod: assessed.outcomePeriod,
      direction: assessed.direction,
      status: assessed.status,
      reason: assessed.reason,
      goal: null,
      directionSource: assessed.directionSource,
      outcomeWomen: split?.women ?? null,
      outcomeMen: split?.men ?? null,
    });
  }
}

/** An indicator's name as a key across sheets: case and spacing folded, `Källa` left out. */
export function indicatorKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[.:]+$/, '')
    .trim();
}

/**
 * The directions the workbook's operators give its indicators (`Minst 34` on one sheet tells
 * which way the same indicator with a plain `34` on another sheet is better). Names given
 * conflicting operators get none.
 */
export function collectOperatorDirections(
  grid: SheetGrid,
  table: DetectedTable,
  into: Map<string, WordDirection>,
): void {
  const targetCols = table.columns.filter((c) => c.header.role === 'target');
  if (targetCols.length === 0) return;
  for (const r of table.dataRows) {
    const label = grid.text(r, table.labelCol);
    if (label === '' || isSourceNoteLabel(label)) continue;
    for (const c of targetCols) {
      const t = parseTarget(grid.value(r, c.col), grid.format(r, c.col));
      if (t === null || t === 'unreadable') continue;
      const d: WordDirection =
        t.op === '>=' || t.op === '>' ? 'higher' : t.op === '<=' || t.op === '<' ? 'lower' : null;
      if (!d) continue;
      const key = indicatorKey(indicatorName(label));
      const seen = into.get(key);
      into.set(key, seen === undefined || seen === d ? d : null);
    }
  }
}

/** A target cell the engine cannot read: `unclear`, never `no-target`. */
function unreadableTarget(
  t: { text: string; period: string },
  latest: OutcomeFig | null,
): Assessed {
  return {
    target: t.text,
    targetPeriod: t.period,
    outcome: latest ? toReportNumber(latest.value.value) : null,
    outcomePeriod: latest ? latest.col.header.text : null,
    direction: 'unknown',
    status: 'unclear',
    reason: `Målet "${t.text}" (${t.period}) går inte att tolka; indikatorn kan inte bedömas.`,
    directionSource: null,
  };
}

/** Data rows that are indicators: not `Källa:` rows, not trailing notes under the table. */
function indicatorRows(grid: SheetGrid, table: DetectedTable, valueCols: TableColumn[]): number[] {
  const hasValue = (r: number): boolean => valueCols.some((c) => !grid.isBlank(r, c.col));
  const candidates = table.dataRows.filter((r) => {
    const label = grid.text(r, table.labelCol);
    // `Kvinnor` / `Män` rows under an indicator are its split, not indicators of their own.
    const split = label.length < 12 && (WOMEN.test(label) || MEN.test(label));
    return label !== '' && !isSourceNoteLabel(label) && !/^\*/.test(label) && !split;
  });
  const anyValues = candidates.some(hasValue);
  if (!anyValues) return candidates;
  let last = -1;
  candidates.forEach((r, i) => {
    if (hasValue(r)) last = i;
  });
  return candidates.slice(0, last + 1);
}

type Assessed = Pick<
  Indicator,
  | 'target'
  | 'targetPeriod'
  | 'outcome'
  | 'outcomePeriod'
  | 'direction'
  | 'status'
  | 'reason'
  | 'directionSource'
>;

/** What says which way an indicator is better, besides its own name. */
interface DirectionHints {
  column: WordDirection;
  goal: WordDirection;
  elsewhere: WordDirection;
}

function pickTarget(latest: OutcomeFig | null, targets: TargetFig[]): TargetFig | null {
  if (targets.length === 0) return null;
  const dated = targets
    .filter((t) => t.year !== null)
    .sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  const undated = targets.filter((t) => t.year === null);
  if (latest) {
    const y = latest.period.year;
    const same = dated.find((t) => t.year === y);
    if (same) return same;
    const later = dated.find((t) => (t.year ?? 0) > y);
    if (later) return later;
    if (undated[0]) return undated[0];
    return null;
  }
  return dated[0] ?? undated[0] ?? null;
}

function fmt(d: Decimal, percent: boolean): string {
  return `${formatSwedish(d)}${percent ? ' %' : ''}`;
}

function assess(
  name: string,
  latest: OutcomeFig | null,
  outcomes: OutcomeFig[],
  targets: TargetFig[],
  hasTargetColumns: boolean,
  hints: DirectionHints,
): Assessed {
  const outcome = latest ? toReportNumber(latest.value.value) : null;
  const outcomePeriod = latest ? latest.col.header.text : null;
  const chosen = pickTarget(latest, targets);
  if (!chosen) {
    if (targets.length > 0 && latest) {
      return {
        target: targets[targets.length - 1]?.target.text ?? null,
        targetPeriod: targets[targets.length - 1]?.col.header.text ?? null,
        outcome,
        outcomePeriod,
        direction: 'unknown',
        status: 'unclear',
        reason: `Målen gäller år före utfallet (${outcomePeriod ?? ''}); inget mål att jämföra med.`,
        directionSource: null,
      };
    }
    return {
      target: null,
      targetPeriod: null,
      outcome,
      outcomePeriod,
      direction: 'unknown',
      status: 'no-target',
      reason: hasTargetColumns ? 'Inget målvärde är angivet.' : 'Följetal utan mål; bedöms inte.',
      directionSource: null,
    };
  }
  const t = chosen.target;
  const target = t.text;
  const targetPeriod = chosen.col.header.text;
  const opDirection: Direction =
    t.op === 'range'
      ? 'range'
      : t.op === '>=' || t.op === '>'
        ? 'higher'
        : t.op === '<=' || t.op === '<'
          ? 'lower'
          : t.op === '='
            ? 'equal'
            : 'unknown';
  if (!latest) {
    return {
      target,
      targetPeriod,
      outcome: null,
      outcomePeriod: null,
      direction: opDirection,
      status: 'no-outcome',
      reason: `Mål ${target} (${targetPeriod}) finns men inget utfall ännu.`,
      directionSource: t.op === 'plain' ? null : 'operator',
    };
  }
  const value = latest.value.value;
  const verdict = (
    direction: Direction,
    status: IndicatorStatus,
    reason: string,
    directionSource: Assessed['directionSource'] = t.op === 'plain' ? null : 'operator',
  ): Assessed => ({
    target,
    targetPeriod,
    outcome,
    outcomePeriod,
    direction,
    status,
    reason,
    directionSource,
  });
  if (t.unit && latest.unit && unitKey(t.unit) !== unitKey(latest.unit)) {
    return verdict(
      opDirection,
      'unclear',
      `Utfallet är i ${latest.unit} och målet ${t.text} i ${t.unit}; enheterna går inte ihop.`,
    );
  }
  const percentish =
    t.percent || latest.value.percent || /%|(?<![\p{L}])andel(?![\p{L}])/iu.test(name);
  const shownOutcome = fmt(value, latest.value.percent || t.percent);
  const shownTarget = t.text;
  if (percentish && value.abs().gt(100)) {
    return verdict(
      opDirection,
      'unclear',
      `Utfallet ${formatSwedish(value)} (${outcomePeriod}) kan inte vara en andel i procent medan målet ${shownTarget} är det; enheterna går inte ihop.`,
    );
  }
  if (
    // Only a stored number can be a share of 0–1 shown as percent; `0,2` typed as text is 0,2.
    percentish &&
    !latest.value.percent &&
    !latest.asText &&
    value.abs().lte(1) &&
    !value.isZero() &&
    t.value.abs().gt(1)
  ) {
    return verdict(
      opDirection,
      'unclear',
      `Utfallet ${formatSwedish(value)} ser ut som en andel (0–1) medan målet ${shownTarget} är i procent; enheten går inte att fastställa.`,
    );
  }
  if (t.op !== 'plain') {
    const ok = meets(value, t);
    return verdict(
      opDirection,
      ok ? 'met' : 'not-met',
      `Utfallet ${shownOutcome} (${outcomePeriod}) ${ok ? 'uppfyller' : 'uppfyller inte'} målet ${shownTarget} (${targetPeriod}).`,
    );
  }
  // A plain number: equal is met whatever the direction.
  if (value.eq(t.value)) {
    return verdict(
      'unknown',
      'met',
      `Utfallet ${shownOutcome} (${outcomePeriod}) är lika med målet ${shownTarget} (${targetPeriod}).`,
    );
  }
  const resolved = resolveDirection(name, chosen, outcomes, hints);
  if (resolved.direction === null) {
    return verdict(
      'unknown',
      'unclear',
      `Målet ${shownTarget} anger ingen riktning ${resolved.why}; utfallet ${shownOutcome} kan inte bedömas.`,
    );
  }
  const met = resolved.direction === 'higher' ? value.gte(t.value) : value.lte(t.value);
  const word = resolved.direction === 'higher' ? 'högre' : 'lägre';
  const cmp = value.gt(t.value) ? 'högre än' : 'lägre än';
  return verdict(
    resolved.direction,
    met ? 'met' : 'not-met',
    `Utfallet ${shownOutcome} (${outcomePeriod}) är ${cmp} målet ${shownTarget} (${targetPeriod}); ${word} är bättre enligt ${resolved.why}.`,
    resolved.source,
  );
}

/**
 * Which way a plain-number target is better, in this order: a direction column; words in the
 * indicator's name or in the goal above it; the same indicator with an operator elsewhere in the
 * workbook; the history, only when unambiguous: at least two earlier outcomes, all on the same
 * side of the target (a target is often set below one unusually good year). Else unknown.
 */
function resolveDirection(
  name: string,
  chosen: TargetFig,
  outcomes: OutcomeFig[],
  hints: DirectionHints,
): { direction: WordDirection; why: string; source: DirectionSource | null } {
  if (hints.column) return { direction: hints.column, why: 'kolumnen Riktning', source: 'column' };
  const fromName = directionFromWords(name);
  if (fromName) return { direction: fromName, why: 'indikatorns namn', source: 'words' };
  const history = historyDirection(chosen, outcomes);
  if (hints.goal) {
    // The goal's words speak for an indicator only where its own history does not contradict
    // them: `självförsörjande ska öka` above a count of people on bistånd, whose target lies
    // below last year's outcome, says nothing about that count.
    const last = latestEarlier(chosen, outcomes);
    const lastSays =
      last && !last.value.value.eq(chosen.target.value)
        ? chosen.target.value.gt(last.value.value)
          ? 'higher'
          : 'lower'
        : null;
    if (lastSays && lastSays !== hints.goal) {
      return {
        direction: null,
        why: `eftersom målets formulering och historiken (${last?.col.header.text ?? ''}) pekar åt olika håll`,
        source: null,
      };
    }
    return { direction: hints.goal, why: 'målets formulering', source: 'words' };
  }
  if (hints.elsewhere) {
    return {
      direction: hints.elsewhere,
      why: 'samma indikator med operator på annat ställe i arbetsboken',
      source: 'elsewhere',
    };
  }
  if (history) return { ...history, source: 'history' };
  return {
    direction: null,
    why: 'och varken namnet, målet, arbetsboken eller historiken (minst två tidigare utfall på samma sida om målet) visar om högre eller lägre är bättre',
    source: null,
  };
}

/** The latest outcome before the target's year. */
function latestEarlier(chosen: TargetFig, outcomes: OutcomeFig[]): OutcomeFig | undefined {
  if (chosen.year === null) return undefined;
  return outcomes
    .filter((o) => o.period.year < (chosen.year ?? 0))
    .sort((a, b) => outcomeKey(b) - outcomeKey(a))[0];
}

/** The direction the history gives: at least two earlier outcomes, all on one side of the target. */
function historyDirection(
  chosen: TargetFig,
  outcomes: OutcomeFig[],
): { direction: WordDirection; why: string } | null {
  if (chosen.year === null) return null;
  const target = chosen.target.value;
  const earlier = outcomes.filter((o) => o.period.year < (chosen.year ?? 0));
  if (earlier.length < 2) return null;
  const above = earlier.every((o) => o.value.value.gt(target));
  const below = earlier.every((o) => o.value.value.lt(target));
  if (!above && !below) return null;
  const shown = earlier
    .sort((a, b) => outcomeKey(a) - outcomeKey(b))
    .map((o) => `${o.col.header.text} ${formatSwedish(o.value.value)}`)
    .join(', ');
  return {
    // A target above every earlier outcome asks for an increase; below every one, a decrease.
    direction: below ? 'higher' : 'lower',
    why: `historiken (målet jämfört med ${shown})`,
  };
}

/**
 * The direction asked for by the closest line above the table that asks for one. A goal is one
 * sentence: a paragraph of several (a page's intro, `Vårt uppdrag är att underlätta och förbättra
 * människors vardag. Vi ska …`) is text about the work, and its words set no indicator's direction.
 */
function closestDirection(lines: readonly string[]): WordDirection {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (sentenceCount(line) > 1) continue;
    const d = directionFromWords(line);
    if (d) return d;
  }
  return null;
}
