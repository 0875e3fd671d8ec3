// Bundles the command line (src/cli/main.ts) into dist-cli/cli.js with esbuild.
// Runs as `prepare` on `npm ci`, so it must be fast and must never fail an install for a
// missing dev tool: without esbuild it explains and exits 0 (bin/namndplan.js then says to build).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = process.argv[2] ?? join(root, 'dist-cli', 'cli.js');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('build-cli: esbuild saknas (devDependencies ej installerade); CLI:n byggs inte.');
  process.exit(0);
}

try {
  const started = Date.now();
  await esbuild.build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  console.log(`build-cli: ${outfile} (${Date.now() - started} ms)`);
} catch (error) {
  console.error(
    `build-cli: bygget misslyckades: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
