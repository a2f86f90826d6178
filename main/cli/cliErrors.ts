/**
 * How the CLI ends: exit codes and the one-line error on stderr.
 *
 * 0 success; 1 bad input (`shiplens: <file>: <what is wrong> (<hint>)`, no stack unless
 * `--debug`); 2 usage errors (commander's own, and CliUsageError from argument checks).
 */
import { errorOneLine, isShiplensError, toShiplensError } from '../../core/errors';
import type { ErrorHintKey } from '../../core/errors';
import { redact } from '../credentials/redact';

/** Exit codes of `shiplens`. */
export const exitCodes = { ok: 0, badInput: 1, usage: 2 } as const;

/** A usage error found after commander parsed the line (conflicting or missing options). */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** Thrown by the stdout writer when the reader of a pipe went away (`| head`): end quietly. */
export class CliPipeClosed extends Error {
  constructor() {
    super('stdout closed');
    this.name = 'CliPipeClosed';
  }
}

/** The CLI's own wording of the hints each face words (core/errors.ts errorHintKeys): its flags. */
const cliHints: Record<ErrorHintKey, string> = {
  tlsCa: 'Give the CA that signed it with --ca <file>',
  tlsCaOrInsecure: 'Give the CA that signed it with --ca <file>; --insecure turns verification off',
  hecTokenMissing:
    'Put the token in an environment variable and name it (--hec-token-env SPLUNK_HEC_TOKEN), or name the shiplens profile that holds it (--hec-token-profile NAME)',
  hecTokenRejected: 'Check the token in the variable named by --hec-token-env and that it is enabled in Splunk',
  hecBodyTooLarge: "Lower --batch-bytes below the server's max_content_length",
  hecIndex: 'Check --index: the token must be allowed to write to it',
  pullBatchEvents: 'Lower --batch-events so fewer log groups are pulled at a time',
};

/** The exact stderr line for an error: one line, prefixed `shiplens: `, naming the input. */
export function cliErrorLine(error: unknown, fallbackSource?: string): string {
  const info = toShiplensError(error, fallbackSource).toInfo();
  if (info.hintKey) info.hint = cliHints[info.hintKey];
  // Messages from libraries may span lines; the contract is exactly one line.
  const line = errorOneLine(info).replace(/\s*[\r\n]+\s*/g, ' ');
  // Credentials in use are hidden wherever they appear (a server may echo a token back).
  return `shiplens: ${redact(line)}\n`;
}

/** Exit code and stderr text for anything a command threw. */
export function cliErrorReport(error: unknown, options: { debug: boolean; source?: string }): { exitCode: number; text: string } {
  if (error instanceof CliPipeClosed) return { exitCode: exitCodes.ok, text: '' };
  if (error instanceof CliUsageError) {
    return { exitCode: exitCodes.usage, text: `shiplens: ${error.message} (see shiplens --help)\n` };
  }
  let text = cliErrorLine(error, options.source);
  if (options.debug) {
    const stack = error instanceof Error ? error.stack : undefined;
    const cause = isShiplensError(error) && error.cause instanceof Error ? `\ncaused by: ${error.cause.stack ?? error.cause.message}` : '';
    if (stack) text += redact(`${stack}${cause}\n`);
  }
  return { exitCode: exitCodes.badInput, text };
}
