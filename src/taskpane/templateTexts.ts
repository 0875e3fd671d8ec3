/**
 * The pane's words for the templates, Swedish and English: the Mallar action and the Mall view of
 * a filled template. Part of the messages module (`messages.ts` takes them as `m.templates`), kept
 * apart so the templates' texts change in one place.
 */
import type { TemplateGapKind } from '../domain/report';

/** The words of the templates: the Mallar action and the Mall view of a filled template. */
export interface TemplateTexts {
  action: string;
  actionHintExcel: string;
  actionHintFile: string;
  doneExcel: (names: string[]) => string;
  doneFile: (name: string) => string;
  cancelled: string;
  confirmTitle: string;
  confirmBody: (names: string[]) => string;
  viewTitle: string;
  /** `87,5 % ifylld (35 av 40 obligatoriska celler)`; the percent already formatted. */
  complete: (percent: string, filled: number, required: number) => string;
  sheetLine: (sheet: string, percent: string, filled: number, required: number) => string;
  gapsTitle: (count: number) => string;
  noGaps: string;
  gapKind: Record<TemplateGapKind, string>;
  /** English: what the gap means (the engine's own sentence is Swedish). */
  gapMeaning: Record<TemplateGapKind, string> | null;
  /** A gap's cell in standalone mode, where the pane cannot go there. */
  cellAt: (ref: string) => string;
  moreGaps: (count: number) => string;
}

export const TEMPLATE_TEXTS: Record<'sv' | 'en', TemplateTexts> = {
  sv: {
    action: 'Mallar',
    actionHintExcel:
      'Lägg till mallarna uppföljning drift och investeringar, måluppfyllelse och internkontrollplan som nya blad, förifyllda från analysen',
    actionHintFile: 'Hämta mallarna som en arbetsbok, förifyllda från analysen',
    doneExcel: (names) => `Mallarna lades till: ${names.join(', ')}.`,
    doneFile: (name) => `${name} hämtades.`,
    cancelled: 'Inga mallar skrevs: de tidigare mallbladen är kvar som de var.',
    confirmTitle: 'Ersätta tidigare mallar?',
    confirmBody: (names) =>
      `Bladen ${names.join(', ')} är mallar som Nämndplan skrev tidigare. Det som fyllts i där försvinner när de skrivs om.`,
    viewTitle: 'Mall',
    complete: (percent, filled, required) =>
      `${percent} ifylld (${filled} av ${required} obligatoriska celler)`,
    sheetLine: (sheet, percent, filled, required) =>
      `${sheet}: ${percent} (${filled} av ${required})`,
    gapsTitle: (count) => `Brister (${count})`,
    noGaps: 'Inga brister: allt obligatoriskt är ifyllt.',
    gapKind: {
      empty: 'Obligatorisk cell tom',
      'comment-required': 'Kommentar saknas',
      'verdict-contradicts': 'Bedömningen motsägs',
      'formula-overwritten': 'Formel ersatt',
      'risk-value-typed': 'Riskvärde inskrivet',
    },
    gapMeaning: null,
    cellAt: (ref) => `Cell ${ref}`,
    moreGaps: (count) => `… och ${count} till`,
  },
  en: {
    action: 'Templates',
    actionHintExcel:
      'Add the templates (operating and investment follow-up, goal attainment, internal control plan) as new sheets, pre-filled from the analysis',
    actionHintFile: 'Download the templates as a workbook, pre-filled from the analysis',
    doneExcel: (names) => `Templates added: ${names.join(', ')}.`,
    doneFile: (name) => `${name} downloaded.`,
    cancelled: 'No templates written: the earlier template sheets are as they were.',
    confirmTitle: 'Replace earlier templates?',
    confirmBody: (names) =>
      `The sheets ${names.join(', ')} are templates Nämndplan wrote earlier. What was filled in there is lost when they are rewritten.`,
    viewTitle: 'Template',
    complete: (percent, filled, required) =>
      `${percent} filled in (${filled} of ${required} required cells)`,
    sheetLine: (sheet, percent, filled, required) =>
      `${sheet}: ${percent} (${filled} of ${required})`,
    gapsTitle: (count) => `Gaps (${count})`,
    noGaps: 'No gaps: everything required is filled in.',
    gapKind: {
      empty: 'Required cell empty',
      'comment-required': 'Comment missing',
      'verdict-contradicts': 'Verdict contradicted',
      'formula-overwritten': 'Formula replaced',
      'risk-value-typed': 'Risk value typed in',
    },
    gapMeaning: {
      empty: 'A cell the committee must fill in is empty.',
      'comment-required': 'The variance is past the threshold and has no comment.',
      'verdict-contradicts': "The goal's indicators give another verdict than the one chosen.",
      'formula-overwritten': 'A formula cell holds a typed number instead of its formula.',
      'risk-value-typed': 'The risk value is typed in, not computed as probability × consequence.',
    },
    cellAt: (ref) => `Cell ${ref}`,
    moreGaps: (count) => `… and ${count} more`,
  },
};
