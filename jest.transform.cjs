// Jest transform: TypeScript and TSX through esbuild (already a dependency for the CLI bundle).
// Type checking is `npm run typecheck`; this only strips types, fast.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = /\.tsx$/.test(filename) ? 'tsx' : /\.ts$/.test(filename) ? 'ts' : 'js';
    const result = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'es2022',
      jsx: 'automatic',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code: result.code };
  },
};
