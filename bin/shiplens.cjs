#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is built to out/main/cli.cjs by `npm run build`. `key`, `path`, `decode`
// and `--version` need no engine: they run from small bundles (out/main/cliQuickShipping.cjs for
// key, path and --version, out/main/cliQuickDecode.cjs for decode: the full program's root and
// group, same output; main/cliQuickShipping.ts) so that V8 does not parse the whole CLI for them.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const out = join(__dirname, '..', 'out', 'main');
const cli = join(out, 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('shiplens: not built yet (run `npm run build` in the shiplens folder)\n');
  process.exit(2);
}
const args = process.argv.slice(2);
const versionOnly = args.length > 0 && args.every((a) => a === '--version' || a === '-V');
const quick =
  args[0] === 'decode'
    ? join(out, 'cliQuickDecode.cjs')
    : args[0] === 'key' || args[0] === 'path' || versionOnly
      ? join(out, 'cliQuickShipping.cjs')
      : null;
require(quick && existsSync(quick) ? quick : cli);
