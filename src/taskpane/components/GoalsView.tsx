/**
 * The Mål view: the plan's goals as a tree (fullmäktige's goals, the committee's goals under them),
 * each with its verdict in a word and a signal colour (never colour alone), its count ("1 av 3
 * uppfyllda") and, where the document prints a verdict that differs, that one beside it. Each
 * goal opens to its indicators; activating a goal or an indicator asks the host to select its
 * cell. Indicators under no goal follow, and the följetal apart, since they are never judged.
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CARD_ITEM, CARD_LIST } from './listStyles';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { GoalVerdict, Indicator, Report } from '../../domain/report';
import { SIGNAL_COLOURS } from '../../domain/reportSheets';
import { cellRef } from '../findings';
import { goalCount, goalTree, type GoalNode } from '../goals';
import { useMessages } from '../LocaleContext';
import { formatNumber } from '../messages';

/** The report sheets' colours of a verdict, so the pane and the sheets agree. */
function colours(v: GoalVerdict): { backgroundColor: string; color: string } {
  const c = SIGNAL_COLOURS[`verdict-${v}`] ?? { fill: 'EDEDED', font: '3B3B3B' };
  return { backgroundColor: `#${c.fill}`, color: `#${c.font}` };
}

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  subheading: { fontSize: tokens.fontSizeBase300, margin: `${tokens.spacingVerticalM} 0 0 0` },
  list: CARD_LIST,
  nested: { paddingLeft: tokens.spacingHorizontalXL, marginTop: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  toggle: { flexShrink: 0, minWidth: '32px' },
  spacer: { flexShrink: 0, width: '32px' },
  item: {
    ...CARD_ITEM,
    flexGrow: 1,
    // A list's items as wide as the list (they are buttons, and a button is as wide as its words).
    width: '100%',
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  text: { fontWeight: tokens.fontWeightSemibold },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  verdict: {
    fontWeight: tokens.fontWeightSemibold,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
  },
  helt: colours('helt'),
  'i-hog-grad': colours('i-hog-grad'),
  delvis: colours('delvis'),
  ej: colours('ej'),
  'ej-bedomd': colours('ej-bedomd'),
  ref: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
});

type Styles = ReturnType<typeof useStyles>;

/** The verdict as a word on its signal colour. */
export function VerdictLabel(props: { verdict: GoalVerdict; s: Styles }): JSX.Element {
  const m = useMessages();
  return (
    <span
      className={mergeClasses(props.s.verdict, props.s[props.verdict])}
      data-verdict={props.verdict}
    >
      {m.verdict[props.verdict]}
    </span>
  );
}

function IndicatorItem(props: {
  indicator: Indicator;
  onSelect: (sheet: string, cell: string) => void;
  s: Styles;
  /** A följetal has no target by nature: its outcome is shown, not a status. */
  foljetal?: boolean;
}): JSX.Element {
  const m = useMessages();
  const { indicator: i, s } = props;
  const ref = cellRef(i.sheet, i.cell);
  const outcome = i.outcome === null ? null : formatNumber(i.outcome, m.locale);
  return (
    <li>
      <Button
        appearance="subtle"
        className={s.item}
        onClick={() => props.onSelect(i.sheet, i.cell)}
      >
        <span>{i.name}</span>
        <span className={s.meta}>
          {props.foljetal === true ? (
            outcome !== null && <span>{outcome}</span>
          ) : (
            <span>{m.status[i.status]}</span>
          )}
          {ref !== null && <span className={s.ref}>{ref}</span>}
        </span>
      </Button>
    </li>
  );
}

function GoalItem(props: {
  node: GoalNode;
  onSelect: (sheet: string, cell: string) => void;
  s: Styles;
}): JSX.Element {
  const m = useMessages();
  const { node, s } = props;
  const { goal } = node;
  const [open, setOpen] = useState(false);
  const count = goalCount(goal);
  const ref = cellRef(goal.sheet, goal.cell);
  const listId = `goal-${goal.id}-indicators`;
  const differs = goal.reportedVerdict !== null && goal.reportedVerdict !== goal.verdict;
  return (
    <li data-goal={goal.id}>
      <div className={s.row}>
        {node.indicators.length > 0 ? (
          <Button
            appearance="subtle"
            className={s.toggle}
            icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            aria-label={m.showIndicators(goal.text, node.indicators.length)}
            onClick={() => setOpen(!open)}
          />
        ) : (
          <span className={s.spacer} />
        )}
        <Button
          appearance="subtle"
          className={s.item}
          onClick={() => props.onSelect(goal.sheet, goal.cell)}
        >
          <span className={s.text}>{goal.text}</span>
          <span className={s.meta}>
            <VerdictLabel verdict={goal.verdict} s={s} />
            <span>{m.goalCount(count.met, count.of)}</span>
            {differs && goal.reportedVerdict !== null && (
              <span data-testid="reported-verdict">
                {m.goalReported(m.verdict[goal.reportedVerdict])}
              </span>
            )}
            {ref !== null && <span className={s.ref}>{ref}</span>}
          </span>
        </Button>
      </div>
      {open && (
        <ul id={listId} className={mergeClasses(s.list, s.nested)}>
          {node.indicators.map((i) => (
            <IndicatorItem
              key={`${i.sheet}!${i.cell}`}
              indicator={i}
              onSelect={props.onSelect}
              s={s}
            />
          ))}
        </ul>
      )}
      {node.children.length > 0 && (
        <ul className={mergeClasses(s.list, s.nested)}>
          {node.children.map((c) => (
            <GoalItem key={c.goal.id} node={c} onSelect={props.onSelect} s={s} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A titled list of indicators that belong to no goal. */
function IndicatorSection(props: {
  title: string;
  note?: string;
  foljetal?: boolean;
  indicators: readonly Indicator[];
  onSelect: (sheet: string, cell: string) => void;
  s: Styles;
  id: string;
}): JSX.Element {
  const { s } = props;
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id} className={s.subheading}>
        {props.title} ({props.indicators.length})
      </h3>
      {props.note !== undefined && <p className={s.note}>{props.note}</p>}
      <ul className={s.list} aria-labelledby={props.id}>
        {props.indicators.map((i) => (
          <IndicatorItem
            key={`${i.sheet}!${i.cell}`}
            indicator={i}
            onSelect={props.onSelect}
            s={s}
            foljetal={props.foljetal === true}
          />
        ))}
      </ul>
    </section>
  );
}

export function GoalsView(props: {
  report: Report;
  onSelect: (sheet: string, cell: string) => void;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  const tree = useMemo(() => goalTree(props.report), [props.report]);
  const rule = props.report.goals[0]?.rule ?? 'share';
  return (
    <section aria-labelledby="goals-heading">
      <h2 id="goals-heading" className={s.heading}>
        {m.goalsTitle}
      </h2>
      {tree.roots.length === 0 ? (
        <p className={s.note}>{m.noGoals}</p>
      ) : (
        <ul className={s.list} aria-label={m.goalsTreeLabel(m.goalRules[rule])}>
          {tree.roots.map((n) => (
            <GoalItem key={n.goal.id} node={n} onSelect={props.onSelect} s={s} />
          ))}
        </ul>
      )}
      {tree.roots.length > 0 && tree.loose.length > 0 && (
        <IndicatorSection
          id="goals-loose"
          title={m.looseIndicators}
          indicators={tree.loose}
          onSelect={props.onSelect}
          s={s}
        />
      )}
      {tree.foljetal.length > 0 && (
        <IndicatorSection
          id="goals-foljetal"
          title={m.foljetalTitle}
          note={m.foljetalNote}
          foljetal
          indicators={tree.foljetal}
          onSelect={props.onSelect}
          s={s}
        />
      )}
    </section>
  );
}
