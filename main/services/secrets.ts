/**
 * Secrets seen this session (AccessKey secrets, STS tokens), so anything leaving main
 * (API errors, logs) can be scrubbed of them even when a library echoes one back.
 */
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
