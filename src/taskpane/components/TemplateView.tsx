/**
 * The Mall view, shown when the analysed workbook is one of the product's filled templates
 * (`report.template`): how complete it is at the top, in all and per sheet, then its gaps grouped
 * by sheet (empty required cells, variances past the threshold without a comment, contradicted
 * verdicts, riskvärde typed over its formula, formulas replaced by typed numbers). Each gap is a
 * button that asks the host to select its cell; in standalone mode it only says where the cell is.
 */
import { Badge, Button, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { CARD_ITEM, CARD_LIST } from './listStyles';
import { useMemo } from 'react';
import type { Template, TemplateGap } from '../../domain/report';
import { cellRef } from '../findings';
import { useMessages } from '../LocaleContext';
import { formatNumber, type Locale } from '../messages';

/** Gaps drawn per sheet; the rest are counted. */
export const GAPS_PER_SHEET = 200;

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS} 0` },
  sheetHeading: {
    fontSize: tokens.fontSizeBase300,
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS} 0`,
  },
  total: { fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalXS} 0` },
  plain: { listStyle: 'none', padding: 0, margin: `${tokens.spacingVerticalS} 0 0 0` },
  list: CARD_LIST,
  item: {
    ...CARD_ITEM,
    width: '100%',
  },
  top: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  ref: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForeground1,
  },
  detail: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** `87,5 %` / `87.5 %`: a share with one decimal, as the language writes it. */
export function templatePercent(value: number, locale: Locale): string {
  return `${formatNumber(value, locale, 1, 1)} %`;
}

/** A sheet's filled share in percent, one decimal (100 for a sheet that asks for nothing). */
function share(filled: number, required: number): number {
  return required === 0 ? 100 : Math.round((filled * 1000) / required) / 10;
}

export function TemplateView(props: {
  template: Template;
  /** Excel can go to a cell; standalone mode only says where it is. */
  canSelect: boolean;
  onSelect: (sheet: string, cell: string) => void;
}): JSX.Element {
  const m = useMessages();
  const t = m.templates;
  const s = useStyles();
  const { template } = props;
  const filled = template.sheets.reduce((a, x) => a + x.filled, 0);
  const required = template.sheets.reduce((a, x) => a + x.required, 0);
  const bySheet = useMemo(() => {
    const groups = new Map<string, TemplateGap[]>();
    for (const g of template.gaps) {
      const list = groups.get(g.sheet);
      if (list) list.push(g);
      else groups.set(g.sheet, [g]);
    }
    return [...groups];
  }, [template]);
  const pct = (n: number): string => templatePercent(n, m.locale);
  return (
    <section aria-labelledby="template-heading" data-testid="template-view">
      <h2 id="template-heading" className={s.heading}>
        {t.viewTitle}
      </h2>
      <p className={s.total} data-testid="template-completeness">
        {t.complete(pct(template.completeness), filled, required)}
      </p>
      <ProgressBar value={template.completeness / 100} thickness="large" aria-hidden />
      <ul className={s.plain} aria-label={t.viewTitle}>
        {template.sheets.map((x) => (
          <li key={x.sheet}>
            {t.sheetLine(x.sheet, pct(share(x.filled, x.required)), x.filled, x.required)}
          </li>
        ))}
      </ul>
      <h3 className={s.sheetHeading}>{t.gapsTitle(template.gaps.length)}</h3>
      {template.gaps.length === 0 && <p className={s.empty}>{t.noGaps}</p>}
      {bySheet.map(([sheet, gaps]) => (
        <section key={sheet} aria-label={`${sheet} (${gaps.length})`}>
          <h4 className={s.sheetHeading}>{`${sheet} (${gaps.length})`}</h4>
          <ul className={s.list}>
            {gaps.slice(0, GAPS_PER_SHEET).map((g) => (
              <GapItem
                key={`${g.cell}-${g.kind}`}
                gap={g}
                canSelect={props.canSelect}
                onSelect={props.onSelect}
              />
            ))}
          </ul>
          {gaps.length > GAPS_PER_SHEET && (
            <p className={s.detail}>{t.moreGaps(gaps.length - GAPS_PER_SHEET)}</p>
          )}
        </section>
      ))}
    </section>
  );
}

function GapItem(props: {
  gap: TemplateGap;
  canSelect: boolean;
  onSelect: (sheet: string, cell: string) => void;
}): JSX.Element {
  const m = useMessages();
  const t = m.templates;
  const s = useStyles();
  const g = props.gap;
  const ref = cellRef(g.sheet, g.cell) ?? g.cell;
  return (
    <li>
      <Button
        appearance="subtle"
        className={s.item}
        onClick={() => props.onSelect(g.sheet, g.cell)}
        aria-description={props.canSelect ? m.goToCell(ref) : t.cellAt(ref)}
        data-kind={g.kind}
      >
        <span className={s.top}>
          <Badge
            appearance="tint"
            size="small"
            color={g.kind === 'empty' ? 'informative' : 'warning'}
          >
            {t.gapKind[g.kind]}
          </Badge>
          <span className={s.ref}>{ref}</span>
        </span>
        <span className={s.detail}>{t.gapMeaning ? t.gapMeaning[g.kind] : g.message}</span>
      </Button>
    </li>
  );
}
