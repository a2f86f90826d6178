/** Byte builders shared by the snappy tests and the limits child process (no vitest import). */

/** Little-endian base-128 varint, as a raw block's length header. */
export function varint(n: number): number[] {
  const out: number[] = [];
  for (; n >= 0x80; n = Math.floor(n / 0x80)) out.push((n % 0x80) | 0x80);
  return [...out, n];
}

/** Big-endian 32-bit length, as Hadoop and snappy-java write it. */
export function be32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}
