/**
 * Listing helpers shared by the storages: key order, opaque page tokens, page size (the
 * listing operations themselves are the engine's: main/engine/objectsList.ts).
 *
 * OSS orders keys by their UTF-8 bytes, which is not JavaScript's UTF-16 string order for
 * characters past U+FFFF; we compare bytes so both storages page the same way.
 */
import { ShiplensError } from '../../core/errors';
import { listMaxKeysDefault } from './storage';

/** Compare two keys in UTF-8 byte order (OSS listing order). */
export function keyCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 order equals code point (= UTF-8 byte) order except for surrogates vs U+E000…U+FFFF.
    if (x < 0xd800 && y < 0xd800) return x - y;
    return (a.codePointAt(i) as number) - (b.codePointAt(i) as number);
  }
  return a.length - b.length;
}

/** Encode a page token: a versioned, base64url JSON value (opaque to callers). */
export function pageTokenEncode(kind: string, value: Record<string, string>): string {
  return Buffer.from(JSON.stringify({ v: kind, ...value }), 'utf8').toString('base64url');
}

/** Decode a page token made by `pageTokenEncode` for `kind`, or throw INVALID_ARGUMENT. */
export function pageTokenDecode(kind: string, token: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (value && typeof value === 'object' && (value as Record<string, unknown>).v === kind) {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
      return out;
    }
  } catch {
    // fall through to the typed error
  }
  throw new ShiplensError('INVALID_ARGUMENT', 'The page token is not valid for this storage.', {
    hint: 'Restart the listing from the first page.',
  });
}

/** Clamp a requested page size to 1…listMaxKeysDefault (1000). */
export function maxKeysClamp(maxKeys: number | undefined): number {
  if (maxKeys === undefined || !Number.isFinite(maxKeys)) return listMaxKeysDefault;
  return Math.min(listMaxKeysDefault, Math.max(1, Math.floor(maxKeys)));
}
