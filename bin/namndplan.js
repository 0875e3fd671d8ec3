#!/usr/bin/env node
// The `namndplan` command: runs the bundle that `npm run build:cli` (also `npm ci`) makes.
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist-cli', 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    'namndplan: programmet är inte byggt; kör `npm run build:cli` först (the CLI is not built: run `npm run build:cli`)\n',
  );
  process.exit(1);
}
require(bundle);
