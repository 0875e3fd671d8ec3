/**
 * The command line's grammar: `namndplan analyze WORKBOOK.xlsx [--json FILE|-] [--out FILE]
 * [--docx FILE] [--risk-threshold N] [--variance-threshold P] [--goal-rule R] [--goal-scale 3|4]
 * [--goal-upper P] [--goal-lower P] [--summary|--quiet]`, `--help`, `--version`.
 */

import { DEFAULT_RISK_THRESHOLD } from '../domain/analyze';
import type { GoalSettings } from '../domain/report';
import {
  parseTemplateArgs,
  TEMPLATE_FLAGS,
  TEMPLATE_USAGE,
  type TemplateCommand,
} from './templateArgs';
import { DEFAULT_VARIANCE_THRESHOLD_PERCENT } from '../domain/varianceThreshold';

/** What the user asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | TemplateCommand
  | {
      kind: 'analyze';
      input: string;
      /** Path of the JSON report, `-` for standard output. */
      json: string | null;
      /** Path of the report workbook. */
      out: string | null;
      /** Path of the Word file with the document tables. */
      docx: string | null;
      riskThreshold: number;
      /**
       * Unfavourable variances beyond this percent of budget are marked (report sheets) and listed
       * (summary); `--variance-threshold`, default 1.
       */
      varianceThreshold: number;
      /** How goals are judged: `--goal-rule`, `--goal-scale`, `--goal-upper`, `--goal-lower`. */
      goals: GoalSettings;
      /** `summary`: always print it; `quiet`: never; `auto`: only when no --json/--out/--docx. */
      summary: 'auto' | 'summary' | 'quiet';
    };

/**
 * Walks a command line's options: `--name=value` or `--name value` (a value may be `-`), calling
 * `handle` with the option's name, the argument as written, and `value()` to take its value.
 */
export function walkOptions(
  rest: readonly string[],
  handle: (name: string, arg: string, value: () => string) => void,
): void {
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    handle(name, arg, () => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`${name} behöver ett värde`);
      }
      i += 1;
      return next;
    });
  }
}

/** A command line that does not follow the grammar (exit 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Parses the arguments after `namndplan`. Options may come before or after the file, and as
 * `--json=FILE` or `--json FILE`.
 *
 * @example parseArgs(['analyze', 'plan.xlsx', '--json', '-'])
 *   // → { kind: 'analyze', input: 'plan.xlsx', json: '-', out: null, docx: null, riskThreshold: 12,
 *   //     varianceThreshold: 1, goals: {}, summary: 'auto' }
 * @throws UsageError with a Swedish message.
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === 'help') return { kind: 'help' };
  if (command === 'template') return parseTemplateArgs(rest);
  if (command !== 'analyze') throw new UsageError(`okänt kommando: ${command ?? ''}`);

  let input: string | null = null;
  let json: string | null = null;
  let out: string | null = null;
  let docx: string | null = null;
  let riskThreshold = DEFAULT_RISK_THRESHOLD;
  let varianceThreshold = DEFAULT_VARIANCE_THRESHOLD_PERCENT;
  const goals: GoalSettings = {};
  let summary: 'auto' | 'summary' | 'quiet' = 'auto';
  walkOptions(rest, (name, arg, value) => {
    switch (name) {
      case '--json':
        json = value();
        break;
      case '--out':
      case '-o':
        out = value();
        break;
      case '--docx':
        docx = value();
        break;
      case '--variance-threshold': {
        const raw = value();
        const n = Number(raw.replace(',', '.'));
        if (!/^\d+([.,]\d+)?$/.test(raw) || n > 100) {
          throw new UsageError(
            `--variance-threshold ska vara en andel i procent 0–100, inte ${raw}`,
          );
        }
        varianceThreshold = n;
        break;
      }
      case '--risk-threshold': {
        const raw = value();
        const n = Number(raw);
        if (!/^\d+$/.test(raw) || n < 1 || n > 25) {
          throw new UsageError(`--risk-threshold ska vara ett heltal 1–25, inte ${raw}`);
        }
        riskThreshold = n;
        break;
      }
      case '--goal-rule': {
        const raw = value();
        if (raw !== 'share' && raw !== 'worst' && raw !== 'bands') {
          throw new UsageError(`--goal-rule ska vara share, worst eller bands, inte ${raw}`);
        }
        goals.rule = raw;
        break;
      }
      case '--goal-scale': {
        const raw = value();
        if (raw !== '3' && raw !== '4') {
          throw new UsageError(`--goal-scale ska vara 3 eller 4 (steg), inte ${raw}`);
        }
        goals.scale = raw === '3' ? 3 : 4;
        break;
      }
      case '--goal-upper':
      case '--goal-lower': {
        const raw = value();
        const n = Number(raw);
        if (!/^\d+$/.test(raw) || n < 0 || n > 100) {
          throw new UsageError(`${name} ska vara en andel i procent 0–100, inte ${raw}`);
        }
        if (name === '--goal-upper') goals.upper = n;
        else goals.lower = n;
        break;
      }
      case '--summary':
        summary = 'summary';
        break;
      case '--quiet':
      case '-q':
        summary = 'quiet';
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`okänd flagga: ${arg}`);
        if (input !== null) throw new UsageError(`en arbetsbok i taget (fick även ${arg})`);
        input = arg;
    }
  });
  if (input === null) throw new UsageError('ange arbetsboken: namndplan analyze ARBETSBOK.xlsx');
  if (out === '-')
    throw new UsageError('--out behöver ett filnamn (arbetsboken kan inte skrivas till -)');
  if (docx === '-')
    throw new UsageError('--docx behöver ett filnamn (Word-filen kan inte skrivas till -)');
  if ((goals.upper ?? 75) < (goals.lower ?? 25)) {
    throw new UsageError('--goal-upper får inte vara lägre än --goal-lower');
  }
  return {
    kind: 'analyze',
    input,
    json,
    out,
    docx,
    riskThreshold,
    varianceThreshold,
    goals,
    summary,
  };
}

/** The `--help` text, Swedish first, English second. */
export const HELP_TEXT = `namndplan – läser nämndens arbetsbok, kontrollerar räkningen, beräknar avvikelser
och bedömer indikatorer.

Användning:
  namndplan analyze ARBETSBOK.xlsx [--json RAPPORT.json|-] [--out RAPPORT.xlsx]
                                   [--docx TABELLER.docx] [--risk-threshold N]
                                   [--variance-threshold P] [--goal-rule share|worst|bands]
                                   [--goal-scale 3|4] [--goal-upper P] [--goal-lower P]
                                   [--summary|--quiet]
${TEMPLATE_USAGE}
  namndplan --help | --version

Flaggor:
  --json FIL        skriv rapporten som JSON till FIL (- = standard ut)
  --out FIL         skriv standardtabellerna och kontrollistorna till en ny arbetsbok FIL (.xlsx)
  --docx FIL        skriv standardtabellerna som Word-tabeller till FIL (.docx)
  --risk-threshold N  risker med riskvärde ≥ N hamnar i internkontrollplanen (standard 12)
  --variance-threshold P  ogynnsamma avvikelser över P % av budget markeras och listas
                    (standard 1)
  --goal-rule R     hur målen bedöms av sina indikatorer: share (andel uppfyllda, standard),
                    worst (den svagaste avgör) eller bands (utfall i procent av målvärdet)
  --goal-scale 3|4  bedömningsskala: 4 steg (helt, i hög grad, delvis, ej; standard) eller 3
  --goal-upper P    share: minst P % uppfyllda är i hög grad uppfyllt (standard 75)
  --goal-lower P    share: minst P % uppfyllda är delvis uppfyllt (standard 25)
  --summary         skriv sammanfattningen även när --json/--out anges
  --quiet           skriv ingen sammanfattning

${TEMPLATE_FLAGS}

Utan --json, --out och --docx skrivs en sammanfattning. Arbetsboken ändras aldrig.
Slutstatus: 0 analyserad, 2 filen kan inte läsas, 1 annat fel.

English: analyze a committee workbook (.xlsx); --json writes the report (- for stdout),
--out writes the standard tables to a new workbook, --docx as Word tables. Exit 0 analysed,
2 unreadable input, 1 other.
`;
