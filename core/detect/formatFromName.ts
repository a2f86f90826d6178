/**
 * Storage format and compression from an object name (SPEC §2 suffix table).
 */
import { shippedSuffixes } from '../shipping/objectKey';
import type { Compression, StorageFormat } from '../model/rule';

/** What an object name's suffix says. */
export interface NameFormat {
  format: StorageFormat;
  compression: Compression;
  /** The suffix that decided it, as written in the name ('' for JSON without compression). */
  suffix: string;
}

// The one suffix table (objectKey.ts), longest first: `.snappy.csv` must win over `.csv`;
// the empty suffix (JSON without compression) is the fallback below, not a match.
const suffixTable = shippedSuffixes.filter((entry) => entry.suffix !== '');

/**
 * Format and compression that Log Service's suffix says (SPEC §2).
 *
 * JSON without compression has no suffix, so any other name is JSON/none. Matching ignores
 * case (users rename downloads) but the returned suffix keeps the name's spelling.
 */
export function formatFromName(name: string): NameFormat {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const lower = base.toLowerCase();
  for (const entry of suffixTable) {
    if (lower.endsWith(entry.suffix) && lower.length > entry.suffix.length) {
      return { format: entry.format, compression: entry.compression, suffix: base.slice(base.length - entry.suffix.length) };
    }
  }
  return { format: 'json', compression: 'none', suffix: '' };
}
