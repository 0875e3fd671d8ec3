/**
 * The benchmark's corpus section: planted-error recall by kind over the seed fixtures and the
 * wild corpus (tests/golden/planted.ts), and the wild corpus's score, found / total by category
 * (tests/golden/wildHelpers.ts). The same figures the golden tests assert floors on.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookFile } from '../../src/adapters/xlsx/readWorkbookFile';
import { analyzeWorkbook } from '../../src/domain/analyze';
import { WILD_FIXTURES } from '../../tests/fixtures/wild';
import { ROOT } from '../../tests/golden/helpers';
import {
  PLANT_KINDS,
  recallOf,
  runPlanted,
  type PlantKind,
  type PlantOutcome,
  type Recall,
} from '../../tests/golden/planted';
import { SEED_STRUCTURES } from '../../tests/golden/seedStructure';
import {
  CATEGORIES,
  scoreFixture,
  summarize,
  wildPath,
  type Category,
  type Scored,
} from '../../tests/golden/wildHelpers';
import { fmt, renderTable } from './table';

const KIND_LABEL: Record<PlantKind, string> = {
  line: 'rad (line)',
  total: 'summa (total)',
  variance: 'avvikelse (variance)',
};

const CATEGORY_LABEL: Record<Category, string> = {
  tables: 'tabeller',
  variances: 'avvikelser',
  sums: 'summor',
  varianceColumns: 'avv.-kolumner',
  differences: 'differenser',
  indicators: 'indikatorer',
  goals: 'mål',
  errors: 'dokumentets fel',
  falseAlarms: 'inga falsklarm',
};

/** `34/43 79 %`, or `–` when there was nothing of the kind. */
function ratio(hit: number, total: number): string {
  return total === 0 ? '–' : `${fmt(hit)}/${fmt(total)} ${fmt((100 * hit) / total)} %`;
}

function recallRow(name: string, outcomes: readonly PlantOutcome[]): string[] {
  const r: Record<PlantKind, Recall> = recallOf(outcomes);
  const all = outcomes.length;
  const hits = outcomes.filter((o) => o.hit).length;
  return [name, ...PLANT_KINDS.map((k) => ratio(r[k].hit, r[k].total)), ratio(hits, all)];
}

/** Prints both tables; a wild fixture whose workbook is not generated yet is named and skipped. */
export async function printCorpus(): Promise<void> {
  const seeds: [string, PlantOutcome[]][] = [];
  for (const s of SEED_STRUCTURES) {
    const snapshot = await readWorkbookFile(join(ROOT, 'tests', 'fixtures', s.file));
    seeds.push([s.file, [...runPlanted(snapshot, s).outcomes]]);
  }
  const wild: [string, PlantOutcome[]][] = [];
  const scores: [string, Scored[]][] = [];
  const missing: string[] = [];
  for (const fx of WILD_FIXTURES) {
    if (!existsSync(wildPath(fx.slug))) {
      missing.push(fx.slug);
      continue;
    }
    const snapshot = await readWorkbookFile(wildPath(fx.slug));
    wild.push([fx.slug, [...runPlanted(snapshot, fx).outcomes]]);
    scores.push([fx.slug, scoreFixture(fx, analyzeWorkbook(snapshot), snapshot)]);
  }

  console.log(
    '\nPlanterade fel: träffar per slag (ett tal ändrat i taget, mismatch på rätt cell och ingen annanstans) / planted-error recall by kind\n',
  );
  const seedAll = seeds.flatMap(([, o]) => o);
  const wildAll = wild.flatMap(([, o]) => o);
  const rows = [
    ...seeds.map(([n, o]) => recallRow(n, o)),
    recallRow('seeds, totalt', seedAll),
    ...wild.map(([n, o]) => recallRow(n, o)),
    ...(wild.length > 0 ? [recallRow('vilda, totalt / wild', wildAll)] : []),
    recallRow('allt / all', [...seedAll, ...wildAll]),
  ];
  console.log(renderTable(['korpus', ...PLANT_KINDS.map((k) => KIND_LABEL[k]), 'alla'], rows));
  const misses = [...seedAll, ...wildAll].filter((o) => !o.hit);
  const byReason = new Map<string, number>();
  for (const m of misses) {
    const why = m.reason.startsWith('reported elsewhere')
      ? 'reported elsewhere'
      : 'nothing reported';
    byReason.set(why, (byReason.get(why) ?? 0) + 1);
  }
  if (misses.length > 0) {
    console.log(
      `\nMissar / misses: ${[...byReason].map(([k, v]) => `${k} ${fmt(v)}`).join(', ')} (NP_VERBOSE=1 npx jest tests/golden/planted.test.ts listar dem)`,
    );
  }

  console.log(
    '\nVilda korpusen: hittat av totalt per kategori / wild corpus score, found of total\n',
  );
  if (scores.length === 0) {
    console.log('(inga vilda fixturer i tests/fixtures/wild/index.ts ännu)');
  } else {
    const cats = CATEGORIES.filter((c) => scores.some(([, s]) => s.some((x) => x.category === c)));
    const line = (name: string, s: readonly Scored[]): string[] => {
      const sum = summarize(s);
      const found = cats.reduce((a, c) => a + sum[c].found, 0);
      const total = cats.reduce((a, c) => a + sum[c].total, 0);
      return [name, ...cats.map((c) => ratio(sum[c].found, sum[c].total)), ratio(found, total)];
    };
    const table = [
      ...scores.map(([n, s]) => line(n, s)),
      line(
        'totalt',
        scores.flatMap(([, s]) => s),
      ),
    ];
    console.log(renderTable(['dokument', ...cats.map((c) => CATEGORY_LABEL[c]), 'alla'], table));
  }
  if (missing.length > 0) {
    console.log(`\nSaknar arbetsbok (npm run fixtures:wild): ${missing.join(', ')}`);
  }
}
