// Only the command a line names is built at start-up (issue 14); help, typos and unusual
// lines build everything, so what users see does not change.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { cliCommandWord, cliCommandsComplete, cliCommandsOnly } from '../../../../main/cli/cliCommandView';
import { cliProgramCreate } from '../../../../main/cli/cliProgram';
import type { CliContext } from '../../../../main/cli/cliOptions';
import { cliCapture } from '../../../integration/cliHelpers';

const ctx = { io: {}, signal: new AbortController().signal } as unknown as CliContext;
const names = (args?: string[]): string[] => cliProgramCreate(ctx, { text: '' }, args).commands.map((c) => c.name());

function root(): Command {
  return new Command('x').option('--debug').option('--endpoint <e>').option('--maybe [v]');
}

describe('cliCommandWord', () => {
  it('skips the program options and their values', () => {
    expect(cliCommandWord(root(), ['--debug', '--endpoint', 'http://127.0.0.1:1', 'ls', 'oss://b/'])).toBe('ls');
    expect(cliCommandWord(root(), ['--endpoint=http://h', 'key', 'k'])).toBe('key');
    expect(cliCommandWord(root(), ['--maybe', 'key'])).toBeNull();
    expect(cliCommandWord(root(), ['--nope', 'key'])).toBeNull();
    expect(cliCommandWord(root(), ['--debug'])).toBeNull();
  });
});

describe('cliCommandsOnly', () => {
  it('builds only the named command, and nothing for --version alone', () => {
    expect(names(['key', 'a/b_1484913043351525351_1.snappy'])).toEqual(['key']);
    expect(names(['--debug', 'rule', 'validate', 'r.json'])).toEqual(['rule']);
    expect(names(['--version'])).toEqual([]);
  });

  it('builds everything for help, no command, a typo or a command no group registers', () => {
    const all = names();
    expect(all).toEqual(
      expect.arrayContaining(['info', 'decode', 'schema', 'head', 'export', 'key', 'path', 'plan', 'rule', 'ls', 'get', 'serve', 'tasks']),
    );
    expect(names(['--help'])).toEqual(all);
    expect(names([])).toEqual(all);
    expect(names(['decod', 'x'])).toEqual(all);
    expect(names(['help', 'decode'])).toEqual(all);
  });

  it('a view records whether its command was registered', () => {
    const view = cliCommandsOnly(root(), ['ls']);
    expect(cliCommandsComplete(view)).toBe(false);
    view.command('key <k>').option('--json').description('d');
    expect(cliCommandsComplete(view)).toBe(false);
    view.command('ls <url>');
    expect(cliCommandsComplete(view)).toBe(true);
    expect(cliCommandsComplete(root())).toBe(true);
  });

  it('keeps commander suggestions and per-command help', async () => {
    const typo = await cliCapture(['decod', 'x']);
    expect([typo.code, typo.stderr]).toEqual([2, "shiplens: unknown command 'decod' (see shiplens --help)\n"]);
    const help = await cliCapture(['key', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: shiplens key \[options\] <key>\n/);
  });
});
