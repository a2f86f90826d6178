/**
 * Secrets seen this session (AccessKey secrets, STS tokens), so anything leaving main
 * (API errors, logs) can be scrubbed of them even when a library echoes one back.
 */
import type { ErrorInfo } from '../../core/errors';
import { credentialValuesRedact } from '../credentials/redact';

const known = new Set<string>();

/** Remember a secret for redaction (short values are ignored: they would redact normal text). */
export function secretRemember(value: string | undefined): void {
  if (value && value.length >= 8) known.add(value);
}

/** Replace every remembered secret (and credential value the CLI resolved) in `text` with `***`. */
export function secretsRedact(text: string): string {
  let out = credentialValuesRedact(text);
  for (const secret of known) {
    if (out.includes(secret)) out = out.split(secret).join('***');
  }
  return out;
}

/** An error as it may leave main: secrets scrubbed, each text capped at 2000 characters. */
export function errorInfoRedact(info: ErrorInfo): ErrorInfo {
  const clean = (text: string): string => secretsRedact(text).slice(0, 2000);
  const out: ErrorInfo = { code: info.code, message: clean(info.message) };
  if (info.hint) out.hint = clean(info.hint);
  if (info.hintKey) out.hintKey = info.hintKey;
  if (info.source) out.source = clean(info.source);
  return out;
}
