/**
 * The summary at the top of a report: unfavourable variances beyond the threshold, indicators by
 * status, risks in the plan and figures that do not add up. A definition list, so screen readers
 * read each figure with its label.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Summary } from '../findings';
import { useMessages } from '../LocaleContext';

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
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function SummaryView(props: {
  summary: Summary;
  varianceThreshold: number;
  riskThreshold: number;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  const { summary } = props;
  const row = (label: string, value: number, alert: boolean, testId: string): JSX.Element => (
    <>
      <dt className={s.term}>{label}</dt>
      <dd className={mergeClasses(s.value, alert && value > 0 && s.alert)} data-testid={testId}>
        {value}
      </dd>
    </>
  );
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading" className={s.heading}>
        {m.summaryTitle}
      </h2>
      <dl className={s.list}>
        {row(m.summaryMismatches, summary.mismatches, true, 'summary-mismatches')}
        {row(
          m.summaryUnfavourable(
            String(props.varianceThreshold).replace('.', m.locale === 'sv' ? ',' : '.'),
          ),
          summary.unfavourableBeyondThreshold,
          true,
          'summary-unfavourable',
        )}
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
    </section>
  );
}
