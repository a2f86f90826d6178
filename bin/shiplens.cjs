#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is built to out/main/cli.cjs by `npm run build`. `key`, `path`, `decode`
// and `--version` need no engine: they run from the small out/main/cliQuick.cjs (same program,
// same output; main/cli/cliQuickProgram.ts) so that V8 does not parse the whole CLI for them.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const out = join(__dirname, '..', 'out', 'main');
const cli = join(out, 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('shiplens: not built yet (run `npm run build` in the shiplens folder)\n');
  process.exit(2);
}
const args = process.argv.slice(2);
const quick = ['key', 'path', 'decode'].includes(args[0]) || (args.length > 0 && args.every((a) => a === '--version' || a === '-V'));
require(quick && existsSync(join(out, 'cliQuick.cjs')) ? join(out, 'cliQuick.cjs') : cli);
