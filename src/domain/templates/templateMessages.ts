/**
 * The Swedish words of a template's gaps, one `switch` over every kind.
 */
import type { TemplateGapKind } from '../report';

/** What a gap message is made of. */
export interface GapParams {
  /** The line's label (verksamhet, projekt, mål, indikator, risk). */
  label: string;
  /** The column's header. */
  column?: string;
  /** comment-required: the variance and its percent, as shown; the thresholds. */
  variance?: string;
  percent?: string;
  threshold?: string;
  /** verdict-contradicts: the printed verdict, the computed one, the reason. */
  reported?: string;
  computed?: string;
  reason?: string;
}

function assertNever(x: never): never {
  throw new Error(`okänd typ av brist: ${String(x)}`);
}

/**
 * The gap's message. Example: gapMessage('empty', { label: 'Äldreomsorg', column: 'Prognos
 * helår' }) → 'Prognos helår saknas för Äldreomsorg'.
 */
export function gapMessage(kind: TemplateGapKind, p: GapParams): string {
  const label = p.label === '' ? 'raden' : p.label;
  switch (kind) {
    case 'empty':
      return `${p.column ?? 'Värde'} saknas för ${label}`;
    case 'comment-required':
      return `Kommentar krävs för ${label}: avvikelsen är ${p.variance ?? ''}${p.percent ? ` (${p.percent})` : ''}, gränsen är ${p.threshold ?? ''}`;
    case 'verdict-contradicts':
      return `Bedömningen ${p.reported ?? ''} för ${label} motsägs av indikatorerna, som ger ${p.computed ?? ''} (${p.reason ?? ''})`;
    case 'formula-overwritten':
      return `Formeln i ${p.column ?? 'cellen'} för ${label} är ersatt med ett inskrivet värde`;
    case 'risk-value-typed':
      return `Riskvärdet för ${label} är inskrivet, inte beräknat som sannolikhet × konsekvens`;
    default:
      return assertNever(kind);
  }
}
