/**
 * The grammar of `namndplan template --out MALL.xlsx [--from ARBETSBOK.xlsx] [--period "delår
 * 2025"] [--goal-scale 3|4]`: writes the product's templates, pre-filled from an analysed
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
}

/**
 * Parses the arguments after `namndplan template`.
 *
 * @example parseTemplateArgs(['--out', 'mall.xlsx', '--period', 'T1 2025'])
 *   // → { kind: 'template', out: 'mall.xlsx', from: null, period: 'T1 2025', scale: 4 }
 * @throws UsageError with a Swedish message.
 */
export function parseTemplateArgs(rest: readonly string[]): TemplateCommand {
  let out: string | null = null;
  let from: string | null = null;
  let period = 'period';
  let scale: 3 | 4 = 4;
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
  return { kind: 'template', out, from, period, scale };
}

/** The lines of `--help` on the template command. */
export const TEMPLATE_USAGE = `  namndplan template --out MALL.xlsx [--from ARBETSBOK.xlsx] [--period "delår 2025"]
                     [--goal-scale 3|4]`;

export const TEMPLATE_FLAGS = `Mallar (template):
  --out FIL         skriv mallarna (uppföljning drift och investeringar, måluppfyllelse,
                    internkontrollplan) till en ny arbetsbok FIL (.xlsx)
  --from FIL        fyll i verksamheter, budget, mål, indikatorer och risker från FIL
  --period TEXT     uppföljningens period i rubrikerna (t.ex. "delår 2025")
  --goal-scale 3|4  bedömningslistan med 4 steg (standard) eller 3
En ifylld mall känns igen av namndplan analyze: fullständighet och brister listas först.`;
