// Bundles the command line (src/cli/main.ts) into dist-cli/cli.js with esbuild, and each writer
// module that `src/cli/lazy/loadWriters.ts` requires into a file of its own beside it
// (excel-writers.js with ExcelJS, docx-writer.js with `docx`): the command loads them only when an
// output asks for them, so an analysis never parses the two thirds of the code they are.
// `node scripts/build-cli.mjs OUT/cli.js` builds into OUT instead.
// Runs as `prepare` on `npm ci`, so it must be fast and must never fail an install for a
// missing dev tool: without esbuild it explains and exits 0 (bin/namndplan.js then says to build).
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ?? join(root, 'dist-cli', 'cli.js');
const lazyDir = join(root, 'src', 'cli', 'lazy');

/** The modules loaded lazily, by the path `loadWriters.ts` requires, and the file each becomes. */
const LAZY = new Map([
  ['./excelWriters', 'excel-writers.js'],
  ['./docxWriter', 'docx-writer.js'],
]);

/**
 * Leaves `loadWriters.ts`'s `require('./excelWriters')` to run time, as `require('./excel-writers.js')`
 * of the file built beside the bundle. Only those calls: nothing else may reach the writers.
 */
const lazyWriters = {
  name: 'lazy-writers',
  setup(build) {
    build.onResolve({ filter: /^\.\/(excelWriters|docxWriter)$/ }, (args) => {
      const file = LAZY.get(args.path);
      if (args.kind !== 'require-call' || resolve(args.resolveDir) !== lazyDir || !file) {
        return undefined;
      }
      return { path: `./${file}`, external: true };
    });
  },
};

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('build-cli: esbuild saknas (devDependencies ej installerade); CLI:n byggs inte.');
  process.exit(0);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: false,
  legalComments: 'none',
  logLevel: 'warning',
};

try {
  const started = Date.now();
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [join(root, 'src', 'cli', 'main.ts')],
      outfile,
      plugins: [lazyWriters],
    }),
    ...[...LAZY].map(([module, file]) =>
      esbuild.build({
        ...common,
        entryPoints: [join(lazyDir, `${module.slice(2)}.ts`)],
        outfile: join(dirname(outfile), file),
      }),
    ),
  ]);
  console.log(`build-cli: ${outfile} (${Date.now() - started} ms)`);
} catch (error) {
  console.error(
    `build-cli: bygget misslyckades: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
