/**
 * The findings, grouped by tabs (Alla, Kontroller, Avvikelser, Indikatorer, Risker, Problem) and
 * filtered by a search box, worst first. Each finding is a button: activating it (click, Enter,
 * Space) asks the host to select its cell. Its accessible name (its content) says what the finding
 * says first, then where (`Totalt (Prognos 2023) Ekonomi!B9 Varning Avvikelse …`); only where the
 * host can select cells does it promise "Gå till" (standalone, the place is said, not promised).
 *
 * Drawn a page at a time: the worst `PAGE_SIZE` of what the tab and the search keep, then
 * "Visa 200 till" for the next page, whose first finding then takes the focus. So 50 000 findings
 * cost 200 list items, not 380 000 DOM nodes, while every item stays a real button in a real list
 * (Tab, Enter, the browser's find and a screen reader's list navigation work as before). The
 * search runs on text lowered once per report, and lags the typing rather than blocking it.
 */
import {
  Badge,
  Button,
  Input,
  makeStyles,
  mergeClasses,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { CARD_ITEM, CARD_LIST } from './listStyles';
import { SearchRegular } from '@fluentui/react-icons';
import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  cellRef,
  countByGroup,
  filterFindings,
  GROUP_ORDER,
  searchText,
  type Finding,
} from '../findings';
import { useMessages } from '../LocaleContext';
import { formatNumber, type FindingGroup } from '../messages';

/** Findings drawn at first, and added by each "Visa fler". */
export const PAGE_SIZE = 200;

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  tabs: { flexWrap: 'wrap' },
  search: {
    width: '100%',
    marginTop: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalS,
  },
  list: CARD_LIST,
  item: {
    ...CARD_ITEM,
    width: '100%',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
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
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  detail: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  ref: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
  },
  empty: { color: tokens.colorNeutralForeground3 },
  more: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
    color: tokens.colorNeutralForeground2,
  },
});

const BADGE_COLOR = { critical: 'danger', warning: 'warning', info: 'informative' } as const;

export function FindingsView(props: {
  findings: readonly Finding[];
  onSelect: (finding: Finding) => void;
  /** Whether the host can select a finding's cell (Excel); a picked file cannot. */
  canSelect?: boolean;
  /** Findings a page; `PAGE_SIZE` unless told (tests use fewer). */
  pageSize?: number;
}): JSX.Element {
  const pageSize = props.pageSize ?? PAGE_SIZE;
  const m = useMessages();
  const s = useStyles();
  const [group, setGroup] = useState<FindingGroup | 'all'>('all');
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const { findings } = props;
  // Made on the first search, not with the results: 50 000 texts cost the first frame ~70 ms.
  const searching = deferredQuery.trim() !== '';
  const texts = useMemo(
    () => (searching ? findings.map(searchText) : undefined),
    [findings, searching],
  );
  const counts = useMemo(() => countByGroup(findings), [findings]);
  const shown = useMemo(
    () => filterFindings(findings, group, deferredQuery, texts),
    [findings, group, deferredQuery, texts],
  );
  // Another tab, search or report starts again at the first page.
  const [page, setPage] = useState({ of: shown, limit: pageSize });
  const limit = page.of === shown ? page.limit : pageSize;
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    if (focusFrom.current === null) return;
    const first = list.current?.querySelector<HTMLElement>(
      `li[aria-posinset="${focusFrom.current + 1}"] button`,
    );
    focusFrom.current = null;
    first?.focus();
  }, [limit]);

  const visible = shown.length > limit ? shown.slice(0, limit) : shown;
  const num = (n: number): string => formatNumber(n, m.locale);
  const next = Math.min(pageSize, shown.length - visible.length);

  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading" className={s.heading}>
        {m.findingsTitle} ({findings.length})
      </h2>
      <TabList
        className={s.tabs}
        size="small"
        selectedValue={group}
        onTabSelect={(_e, data) => setGroup(data.value as FindingGroup | 'all')}
        aria-label={m.findingsTitle}
      >
        <Tab value="all">{`${m.groupAll} (${findings.length})`}</Tab>
        {/* An empty group is no place to go: its tab is left out (a 350 px pane has one row). */}
        {GROUP_ORDER.filter((g) => counts[g] > 0 || g === group).map((g) => (
          <Tab key={g} value={g}>{`${m.groups[g]} (${counts[g]})`}</Tab>
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
        <p className={s.empty}>{findings.length === 0 ? m.noFindingsAtAll : m.noFindings}</p>
      ) : (
        <>
          <ul
            ref={list}
            className={s.list}
            aria-label={m.findingsTitle}
            aria-describedby={next > 0 ? 'findings-shown' : undefined}
          >
            {visible.map((f, i) => (
              <FindingItem
                key={f.id}
                finding={f}
                position={i + 1}
                total={shown.length}
                onSelect={props.onSelect}
                canSelect={props.canSelect !== false}
              />
            ))}
          </ul>
          {next > 0 && (
            <div className={s.more}>
              <span id="findings-shown">
                {m.findingsShown(num(visible.length), num(shown.length))}
              </span>
              <Button
                onClick={() => {
                  focusFrom.current = visible.length;
                  setPage({ of: shown, limit: visible.length + pageSize });
                }}
              >
                {m.showMore(num(next))}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/**
 * One finding as a list item holding a button. Memoised: showing the next page draws only the new
 * items. `position` of `total` is told to screen readers (aria-posinset/-setsize), so "3 av 46 110"
 * is said even while only 200 are drawn.
 */
const FindingItem = memo(function FindingItem(props: {
  finding: Finding;
  position: number;
  total: number;
  onSelect: (finding: Finding) => void;
  canSelect: boolean;
}): JSX.Element {
  const m = useMessages();
  const s = useStyles();
  const f = props.finding;
  const place = cellRef(f.sheet, f.cell);
  // Drawn in the order a listener needs, so its name (its content) is too: what it says, where,
  // how serious, the figures.
  return (
    <li aria-posinset={props.position} aria-setsize={props.total}>
      <Button
        appearance="subtle"
        className={mergeClasses(s.item, s[f.severity])}
        onClick={() => props.onSelect(f)}
        aria-description={props.canSelect && place !== null ? m.goToCell(place) : undefined}
        data-group={f.group}
        data-severity={f.severity}
      >
        <span className={s.title}>{f.title}</span>
        <span className={s.top}>
          <span className={s.ref}>{place ?? m.noCell}</span>
          <Badge color={BADGE_COLOR[f.severity]} appearance="tint" size="small">
            {m.severity[f.severity]}
          </Badge>
        </span>
        <span className={s.detail}>{f.detail}</span>
      </Button>
    </li>
  );
});
