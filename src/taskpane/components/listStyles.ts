/**
 * The styles the pane's clickable lists share (findings, goals, template gaps): a column of
 * cards, each a full-width left-aligned button with a thin border. Spread into `makeStyles`.
 */
import { shorthands, tokens } from '@fluentui/react-components';

/** A list without bullets whose items stand in a column. */
export const CARD_LIST = {
  listStyle: 'none',
  padding: 0,
  margin: 0,
  display: 'flex',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXS,
} as const;

/** A card: a button laid out as a column of lines, left-aligned, with a thin border. */
export const CARD_ITEM = {
  justifyContent: 'flex-start',
  textAlign: 'left',
  alignItems: 'flex-start',
  flexDirection: 'column',
  gap: tokens.spacingVerticalXXS,
  fontWeight: tokens.fontWeightRegular,
  ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2),
} as const;
