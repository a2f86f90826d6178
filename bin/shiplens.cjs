#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is built to out/main/cli.cjs by `npm run build`. `key`, `path`, `decode`,
// `query` and `--version` run from small bundles (out/main/cliQuickShipping.cjs for key, path and
// --version, cliQuickDecode.cjs for decode, cliQuickQuery.cjs for query: the full program's root
// and one group, same output; main/cliQuickShipping.ts) so that V8 does not parse the whole CLI.
const { existsSync, readFileSync, statSync, writeSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const out = join(__dirname, '..', 'out', 'main');
const cli = join(out, 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write('shiplens: not built yet (run `npm run build` in the shiplens folder)\n');
  process.exit(2);
}

/**
 * The cache V8 wrote for `file` at build time (scripts/build.mjs: after a run, so it holds the
 * functions a command compiles too), or undefined. V8 refuses a cache made by another Node or
 * with other flags, but recognises the source only by its length: a cache older than its
 * bundle is never offered.
 */
function codeCacheRead(file) {
  try {
    const cache = `${file}.v8cache`;
    return statSync(cache).mtimeMs >= statSync(file).mtimeMs ? readFileSync(cache) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Run a quick bundle as `require` would, compiled with its code cache (issue 14: ~17 ms of a
 * one-shot decode's CPU). SHIPLENS_CODE_CACHE_FD3 (set by the build only) sends the cache of
 * this run to fd 3 at exit.
 */
function quickRun(file) {
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData: codeCacheRead(file),
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (process.env.SHIPLENS_CODE_CACHE_FD3) process.on('exit', () => writeSync(3, script.createCachedData()));
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(dirname(file));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
}

const args = process.argv.slice(2);
const versionOnly = args.length > 0 && args.every((a) => a === '--version' || a === '-V');
const quick =
  args[0] === 'decode'
    ? join(out, 'cliQuickDecode.cjs')
    : args[0] === 'query'
      ? join(out, 'cliQuickQuery.cjs')
      : args[0] === 'key' || args[0] === 'path' || versionOnly
        ? join(out, 'cliQuickShipping.cjs')
        : null;
if (quick && existsSync(quick)) quickRun(quick);
else require(cli);
