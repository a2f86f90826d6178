/** The typed error snappyDecode rejects with, for the snappy tests. */
import { expect } from 'vitest';
import { snappyDecode } from '../../../../../core/codecs/snappy';
import type { SnappyDecodeOptions } from '../../../../../core/codecs/snappy';
import { ShiplensError } from '../../../../../core/errors';

/** The typed error snappyDecode rejects with; fails the test when it resolves. */
export async function decodeError(bytes: Uint8Array, options: SnappyDecodeOptions = {}): Promise<ShiplensError> {
  try {
    await snappyDecode(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ShiplensError);
    return error as ShiplensError;
  }
  throw new Error('expected snappyDecode to fail');
}
