/**
 * Golden tests of the wild corpus (issue 7, item 1): every fixture in tests/fixtures/wild/index.ts
 * read and analysed, one test per thing its document prints (`<slug>: <what is expected>`): its
 * tables, variances, sums, variance and difference columns, indicators, its own errors, and no
 * false mismatch. A failure says what the document prints and what the engine gave.
 *
 * `KNOWN_GAPS` holds what the engine does not meet yet, each with the reason: those tests run as
 * `test.failing`, so a gap that gets fixed fails the suite until its entry is removed.
 */
import { existsSync } from 'node:fs';
import { WILD_FIXTURES } from '../fixtures/wild';
import type { WildFixture } from '../fixtures/wild/types';
import { listExpectations, loadWild, scoreFixture, wildPath, type Scored } from './wildHelpers';

/** Expectation name (`<slug>: <what is expected>`) → why the engine does not meet it yet. */
const KNOWN_GAPS: Readonly<Record<string, string>> = {};

const scored = new Map<string, Promise<Scored[]>>();

/** The fixture's verdicts, read and analysed once for all its tests. */
function verdicts(fx: WildFixture): Promise<Scored[]> {
  let p = scored.get(fx.slug);
  if (!p) {
    p = loadWild(fx).then((g) => scoreFixture(fx, g.report, g.snapshot));
    scored.set(fx.slug, p);
  }
  return p;
}

const names: string[] = [];
for (const fx of WILD_FIXTURES) {
  listExpectations(fx).forEach((e, i) => {
    const name = `${fx.slug}: ${e.name}`;
    names.push(name);
    const gap = KNOWN_GAPS[name];
    (gap === undefined ? test : test.failing)(name, async () => {
      const v = (await verdicts(fx))[i];
      expect(v?.pass ? 'ok' : (v?.reason ?? 'not scored')).toBe('ok');
    });
  });
}

test('the corpus is listed: unique slugs, each with its workbook', () => {
  const slugs = WILD_FIXTURES.map((fx) => fx.slug);
  expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  expect(slugs.filter((s) => !existsSync(wildPath(s)))).toEqual([]);
});

test('every known gap names an expectation of the corpus', () => {
  expect(Object.keys(KNOWN_GAPS).filter((k) => !names.includes(k))).toEqual([]);
});
