/**
 * Start-up economy: building every command's options costs more CPU than most commands' work
 * (`shiplens key …`). When the command line names its command, the register functions get a
 * view of the program in which only that command is really built; the others are chained into
 * a no-op stand-in. Anything unusual (no command word, an alias, `help`, an unknown option or
 * command) falls back to building everything, so help, suggestions and errors are unchanged.
 */
import type { Command } from 'commander';

const views = new WeakMap<Command, { built: boolean }>();

/** Swallows any chained call (`.description().option()…action()`) of a command not built. */
const inert: Command = new Proxy(function inertCommand() {}, {
  get: (_target, key) => (key === 'then' ? undefined : () => inert),
  apply: () => inert,
}) as unknown as Command;

/** The command word of `args` after the program's own options (and their values); null when there is none or it is unclear. */
export function cliCommandWord(root: Command, args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('-')) return arg;
    const [flag, inline] = arg.split('=', 2);
    const option = root.options.find((o) => o.long === flag || o.short === flag);
    if (!option || option.optional) return null;
    if (option.required && inline === undefined) i++;
  }
  return null;
}

/** `root`, or a view of it that builds only the command `args` names (`--version` alone: none). */
export function cliCommandsOnly(root: Command, args: readonly string[] | undefined): Command {
  if (!args) return root;
  const word = cliCommandWord(root, args);
  const versionOnly = word === null && args.length > 0 && args.every((a) => a === '--version' || a === '-V');
  if (word === null && !versionOnly) return root;
  const state = { built: versionOnly };
  const view = new Proxy(root, {
    get(target, key) {
      if (key === 'command') {
        return (nameAndArgs: string, ...rest: unknown[]) => {
          if (nameAndArgs.split(' ')[0] !== word) return inert;
          state.built = true;
          return (target.command as (...a: unknown[]) => Command)(nameAndArgs, ...rest);
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  views.set(view, state);
  return view;
}

/** False when `program` is a view whose command was never registered (build everything instead). */
export function cliCommandsComplete(program: Command): boolean {
  return views.get(program)?.built ?? true;
}
