/**
 * The command line's grammar: `namndplan analyze WORKBOOK.xlsx [--json FILE|-] [--out FILE]
 * [--risk-threshold N] [--summary|--quiet]`, `--help`, `--version`.
 */

import { DEFAULT_RISK_THRESHOLD } from '../domain/analyze';

/** What the user asked for. */
export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'analyze';
      input: string;
      /** Path of the JSON report, `-` for standard output. */
      json: string | null;
      /** Path of the report workbook. */
      out: string | null;
      riskThreshold: number;
      /** `summary`: always print it; `quiet`: never; `auto`: only when no --json/--out. */
      summary: 'auto' | 'summary' | 'quiet';
    };

/** A command line that does not follow the grammar (exit 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Parses the arguments after `namndplan`. Options may come before or after the file, and as
 * `--json=FILE` or `--json FILE`.
 *
 * @example parseArgs(['analyze', 'plan.xlsx', '--json', '-'])
 *   // → { kind: 'analyze', input: 'plan.xlsx', json: '-', out: null, riskThreshold: 12, summary: 'auto' }
 * @throws UsageError with a Swedish message.
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { kind: 'version' };
  const [command, ...rest] = argv;
  if (command === 'help') return { kind: 'help' };
  if (command !== 'analyze') throw new UsageError(`okänt kommando: ${command ?? ''}`);

  let input: string | null = null;
  let json: string | null = null;
  let out: string | null = null;
  let riskThreshold = DEFAULT_RISK_THRESHOLD;
  let summary: 'auto' | 'summary' | 'quiet' = 'auto';
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = rest[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError(`${name} behöver ett värde`);
      }
      i += 1;
      return next;
    };
    switch (name) {
      case '--json':
        json = value();
        break;
      case '--out':
      case '-o':
        out = value();
        break;
      case '--risk-threshold': {
        const raw = value();
        const n = Number(raw);
        if (!/^\d+$/.test(raw) || n < 1 || n > 25) {
          throw new UsageError(`--risk-threshold ska vara ett heltal 1–25, inte ${raw}`);
        }
        riskThreshold = n;
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
  }
  if (input === null) throw new UsageError('ange arbetsboken: namndplan analyze ARBETSBOK.xlsx');
  if (out === '-')
    throw new UsageError('--out behöver ett filnamn (arbetsboken kan inte skrivas till -)');
  return { kind: 'analyze', input, json, out, riskThreshold, summary };
}

/** The `--help` text, Swedish first, English second. */
export const HELP_TEXT = `namndplan – läser nämndens arbetsbok, kontrollerar räkningen, beräknar avvikelser
och bedömer indikatorer.

Användning:
  namndplan analyze ARBETSBOK.xlsx [--json RAPPORT.json|-] [--out RAPPORT.xlsx]
                                   [--risk-threshold N] [--summary|--quiet]
  namndplan --help | --version

Flaggor:
  --json FIL        skriv rapporten som JSON till FIL (- = standard ut)
  --out FIL         skriv standardtabellerna till en ny arbetsbok FIL (.xlsx)
  --risk-threshold N  risker med riskvärde ≥ N hamnar i internkontrollplanen (standard 12)
  --summary         skriv sammanfattningen även när --json/--out anges
  --quiet           skriv ingen sammanfattning

Utan --json och --out skrivs en sammanfattning. Arbetsboken ändras aldrig.
Slutstatus: 0 analyserad, 2 filen kan inte läsas, 1 annat fel.

English: analyze a committee workbook (.xlsx); --json writes the report (- for stdout),
--out writes the standard tables to a new workbook. Exit 0 analysed, 2 unreadable input, 1 other.
`;
