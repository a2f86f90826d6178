/**
 * Ranged GETs of an OSS object as a ByteSource (hyparquet's `asyncBufferFromUrl` in spirit).
 *
 * Each read is one `Range: bytes=a-b` GET pinned to the ETag seen at open (If-Match), so an
 * object replaced mid-read is an error, not a mix of two versions. The answer is checked:
 * 206 with a matching Content-Range and exactly the requested length, else it is retried.
 */
import type { ByteSource } from '../../core/bytes/byteSource';
import { byteRangeCheck } from '../../core/bytes/byteSource';
import { ShiplensError } from '../../core/errors';
import type { OssHead, OssStorage } from './ossStorage';
import { transientMark } from './retry';

/** Parse `bytes a-b/total`; null when absent or malformed. */
export function contentRangeParse(header: string | undefined): { start: number; end: number; total: number | null } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec((header ?? '').trim());
  if (!match) return null;
  return { start: Number(match[1]), end: Number(match[2]), total: match[3] === '*' ? null : Number(match[3]) };
}

/** One checked ranged GET. */
export async function ossRangeRead(storage: OssStorage, key: string, start: number, length: number, etag: string | null, size: number, signal?: AbortSignal): Promise<Uint8Array> {
  if (length === 0) return new Uint8Array(0);
  const end = start + length - 1;
  const source = `oss://${storage.bucket}/${key}`;
  return storage.run(key, signal, async (client) => {
    const headers: Record<string, string> = { Range: `bytes=${start}-${end}` };
    if (etag) headers['If-Match'] = etag;
    let result;
    try {
      result = await client.get(key, { headers, timeout: storage.endpointConfig.timeoutMs });
    } catch (error) {
      if ((error as { status?: number }).status === 412) {
        throw new ShiplensError('IO', 'The object changed on the server while it was being read.', { source, hint: 'Reopen the object.' });
      }
      throw error;
    }
    const body = result.content as Buffer;
    const status = result.res.status;
    const resHeaders = result.res.headers as Record<string, string | undefined>;
    let bytes = new Uint8Array(body.buffer, body.byteOffset, body.length);
    if (status === 200) {
      // A server that ignores Range sends the whole object: usable only if it is whole.
      if (bytes.length !== size) throw transientMark(new ShiplensError('TRUNCATED', `Expected the ${size}-byte object, got ${bytes.length} bytes.`, { source }));
      bytes = bytes.subarray(start, end + 1);
    } else {
      const range = contentRangeParse(resHeaders['content-range']);
      if (!range || range.start !== start || range.end !== end) {
        throw transientMark(new ShiplensError('TRUNCATED', `Asked for bytes ${start}-${end}, the server answered "${resHeaders['content-range'] ?? 'no Content-Range'}".`, { source }));
      }
    }
    if (bytes.length !== length) {
      throw transientMark(new ShiplensError('TRUNCATED', `Got ${bytes.length} of ${length} bytes at offset ${start} (truncated body).`, {
        source,
        hint: 'The connection delivered a short body; check your network or endpoint.',
      }));
    }
    return bytes;
  });
}

/** A ByteSource reading `head.key` by ranges. */
export function ossRangeSource(storage: OssStorage, head: OssHead): ByteSource {
  const name = `oss://${storage.bucket}/${head.key}`;
  return {
    size: head.size,
    name,
    async read(offset, length, signal) {
      byteRangeCheck(head.size, offset, length, name);
      return ossRangeRead(storage, head.key, offset, length, head.etag, head.size, signal);
    },
  };
}
