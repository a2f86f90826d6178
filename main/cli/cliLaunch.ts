/**
 * What this process was started for, from its arguments alone (no imports: the app's entry
 * reads it before it loads anything else). The desktop app's own binary runs the CLI when its
 * first argument is a `shiplens` command (`<app executable> forward …`) or `--cli`
 * (`<app executable> --cli --profile p ls oss://b/`); anything else — no argument, a file the
 * system asks it to open, a Chromium switch — opens the window as before.
 */

/**
 * The top-level `shiplens` commands (and commander's `help`). Kept here, not read from the
 * program, so the window's start-up does not build the CLI; a unit test checks it against
 * the commands the program registers.
 */
export const cliCommandWords: readonly string[] = [
  'info',
  'decode',
  'schema',
  'head',
  'export',
  'key',
  'path',
  'plan',
  'rule',
  'ls',
  'get',
  'serve',
  'tasks',
  'forward',
  'maxcompute',
  'query',
  'help',
];

/** The flag that runs the CLI whatever follows (program options before the command, `--version`). */
export const cliLaunchFlag = '--cli';

/** How the process was run: under Electron or not, and as an unpackaged app (`electron <app> …`). */
export interface ProcessRuntime {
  electron: boolean;
  /** Electron's `process.defaultApp`: true when the binary was given the app's path (development, `npx electron out/main/cli.cjs`). */
  defaultApp: boolean;
}

/**
 * The user's arguments: after the executable, and after the script or app path when there is
 * one (Node, or Electron running an unpackaged app). A packaged app's binary has no such path.
 */
export function processUserArgs(argv: readonly string[], runtime: ProcessRuntime): string[] {
  return argv.slice(runtime.electron && !runtime.defaultApp ? 1 : 2);
}

/** What a start of the app is for. */
export type AppLaunch = { kind: 'window' } | { kind: 'cli'; args: string[] };

/** The window, or the CLI with its arguments (`--cli` dropped) when the first argument asks for it. */
export function appLaunchMode(args: readonly string[]): AppLaunch {
  const [first] = args;
  if (first === cliLaunchFlag) return { kind: 'cli', args: args.slice(1) };
  if (first !== undefined && cliCommandWords.includes(first)) return { kind: 'cli', args: [...args] };
  return { kind: 'window' };
}
