/**
 * Join byte chunks into one fresh array (core has no Buffer.concat).
 */

/** One Uint8Array holding `parts` back to back. */
export function bytesConcat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
