/**
 * The summary at the top of a report, leading with money as the CLI's does: first each budget
 * table's result against budget (its grand total's variance in the table's unit and percent), then
 * the largest unfavourable variances by amount (lines apart from totals, operating apart from
 * investments), each clickable to its cell; then goals and indicators; then the arithmetic; then
 * risks. Figures in definition lists, so screen readers read each with its label. The goals' and
 * the arithmetic's counts fold away under the money (one "Mål, indikatorer och räkningen" button),
 * so a 350 px pane shows the result against budget and the first findings without scrolling.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { MoneySummary } from '../../domain/output';
import type { Variance } from '../../domain/report';
import type { Summary } from '../findings';
import { useMessages } from '../LocaleContext';
import { formatNumber, type Messages } from '../messages';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  alert: { color: tokens.colorPaletteRedForeground1 },
  // Read by screen readers, not drawn: the Översikt tab above names the part already, and a
  // 350 px pane needs the line for the money.
  heading: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  subheading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXXS} 0`,
  },
  lines: { listStyleType: 'none', margin: 0, padding: 0 },
  line: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    paddingLeft: 0,
  },
  lead: { fontWeight: tokens.fontWeightSemibold },
  note: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    margin: `${tokens.spacingVerticalXS} 0 0 0`,
  },
  fold: {
    marginTop: tokens.spacingVerticalS,
    paddingLeft: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/**
 * How many of each list of largest variances are shown, so that the first findings stay in view
 * at a task pane's 350 × 800: three lines, two totals (the committee's result stands above them
 * already). The findings list holds them all.
 */
const MAX_SHOWN = { lines: 3, totals: 2 } as const;

export function SummaryView(props: {
  summary: Summary;
  money: MoneySummary;
  varianceThreshold: number;
  riskThreshold: number;
  onSelect: (sheet: string, cell: string) => void;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  const { summary, money, onSelect } = props;
  const [open, setOpen] = useState(false);
  const threshold = String(props.varianceThreshold).replace('.', m.locale === 'sv' ? ',' : '.');
  const row = (label: string, value: number, alert: boolean, testId: string): JSX.Element => (
    <>
      <dt className={s.term}>{label}</dt>
      <dd className={mergeClasses(s.value, alert && value > 0 && s.alert)} data-testid={testId}>
        {value}
      </dd>
    </>
  );
  const link = (v: Variance, text: string, lead: boolean): JSX.Element => (
    <li key={`${v.sheet}!${v.cell}`}>
      <Button
        appearance="transparent"
        size="small"
        className={mergeClasses(s.line, lead && s.lead)}
        onClick={() => onSelect(v.sheet, v.cell)}
      >
        {`${text} · ${v.sheet}!${v.cell}`}
      </Button>
    </li>
  );
  const largest: [Parameters<Messages['summaryLargest']>[0], Variance[]][] = [
    ['operating-lines', money.operating.lines],
    ['operating-totals', money.operating.totals],
    ['investment-lines', money.investments.lines],
    ['investment-totals', money.investments.totals],
  ];
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={s.heading}>
        {m.summaryTitle}
      </h2>

      <h3 className={s.subheading}>{m.summaryResultsTitle}</h3>
      <ul className={s.lines} data-testid="summary-results">
        {money.results.length === 0 && <li className={s.note}>{m.summaryNoBudgetTables}</li>}
        {money.results.map((r) =>
          r.result === null ? (
            <li key={r.title} className={s.note}>
              {/* The table's title is the document's, Swedish in either language. */}
              <span lang="sv-SE">{r.title}</span>: {m.summaryNoTotal}
            </li>
          ) : (
            link(r.result, resultText(r.result, r.pair.table.unit, m), true)
          ),
        )}
      </ul>

      <h3 className={s.subheading}>{m.summaryLargestTitle}</h3>
      <dl className={s.list}>
        {row(
          m.summaryUnfavourable(threshold),
          summary.unfavourableBeyondThreshold,
          true,
          'summary-unfavourable',
        )}
      </dl>
      {largest.every(([, list]) => list.length === 0) && (
        <p className={s.note}>{m.summaryNoUnfavourable(threshold)}</p>
      )}
      {largest.map(([part, list]) =>
        list.length === 0 ? null : (
          <div key={part} data-testid={`summary-largest-${part}`}>
            <p className={s.note}>{m.summaryLargest(part, threshold)}</p>
            <ul className={s.lines}>
              {list.slice(0, shown(part)).map((v) => link(v, varianceText(v, m), false))}
            </ul>
            {list.length > shown(part) && (
              <p className={s.note}>{m.summaryMore(list.length - shown(part))}</p>
            )}
          </div>
        ),
      )}

      <Button
        appearance="transparent"
        className={s.fold}
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        aria-controls="summary-more"
        onClick={() => setOpen(!open)}
      >
        {m.moreFigures}
      </Button>
      <div id="summary-more" hidden={!open}>
        <h3 className={s.subheading}>{m.summaryGoalsTitle}</h3>
        <dl className={s.list}>
          {row(
            `${m.summaryIndicators}: ${m.indicatorMet}`,
            summary.indicatorsMet,
            false,
            'summary-met',
          )}
          {row(
            `${m.summaryIndicators}: ${m.indicatorNotMet}`,
            summary.indicatorsNotMet,
            true,
            'summary-not-met',
          )}
          {row(
            `${m.summaryIndicators}: ${m.indicatorUnclear}`,
            summary.indicatorsUnclear,
            false,
            'summary-unclear',
          )}
          {row(
            `${m.summaryIndicators}: ${m.indicatorNoOutcome}`,
            summary.indicatorsNoOutcome,
            false,
            'summary-no-outcome',
          )}
          {row(
            `${m.summaryIndicators}: ${m.indicatorNoTarget}`,
            summary.indicatorsNoTarget,
            false,
            'summary-no-target',
          )}
          {row(m.summaryFoljetal, summary.foljetal, false, 'summary-foljetal')}
        </dl>

        <h3 className={s.subheading}>{m.summaryArithmeticTitle}</h3>
        <dl className={s.list}>
          {row(m.summaryMismatches, summary.mismatches, true, 'summary-mismatches')}
          {row(
            m.summaryRisksInPlan(props.riskThreshold),
            summary.risksInPlan,
            false,
            'summary-risks',
          )}
        </dl>
        <p className={s.note}>{m.summaryTables(summary.tables)}</p>
        <p className={s.note} data-testid="summary-coverage">
          {m.summaryCoverage(summary.recomputed, summary.tablesChecked, summary.notRecomputed)}
        </p>
      </div>
    </section>
  );
}

/** `Prognos 2023: -7 000 tkr (-1,0 %) mot budget, underskott`. */
function resultText(v: Variance, unit: Variance['unit'], m: Messages): string {
  return m.summaryResult(
    withYear(v.actual, v.baseline),
    m.amountWithUnit(formatNumber(v.variance, m.locale), unit ?? v.unit),
    percent(v, m),
    v.variance,
  );
}

/** `Funktionsstöd (Prognos 2023): -7 740 tkr (-3,7 %)`. */
function varianceText(v: Variance, m: Messages): string {
  return m.summaryVarianceLine(
    v.label.trim(),
    withYear(v.actual, v.baseline),
    m.amountWithUnit(formatNumber(v.variance, m.locale), v.unit),
    percent(v, m),
  );
}

function percent(v: Variance, m: Messages): string | null {
  return v.variancePercent === null ? null : formatNumber(v.variancePercent, m.locale, 1, 1);
}

/** `Prognos` beside `Budget 2023` is `Prognos 2023`, as the CLI says it. */
function withYear(actual: string, baseline: string): string {
  const a = actual.replace(/\s+/g, ' ').trim();
  if (/(19|20)\d\d/.test(a)) return a;
  const year = /(19|20)\d\d/.exec(baseline)?.[0];
  return year === undefined ? a : `${a} ${year}`;
}

/** How many of a list of largest variances the summary shows. */
function shown(part: string): number {
  return part.endsWith('totals') ? MAX_SHOWN.totals : MAX_SHOWN.lines;
}
