/**
 * The grammar of `namndplan template --out MALL.xlsx [--from ARBETSBOK.xlsx] [--period "delår
 * 2025"] [--goal-scale 3|4] [--threshold-amount N] [--threshold-percent P]`: writes the product's templates, pre-filled from an analysed
 * workbook when `--from` is given.
 */
import { UsageError, walkOptions } from './args';

/** `namndplan template …`. */
export interface TemplateCommand {
  kind: 'template';
  /** Path of the template workbook to write. */
  out: string;
  /** The workbook to pre-fill from, or null for an empty template. */
  from: string | null;
  /** The follow-up period, as the headers and titles say it: `delår 2025`. */
  period: string;
  /** The Bedömning list: four steps (default) or three. */
  scale: 3 | 4;
  /**
   * The comment-required rule's thresholds: an amount in the template's unit and a percent;
   * null where not given (`defaultThresholds(unit)`: 500 tkr scaled to the unit, 5 %).
   */
  thresholdAmount: number | null;
  thresholdPercent: number | null;
}

/**
 * A threshold as typed: `500`, `0,5`, `2.5`, not negative (Swedish decimal comma or a point).
 * @throws UsageError naming the flag and what it takes.
 */
function threshold(flag: string, raw: string, max: number, what: string): number {
  const t = raw.trim().replace(',', '.');
  const n = Number(t);
  if (!/^\d+(\.\d+)?$/.test(t) || n > max) {
    throw new UsageError(`${flag} ska vara ${what}, till exempel 500 eller 0,5, inte ${raw}`);
  }
  return n;
}

/**
 * Parses the arguments after `namndplan template`.
 *
 * @example parseTemplateArgs(['--out', 'mall.xlsx', '--period', 'T1 2025'])
 *   // → { kind: 'template', out: 'mall.xlsx', from: null, period: 'T1 2025', scale: 4,
 *   //     thresholdAmount: null, thresholdPercent: null }
 * @throws UsageError with a Swedish message.
 */
export function parseTemplateArgs(rest: readonly string[]): TemplateCommand {
  let out: string | null = null;
  let from: string | null = null;
  let period = 'period';
  let scale: 3 | 4 = 4;
  let thresholdAmount: number | null = null;
  let thresholdPercent: number | null = null;
  walkOptions(rest, (name, arg, value) => {
    switch (name) {
      case '--out':
      case '-o':
        out = value();
        break;
      case '--from':
        from = value();
        break;
      case '--period': {
        period = value().trim();
        if (period === '' || period.length > 60) {
          throw new UsageError('--period ska vara en kort text, till exempel "delår 2025"');
        }
        break;
      }
      case '--goal-scale': {
        const raw = value();
        if (raw !== '3' && raw !== '4') {
          throw new UsageError(`--goal-scale ska vara 3 eller 4 (steg), inte ${raw}`);
        }
        scale = raw === '3' ? 3 : 4;
        break;
      }
      case '--threshold-amount':
        thresholdAmount = threshold(
          name,
          value(),
          Number.MAX_SAFE_INTEGER,
          'ett belopp i mallens enhet',
        );
        break;
      case '--threshold-percent':
        thresholdPercent = threshold(name, value(), 1000, 'en procentsats 0–1000');
        break;
      default:
        throw new UsageError(
          arg.startsWith('-') ? `okänd flagga: ${arg}` : `oväntat argument: ${arg} (ange --from)`,
        );
    }
  });
  if (out === null) throw new UsageError('ange mallens fil: namndplan template --out MALL.xlsx');
  if (out === '-')
    throw new UsageError('--out behöver ett filnamn (mallen kan inte skrivas till -)');
  if (from === '-') throw new UsageError('--from behöver ett filnamn');
  return { kind: 'template', out, from, period, scale, thresholdAmount, thresholdPercent };
}

/** The lines of `--help` on the template command. */
export const TEMPLATE_USAGE = `  namndplan template --out MALL.xlsx [--from ARBETSBOK.xlsx] [--period "delår 2025"]
                     [--goal-scale 3|4] [--threshold-amount N] [--threshold-percent P]`;

export const TEMPLATE_FLAGS = `Mallar (template):
  --out FIL         skriv mallarna (uppföljning drift och investeringar, måluppfyllelse,
                    internkontrollplan) till en ny arbetsbok FIL (.xlsx)
  --from FIL        fyll i verksamheter, budget, mål, indikatorer och risker från FIL
  --period TEXT     uppföljningens period i rubrikerna (t.ex. "delår 2025")
  --goal-scale 3|4  bedömningslistan med 4 steg (standard) eller 3
  --threshold-amount N   kommentar krävs där |avvikelse| är minst N i mallens enhet
                    (standard 500 tkr, 500 000 kr, 0,5 mnkr)
  --threshold-percent P  … eller minst P % av budget (standard 5)
En ifylld mall känns igen av namndplan analyze: fullständighet och brister listas först.`;
