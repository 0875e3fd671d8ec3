/**
 * Builds the task pane into dist/: taskpane.html, code-split bundles, assets/ and manifest.xml.
 *
 *   npm run build -- --env urlProd=https://example.org/namndplan/
 *                                                  production: Office.js from Microsoft's CDN and
 *                                                  dist/manifest.xml with every URL under urlProd
 *                                                  (optional: --env provider="Ale kommun", the
 *                                                  publisher shown in Office's add-in dialogs)
 *   npm run build                                  production bundles, but a DEVELOPMENT manifest
 *                                                  (https://localhost:3000); says so loudly
 *   npx webpack --mode production --env officeJs=local
 *                                                  production, Office.js from dist/office-js/
 *                                                  (tests and machines without the CDN)
 *   npm run dev-server                             HTTPS on :3000 (office-addin-dev-certs), Office.js local
 *   npm run dev-server:http                        plain HTTP on :3000, Office.js local
 *   --env testHost                                 also taskpane-fake.html: the pane over the
 *                                                  in-memory Excel (src/adapters/office/fake),
 *                                                  for the e2e tests; never in a release build
 *
 * The page works without Office: if office.js does not load, or Office.onReady reports no host,
 * the pane opens in standalone (file) mode.
 */
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** Where manifest.xml points during development; `urlProd` replaces it in a production build. */
const DEV_BASE_URL = 'https://localhost:3000/';

const DEV_MANIFEST_WARNING = [
  '',
  '*****************************************************************************************',
  '  dist/manifest.xml is a DEVELOPMENT manifest: every URL in it is https://localhost:3000.',
  '  It works only with `npm run dev-server` on the same machine. For a manifest to publish:',
  '    npm run build -- --env urlProd=https://your.host/path/',
  '*****************************************************************************************',
  '',
].join('\n');

/** `urlProd` as the base every manifest URL is put under: absolute https, ending in `/`. */
function productionBaseUrl(urlProd) {
  let url;
  try {
    url = new URL(String(urlProd));
  } catch {
    throw new Error(`--env urlProd=${urlProd}: not a URL (expected https://host/path/)`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(`--env urlProd=${urlProd}: Office loads add-ins over https only`);
  }
  if (url.search || url.hash) {
    throw new Error(`--env urlProd=${urlProd}: no query or fragment, just the folder of dist/`);
  }
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
    throw new Error(`--env urlProd=${urlProd}: a production manifest cannot point at this machine`);
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function escapeXml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The manifest for a production build, as Microsoft's task-pane template rewrites it when it
 * copies manifest.xml: every `https://localhost:3000/` becomes `urlProd`, and `provider` (when
 * given) becomes the ProviderName. Throws if anything still names localhost.
 */
function productionManifest(xml, urlProd, provider) {
  const base = productionBaseUrl(urlProd);
  let out = xml.split(DEV_BASE_URL).join(base);
  if (provider !== undefined && provider !== true && String(provider).trim() !== '') {
    out = out.replace(
      /<ProviderName>[^<]*<\/ProviderName>/,
      `<ProviderName>${escapeXml(String(provider).trim())}</ProviderName>`,
    );
  }
  if (/localhost/i.test(out)) {
    throw new Error('manifest.xml names localhost outside https://localhost:3000/ URLs');
  }
  return out;
}

/** The manifest as copied to dist/: production with `urlProd`, otherwise marked development. */
function manifestFor(env, production) {
  return (content) => {
    const xml = content.toString('utf8');
    if (env.urlProd) return productionManifest(xml, env.urlProd, env.provider);
    const note = production
      ? // No double hyphen inside an XML comment.
        '<!-- DEVELOPMENT MANIFEST: every URL is https://localhost:3000. To publish, build with the env option urlProd (README). -->\n'
      : '';
    return xml.replace(/(<\?xml[^>]*\?>\s*)/, `$1${note}`);
  };
}

/** Adds the development-manifest warning to webpack's own warnings (shown in yellow). */
class DevelopmentManifestWarning {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('DevelopmentManifestWarning', (compilation) => {
      compilation.warnings.push(new Error(DEV_MANIFEST_WARNING));
    });
  }
}
/**
 * The analysis worker runs the CLI's xlsx reader, budgets and all; these stand in for the two
 * Node modules it calls (src/taskpane/analysis/browserNode). Nothing else in the bundles asks.
 */
const BROWSER_NODE = {
  'node:zlib': path.resolve(__dirname, 'src/taskpane/analysis/browserNode/zlib.ts'),
  'node:string_decoder': path.resolve(
    __dirname,
    'src/taskpane/analysis/browserNode/stringDecoder.ts',
  ),
};

const LOCAL_OFFICE_JS = 'office-js/office.js';
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

const config = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOfficeJs = !production || env.officeJs === 'local';
  const testHost = Boolean(env.testHost);
  if (env.urlProd) productionBaseUrl(env.urlProd); // fail at once on a bad URL
  const devManifestInRelease = production && !serving && !env.urlProd;
  if (devManifestInRelease) console.warn(DEV_MANIFEST_WARNING);

  let server = 'http';
  if (serving && !env.http) {
    // Development certificates trusted by the OS, as Excel requires HTTPS for add-ins.
    const devCerts = require('office-addin-dev-certs');
    server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      ...(testHost ? { fakeOffice: './src/adapters/office/fake/browserEntry.ts' } : {}),
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      // Relative, so dist/ works from any folder and any port (tests serve it on a free port).
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // ExcelJS and SheetJS mention Node modules they never need in the browser.
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `npm run typecheck`; the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:(zlib|string_decoder)$/, (resource) => {
        resource.request = BROWSER_NODE[resource.request];
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJsUrl: localOfficeJs ? LOCAL_OFFICE_JS : CDN_OFFICE_JS,
      }),
      // The stand-in Office host: the fake defines Office/Excel before the pane's bundle runs
      // (the test sets window.__NAMNDPLAN_FAKE_OFFICE__ to a workbook fixture first).
      ...(testHost
        ? [
            new HtmlWebpackPlugin({
              filename: 'taskpane-fake.html',
              template: './src/taskpane/taskpane.html',
              chunks: ['fakeOffice', 'taskpane'],
              chunksSortMode: 'manual',
              officeJsUrl: '',
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The SupportUrl page: static, Swedish with English, no script.
          { from: 'assets/support.html', to: 'support.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: manifestFor(env, production) },
          // Outside a host office.js needs itself and its host mapping table (it fetches that
          // to learn there is no host); inside Excel use the CDN or the dev server, which serves
          // the whole package.
          ...(localOfficeJs && !serving
            ? ['office.js', 'o15apptofilemappingtable.js'].map((file) => ({
                from: path.join(OFFICE_JS_DIST, file),
                to: `office-js/${file}`,
              }))
            : []),
        ],
      }),
      ...(devManifestInRelease ? [new DevelopmentManifestWarning()] : []),
    ],
    performance: { maxEntrypointSize: 1_500_000, maxAssetSize: 1_500_000 },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // The `docx` package, loaded with the Word writer only when the pane is asked for a
          // Word file: named, so that one can see (and the e2e tests check) when it is fetched.
          docx: {
            test: /[\\/]node_modules[\\/]docx[\\/]/,
            name: 'docx-lib',
            chunks: 'async',
            priority: 20,
          },
        },
      },
    },
    devServer: {
      port: 3000,
      server,
      hot: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: [{ directory: OFFICE_JS_DIST, publicPath: '/office-js' }],
      open: false,
    },
  };
};

module.exports = config;
// For tests/manifest: the same rewriting the copy step applies.
module.exports.productionManifest = productionManifest;
module.exports.DEV_BASE_URL = DEV_BASE_URL;
