#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is built to out/main/cli.cjs by `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'out', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('shiplens: not built yet (run `npm run build` in the shiplens folder)\n');
  process.exit(2);
}
require(cli);
