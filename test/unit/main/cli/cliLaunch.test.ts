// The app's binary runs the CLI when started with a command (issue 16): which arguments are the
// user's under Node, `electron <app>` and a packaged binary, and when they ask for the CLI.
import { describe, expect, it } from 'vitest';
import { appLaunchMode, cliCommandWords, processUserArgs } from '../../../../main/cli/cliLaunch';
import { cliProgramCreate } from '../../../../main/cli/cliProgram';
import type { CliContext } from '../../../../main/cli/cliOptions';

describe('processUserArgs', () => {
  it('skips the executable, and the script or app path when there is one', () => {
    expect(processUserArgs(['/usr/bin/node', '/repo/out/main/cli.cjs', 'ls', '.'], { electron: false, defaultApp: false })).toEqual([
      'ls',
      '.',
    ]);
    const dev = ['/repo/node_modules/electron/dist/electron', 'out/main/cli.cjs', 'forward', '--to', '-'];
    expect(processUserArgs(dev, { electron: true, defaultApp: true })).toEqual(['forward', '--to', '-']);
    const packaged = ['/opt/shiplens/shiplens', 'forward', '--to', '-'];
    expect(processUserArgs(packaged, { electron: true, defaultApp: false })).toEqual(['forward', '--to', '-']);
  });
});

describe('appLaunchMode', () => {
  it('runs the CLI when the first argument is a command, with every argument', () => {
    const args = ['forward', '--to', 'hecs://siem:8088', 'oss://b/logs/', '--hec-token-profile', 'prod'];
    expect(appLaunchMode(args)).toEqual({ kind: 'cli', args });
    expect(appLaunchMode(['help', 'forward'])).toEqual({ kind: 'cli', args: ['help', 'forward'] });
  });

  it('runs the CLI after --cli, without it (program options, --version)', () => {
    expect(appLaunchMode(['--cli', '--profile', 'p', 'ls', 'oss://b/'])).toEqual({
      kind: 'cli',
      args: ['--profile', 'p', 'ls', 'oss://b/'],
    });
    expect(appLaunchMode(['--cli', '--version'])).toEqual({ kind: 'cli', args: ['--version'] });
    expect(appLaunchMode(['--cli'])).toEqual({ kind: 'cli', args: [] });
  });

  it('opens the window otherwise: no argument, a file to open, a Chromium switch, a word that is no command', () => {
    for (const args of [[], ['/home/u/x.snappy'], ['--no-sandbox'], ['--no-sandbox', 'forward'], ['Forward'], ['--version']]) {
      expect(appLaunchMode(args)).toEqual({ kind: 'window' });
    }
  });
});

describe('cliCommandWords', () => {
  it("are the program's top-level commands and help", () => {
    const ctx = { io: {}, signal: new AbortController().signal } as unknown as CliContext;
    const registered = cliProgramCreate(ctx, { text: '' }).commands.map((c) => c.name());
    expect([...cliCommandWords].sort()).toEqual([...registered, 'help'].sort());
  });
});
