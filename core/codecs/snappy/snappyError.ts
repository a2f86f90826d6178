/**
 * Typed errors of the snappy codec, with the wording users see.
 */
import { ShiplensError } from '../../errors';
import type { ErrorCode } from '../../errors';

/** Codes a corrupt raw block can produce. */
export type RawBlockFault = Extract<ErrorCode, 'TRUNCATED' | 'SNAPPY_BAD_OFFSET' | 'SNAPPY_BAD_LENGTH'>;

const hints: Partial<Record<ErrorCode, string>> = {
  TRUNCATED: 'The file is shorter than its snappy data says; download it again, the copy may be incomplete.',
  SNAPPY_BAD_OFFSET: 'The compressed data is corrupt; download the object again.',
  SNAPPY_BAD_LENGTH: 'The compressed data is corrupt; download the object again.',
  CHECKSUM_MISMATCH: 'The data was damaged after it was compressed; download the object again.',
  EMPTY_INPUT: 'The object is empty (0 bytes); the shipping task may have failed while writing it.',
};

/** A ShiplensError for snappy input, with the default hint of its code unless one is given. */
export function snappyError(code: ErrorCode, message: string, source?: string, hint?: string): ShiplensError {
  return new ShiplensError(code, message, { hint: hint ?? hints[code], source });
}

/** Format a byte count with thousands separators (locale-independent). */
export function bytesText(n: number): string {
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} bytes`;
}

/** Run an allocation of `bytes` output bytes, turning an out-of-memory RangeError into TOO_LARGE. */
export function outputAllocate<T>(bytes: number, source: string | undefined, allocate: () => T): T {
  try {
    return allocate();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw snappyError(
      'TOO_LARGE',
      `Could not allocate ${bytesText(bytes)} for the decoded data.`,
      source,
      'Close other large views or lower the decode size limit in settings, then try again.',
    );
  }
}
