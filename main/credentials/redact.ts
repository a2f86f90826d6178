/**
 * Keep secrets out of logs, errors and results (issue 5 §3, issue 8 §5).
 *
 * `redact` removes known secret values and the shapes secrets travel in (OSS Authorization
 * headers, security-token headers/params, signature params, JSON secret fields).
 */

const minSecretLength = 4;
/** Remembered values must be longer: a short one would blank ordinary words of a message. */
const minRememberedLength = 8;
const remembered = new Set<string>();

const patterns: [RegExp, string][] = [
  [/\bOSS4?(-HMAC-SHA256)?\s+[^\s,]*[:=][^\s,]+/g, 'OSS ***'],
  [/(x-oss-security-token["']?\s*[:=]\s*["']?)[^"'\s,}]+/gi, '$1***'],
  [/((?:security-token|SecurityToken|Signature|OSSAccessKeyId|x-oss-signature|x-oss-credential)=)[^&\s"']+/g, '$1***'],
  [
    /(["']?(?:accessKeySecret|access_key_secret|AccessKeySecret|accessKeyID?Secret|stsToken|securityToken|SecurityToken|sts_token|Authorization|authorization)["']?\s*[:=]\s*["']?)[^"'\s,}]+/g,
    '$1***',
  ],
  [/<StringToSign>[\s\S]*?<\/StringToSign>/g, '<StringToSign>***</StringToSign>'],
];

/**
 * Remember credential values in use (AccessKey ID, secret, STS token) so every later `redact`
 * hides them wherever they appear: a server may echo one back in an error (issue 12 §12).
 */
export function credentialValuesRemember(values: readonly (string | undefined | null)[]): void {
  for (const value of values) if (typeof value === 'string' && value.length >= minRememberedLength) remembered.add(value);
}

/** Replace every remembered credential value in `text` with `***` (longest first). */
export function credentialValuesRedact(text: string): string {
  let out = text;
  for (const value of [...remembered].sort((a, b) => b.length - a.length)) if (out.includes(value)) out = out.split(value).join('***');
  return out;
}

/** Replace every known or remembered secret and secret-shaped fragment in `text` with `***`. */
export function redact(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  let out = credentialValuesRedact(text);
  const known = secrets
    .filter((s): s is string => typeof s === 'string' && s.length >= minSecretLength)
    .sort((a, b) => b.length - a.length);
  for (const secret of known) out = out.split(secret).join('***');
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of a plain object with secret-named fields replaced by `***` (for logging configs). */
export function redactFields<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = /secret|token|password|authorization/i.test(k) && v !== undefined && v !== null && v !== '' ? '***' : v;
  }
  return out as T;
}
