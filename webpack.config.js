/**
 * Builds the task pane into dist/: taskpane.html, code-split bundles, assets/ and manifest.xml.
 *
 *   npm run build                                  production; Office.js from Microsoft's CDN
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
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const CDN_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_JS = 'office-js/office.js';
const OFFICE_JS_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const localOfficeJs = !production || env.officeJs === 'local';
  const testHost = Boolean(env.testHost);

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
          { from: 'manifest.xml', to: 'manifest.xml' },
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
    ],
    performance: { maxEntrypointSize: 1_500_000, maxAssetSize: 1_500_000 },
    optimization: { splitChunks: { chunks: 'async' } },
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
