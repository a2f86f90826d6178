/**
 * Typed errors for everything shiplens reads, plans or writes.
 *
 * Errors are values with a stable `code` (DESIGN rule 5): the UI and the CLI render
 * `message` + `hint`, tests assert the code, and nothing untyped escapes core/.
 */

/** Every error code shiplens can report. Add new codes here, never inline strings. */
export const errorCodes = [
  // input bytes
  'EMPTY_INPUT',
  'TRUNCATED',
  'TOO_LARGE',
  'NOT_SNAPPY',
  'SNAPPY_BAD_OFFSET',
  'SNAPPY_BAD_LENGTH',
  'CHECKSUM_MISMATCH',
  'UNSUPPORTED_FORMAT',
  'NOT_PARQUET',
  'PARQUET_CORRUPT',
  'JSON_LINE_INVALID',
  'CSV_INVALID',
  'UTF8_INVALID',
  // shipping engine
  'PARTITION_FORMAT_INVALID',
  'OBJECT_KEY_INVALID',
  'RULE_INVALID',
  'RULE_JSON_INVALID',
  'TIME_ZONE_INVALID',
  'TIME_INVALID',
  // storage, api, io
  'NOT_FOUND',
  'ACCESS_DENIED',
  'AUTH_FAILED',
  'NETWORK',
  'TIMEOUT',
  'SERVER_ERROR',
  'THROTTLED',
  'LISTING_INCOMPLETE',
  'PATH_OUTSIDE_ROOT',
  'FILE_EXISTS',
  'IO',
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED_CALLER',
  'CREDENTIALS_UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/**
 * Hints each face words for its own controls (a CLI flag, a field of a view): the error names
 * the need with `hintKey` and keeps a face-neutral `hint`; a face that knows the key says how.
 * `tlsCa`: a server certificate was not verified, the CA that signed it is needed;
 * `tlsCaOrInsecure`: the same where turning verification off is also offered;
 * `hecTokenMissing`: no HEC token was given; `hecTokenRejected`: Splunk refused the token;
 * `hecBodyTooLarge`: a batch is over the server's max_content_length; `hecIndex`: the token may
 * not write to the index; `pullBatchEvents`: a pulled batch of log groups is over the size limit.
 */
export const errorHintKeys = [
  'tlsCa',
  'tlsCaOrInsecure',
  'hecTokenMissing',
  'hecTokenRejected',
  'hecBodyTooLarge',
  'hecIndex',
  'pullBatchEvents',
] as const;

export type ErrorHintKey = (typeof errorHintKeys)[number];

/** The plain, serialisable shape of a ShiplensError (crosses IPC/HTTP unchanged). */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** Set when a face words the hint itself (see errorHintKeys); `hint` is then the neutral text. */
  hintKey?: ErrorHintKey;
  /** Which file, object key or field the error is about. */
  source?: string;
}

/** An error shiplens understands: a code, a human message, a hint on what to do. */
export class ShiplensError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly source: string | undefined;
  readonly hintKey: ErrorHintKey | undefined;

  constructor(code: ErrorCode, message: string, options: { hint?: string; hintKey?: ErrorHintKey; source?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ShiplensError';
    this.code = code;
    this.hint = options.hint;
    this.hintKey = options.hintKey;
    this.source = options.source;
  }

  /** A copy that names the file or key the error came from (keeps an existing source). */
  withSource(source: string): ShiplensError {
    if (this.source) return this;
    return new ShiplensError(this.code, this.message, { hint: this.hint, hintKey: this.hintKey, source, cause: this.cause });
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.hint) info.hint = this.hint;
    if (this.hintKey) info.hintKey = this.hintKey;
    if (this.source) info.source = this.source;
    return info;
  }
}

/** True for ShiplensError instances, including ones from another realm/bundle copy. */
export function isShiplensError(value: unknown): value is ShiplensError {
  return value instanceof ShiplensError || (value instanceof Error && value.name === 'ShiplensError' && 'code' in value);
}

/** Turn anything thrown into a ShiplensError (unknown errors become INTERNAL). */
export function toShiplensError(value: unknown, source?: string): ShiplensError {
  if (isShiplensError(value)) return source ? value.withSource(source) : value;
  if (value instanceof Error && value.name === 'AbortError') {
    return new ShiplensError('CANCELLED', 'The operation was cancelled.', { source });
  }
  const message = value instanceof Error ? value.message : String(value);
  return new ShiplensError('INTERNAL', message || 'Unexpected error', {
    source,
    cause: value,
    hint: 'This is a bug in shiplens; please report it with the file that caused it.',
  });
}

/** One line for a terminal: `<source>: <message> (<hint>)`. */
export function errorOneLine(error: ErrorInfo): string {
  const where = error.source ? `${error.source}: ` : '';
  const hint = error.hint ? ` (${error.hint})` : '';
  return `${where}${error.message}${hint}`;
}

/** Throw CANCELLED when the signal is aborted (a no-op without a signal). */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ShiplensError('CANCELLED', 'The operation was cancelled.');
}
