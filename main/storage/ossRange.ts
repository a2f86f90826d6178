/**
 * Ranged GETs of an OSS object as a ByteSource (hyparquet's `asyncBufferFromUrl` in spirit).
 *
 * Each read is one `Range: bytes=a-b` GET pinned to the ETag seen at open (If-Match), so an
 * object replaced mid-read is an error, not a mix of two versions. The answer is checked:
 * 206 with a matching Content-Range and exactly the requested length, else it is retried.
 */
import type { Readable } from 'node:stream';
import type { ByteSource } from '../../core/bytes';
import { byteRangeCheck } from '../../core/bytes';
import { ShiplensError } from '../../core/errors';
import { ossQuirksOf } from './ossQuirks';
import type { OssHead, OssRequest } from './ossRequest';
import { ossDateIso } from './ossRequest';
import { transientMark } from './retry';

/** Parse `bytes a-b/total`; null when absent or malformed. */
export function contentRangeParse(header: string | undefined): { start: number; end: number; total: number | null } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec((header ?? '').trim());
  if (!match) return null;
  return { start: Number(match[1]), end: Number(match[2]), total: match[3] === '*' ? null : Number(match[3]) };
}

/** One checked ranged GET. */
export async function ossRangeRead(
  request: OssRequest,
  key: string,
  start: number,
  length: number,
  etag: string | null,
  size: number,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (length === 0) return new Uint8Array(0);
  const end = start + length - 1;
  const source = request.sourceOf(key);
  return request.run(key, signal, async (client) => {
    const headers: Record<string, string> = { Range: `bytes=${start}-${end}` };
    if (etag) headers['If-Match'] = etag;
    let result;
    try {
      result = await client.get(key, { headers, timeout: request.endpointConfig.timeoutMs });
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
      if (bytes.length !== size)
        throw transientMark(new ShiplensError('TRUNCATED', `Expected the ${size}-byte object, got ${bytes.length} bytes.`, { source }));
      bytes = bytes.subarray(start, end + 1);
    } else {
      const range = contentRangeParse(resHeaders['content-range']);
      if (!range || range.start !== start || range.end !== end) {
        throw transientMark(
          new ShiplensError(
            'TRUNCATED',
            `Asked for bytes ${start}-${end}, the server answered "${resHeaders['content-range'] ?? 'no Content-Range'}".`,
            { source },
          ),
        );
      }
    }
    if (bytes.length !== length) {
      throw transientMark(
        new ShiplensError('TRUNCATED', `Got ${bytes.length} of ${length} bytes at offset ${start} (truncated body).`, {
          source,
          hint: 'The connection delivered a short body; check your network or endpoint.',
        }),
      );
    }
    return bytes;
  });
}

/** A ByteSource reading `head.key` by ranges. */
export function ossRangeSource(request: OssRequest, head: OssHead): ByteSource {
  const name = `oss://${request.bucket}/${head.key}`;
  return {
    size: head.size,
    name,
    async read(offset, length, signal) {
      byteRangeCheck(head.size, offset, length, name);
      return ossRangeRead(request, head.key, offset, length, head.etag, head.size, signal);
    },
  };
}

/** Bytes fetched by `open`'s first request: the object's last `bytes.length` bytes. */
export interface OssTail {
  head: OssHead;
  bytes: Uint8Array;
}

/** Largest whole-object answer to a suffix GET kept as the object's bytes (bounded memory). */
const wholeBodyMax = 16 * 1024 * 1024;

/** What a suffix GET gave: the tail, an empty object, or a server that does not honour suffixes. */
type SuffixAnswer = { tail: OssTail; honoured: boolean } | { empty: true } | { refused: OssHead };

/**
 * Open with one suffix GET (`Range: bytes=-N`) instead of HEAD + GET: its Content-Range gives
 * the size, its ETag pins later reads, and its body is the tail Parquet footers and sniffing
 * read first. Null when the object is empty (416): the caller falls back to HEAD.
 *
 * Some OSS-compatible servers answer a suffix range with the object's head (`bytes 0-N/size`)
 * or the whole object (200). The answer is checked; such an endpoint is remembered and read
 * with HEAD + absolute ranges from then on (a whole body is used when ≤ 16 MiB, else its
 * stream is dropped at that point: memory stays bounded whatever the object's size).
 */
export async function ossTailRead(request: OssRequest, key: string, tailBytes: number, signal?: AbortSignal): Promise<OssTail | null> {
  const quirks = ossQuirksOf(request.where);
  if (!quirks.noSuffixRanges) {
    const answer = await suffixGet(request, key, tailBytes, signal);
    if ('empty' in answer) return null;
    if ('tail' in answer) {
      if (!answer.honoured) quirks.noSuffixRanges = true;
      return answer.tail;
    }
    quirks.noSuffixRanges = true;
    return absoluteTail(request, answer.refused, tailBytes, signal);
  }
  return absoluteTail(request, await request.head(key, signal), tailBytes, signal);
}

/** The last `tailBytes` of an object known by HEAD (or a refused suffix answer), by an absolute range. */
async function absoluteTail(request: OssRequest, head: OssHead, tailBytes: number, signal?: AbortSignal): Promise<OssTail> {
  const length = Math.min(tailBytes, head.size);
  return { head, bytes: await ossRangeRead(request, head.key, head.size - length, length, head.etag, head.size, signal) };
}

/**
 * The body of a streamed answer, or null (stream destroyed) past `cap` bytes: a server that
 * sends a huge object for a suffix request costs the bytes read up to the cap, not its size.
 */
async function bodyUpTo(stream: Readable, cap: number, source: string, idleMs: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  // The request timeout ends at the headers: a body that stalls is cut after `idleMs` of silence.
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => stream.destroy(new Error('stalled')), idleMs);
  };
  try {
    arm();
    for await (const chunk of stream) {
      arm();
      total += (chunk as Buffer).length;
      if (total > cap) {
        stream.destroy();
        return null;
      }
      chunks.push(chunk as Buffer);
    }
  } catch {
    throw transientMark(
      new ShiplensError('NETWORK', `The connection broke or stalled after ${total} bytes of the object's tail.`, {
        source,
        hint: 'Check your network or endpoint.',
      }),
    );
  } finally {
    clearTimeout(timer);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

async function suffixGet(request: OssRequest, key: string, tailBytes: number, signal?: AbortSignal): Promise<SuffixAnswer> {
  const source = request.sourceOf(key);
  return request.run(key, signal, async (client): Promise<SuffixAnswer> => {
    let result;
    try {
      result = await client.getStream(key, { headers: { Range: `bytes=-${tailBytes}` }, timeout: request.endpointConfig.timeoutMs });
    } catch (error) {
      if ((error as { status?: number }).status === 416) return { empty: true };
      throw error;
    }
    const headers = result.res.headers as Record<string, string | undefined>;
    const meta = { key, lastModified: ossDateIso(headers['last-modified']), etag: headers.etag ?? null };
    const status = result.res.status;
    // The whole object (200) is kept when small; a 206 is at most the tail (or a head as long).
    const bytes = await bodyUpTo(
      result.stream as Readable,
      status === 200 ? wholeBodyMax : 2 * tailBytes + 1,
      source,
      request.endpointConfig.timeoutMs,
    );
    if (status === 200) {
      const length = Number(headers['content-length']);
      if (bytes) return { tail: { head: { ...meta, size: bytes.length }, bytes }, honoured: false };
      // Too big to keep: its size from Content-Length, then HEAD-free absolute ranges.
      if (Number.isSafeInteger(length) && length >= 0) return { refused: { ...meta, size: length } };
      return { refused: await request.head(key, signal) };
    }
    if (!bytes)
      throw transientMark(
        new ShiplensError('TRUNCATED', `Asked for the last ${tailBytes} bytes, the server sent more than ${2 * tailBytes + 1}.`, {
          source,
        }),
      );
    const range = contentRangeParse(headers['content-range']);
    if (!range || range.total === null || range.end - range.start + 1 !== bytes.length) {
      throw transientMark(
        new ShiplensError(
          'TRUNCATED',
          `Asked for the last ${tailBytes} bytes, got ${bytes.length} with "${headers['content-range'] ?? 'no Content-Range'}".`,
          { source },
        ),
      );
    }
    const head: OssHead = { ...meta, size: range.total };
    // Anything but a range ending at the last byte (e.g. `bytes 0-65536/5458238`) is not the tail.
    if (range.end !== range.total - 1) return { refused: head };
    return { tail: { head, bytes }, honoured: true };
  });
}

/**
 * Serve reads inside the prefetched tail from memory; a read that ends inside or at the tail fetches
 * only the bytes before it (from `direct`, exact, not block-rounded), so a footer longer than
 * the tail costs exactly one more request of exactly the missing bytes.
 */
export function tailByteSource(cached: ByteSource, direct: ByteSource, tail: Uint8Array): ByteSource {
  const tailStart = cached.size - tail.length;
  return {
    size: cached.size,
    name: cached.name,
    async read(offset, length, signal) {
      byteRangeCheck(cached.size, offset, length, cached.name);
      const end = offset + length;
      if (offset >= tailStart) return tail.subarray(offset - tailStart, end - tailStart);
      // A read that stops right at the tail (the rest of a long footer) is exact too.
      if (end < tailStart) return cached.read(offset, length, signal);
      const before = await direct.read(offset, tailStart - offset, signal);
      const out = new Uint8Array(length);
      out.set(before, 0);
      out.set(tail.subarray(0, end - tailStart), before.length);
      return out;
    },
  };
}
