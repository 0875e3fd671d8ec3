/**
 * The findings, grouped by tabs (Alla, Kontroller, Avvikelser, Indikatorer, Risker, Problem) and
 * filtered by a search box, worst first. Each finding is a button: activating it (click, Enter,
 * Space) asks the host to select its cell.
 */
import {
  Badge,
  Button,
  Input,
  makeStyles,
  mergeClasses,
  shorthands,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { cellRef, filterFindings, GROUP_ORDER, type Finding } from '../findings';
import { useMessages } from '../LocaleContext';
import type { FindingGroup } from '../messages';

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  tabs: { flexWrap: 'wrap' },
  search: {
    width: '100%',
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
  list: {
    listStyle: 'none',
    padding: 0,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'left',
    alignItems: 'flex-start',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    fontWeight: tokens.fontWeightRegular,
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2),
  },
  critical: {
    borderLeftWidth: '4px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorPaletteRedBorder2,
  },
  warning: {
    borderLeftWidth: '4px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorPaletteDarkOrangeBorder2,
  },
  info: {
    borderLeftWidth: '4px',
    borderLeftStyle: 'solid',
    borderLeftColor: tokens.colorNeutralStroke1,
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', width: '100%' },
  title: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  ref: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
  },
  empty: { color: tokens.colorNeutralForeground3 },
});

const BADGE_COLOR = { critical: 'danger', warning: 'warning', info: 'informative' } as const;

export function FindingsView(props: {
  findings: readonly Finding[];
  onSelect(finding: Finding): void;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  const [group, setGroup] = useState<FindingGroup | 'all'>('all');
  const [query, setQuery] = useState('');
  const shown = useMemo(
    () => filterFindings(props.findings, group, query),
    [props.findings, group, query],
  );
  const count = (g: FindingGroup): number => props.findings.filter((f) => f.group === g).length;

  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={s.heading}>
        {m.findingsTitle} ({props.findings.length})
      </h2>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={group}
        onTabSelect={(_e, data) => setGroup(data.value as FindingGroup | 'all')}
        aria-label={m.findingsTitle}
      >
        <Tab value="all">{`${m.groupAll} (${props.findings.length})`}</Tab>
        {GROUP_ORDER.map((g) => (
          <Tab key={g} value={g}>{`${m.groups[g]} (${count(g)})`}</Tab>
        ))}
      </TabList>
      <Input
        className={s.search}
        contentBefore={<SearchRegular aria-hidden />}
        aria-label={m.filterLabel}
        placeholder={m.filterPlaceholder}
        value={query}
        onChange={(_e, data) => setQuery(data.value)}
        type="search"
      />
      {shown.length === 0 ? (
        <p className={s.empty}>{props.findings.length === 0 ? m.noFindingsAtAll : m.noFindings}</p>
      ) : (
        <ul className={s.list} aria-label={m.findingsTitle}>
          {shown.map((f) => {
            const ref = cellRef(f.sheet, f.cell) ?? m.noCell;
            return (
              <li key={f.id}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(s.item, s[f.severity])}
                  onClick={() => props.onSelect(f)}
                  aria-description={m.goToCell(ref)}
                  data-group={f.group}
                  data-severity={f.severity}
                >
                  <span className={s.top}>
                    <Badge color={BADGE_COLOR[f.severity]} appearance="tint" size="small">
                      {m.severity[f.severity]}
                    </Badge>
                    <span className={s.ref}>{ref}</span>
                  </span>
                  <span className={s.title}>{f.title}</span>
                  <span className={s.detail}>{f.detail}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
