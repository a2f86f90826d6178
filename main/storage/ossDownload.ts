/**
 * Download an OSS object to a file: `<dest>.part`, progress, cancel, resume with Range after a
 * broken connection, size check, rename (issue 8 §3: byte-exact or no file at the target).
 *
 * When the network gives up for good, the `.part` is kept with a small state record (key,
 * ETag, size); the next download of the same object version resumes from it with Range.
 */
import type { Readable } from 'node:stream';
import { sleepCancellable } from '../../core/bytes';
import { ShiplensError, isShiplensError } from '../../core/errors';
import { outputWriteAll } from '../services/outputWriter';
import { destCheck, partCommit, partDiscard, partOpen, partPathOf, partResumableBytes, partStateDiscard, partStateWrite } from './partFile';
import { contentRangeParse } from './ossRange';
import type { OssRequest } from './ossRequest';
import { backoffDelay, errorIsTransient, transientMark } from './retry';
import type { StorageDownloadOptions } from './storage';

/** Upper bound on resumptions of one download (each must make progress). */
const maxResumes = 1000;

/** Download `key` to `destPath` through `<destPath>.part`. */
export async function ossDownload(
  request: OssRequest,
  key: string,
  destPath: string,
  options: StorageDownloadOptions,
): Promise<{ bytes: number }> {
  const overwrite = options.overwrite === true;
  const { signal } = options;
  await destCheck(destPath, overwrite);
  const head = await request.head(key, signal);
  const stablePart = partPathOf(destPath);
  let state = head.etag === null ? null : { source: request.sourceOf(key), etag: head.etag, size: head.size };
  let done = state ? await partResumableBytes(stablePart, state) : 0;
  const { path: part, handle } = await partOpen(destPath, { resume: done > 0, stable: state !== null, ownedSource: state?.source });
  // Someone else's `<dest>.part` is left alone: this download uses a unique part, not resumable.
  if (part !== stablePart) [state, done] = [null, 0];
  if (state) await partStateWrite(part, state);
  try {
    let failures = 0;
    for (let resumes = 0; done < head.size; resumes++) {
      const before = done;
      try {
        done += await streamRange(
          request,
          key,
          head.etag,
          done,
          head.size,
          (chunk) => outputWriteAll(handle, chunk, destPath),
          (n) => options.onProgress?.(n, head.size),
          signal,
        );
      } catch (error) {
        done = Math.max(done, before + ((error as { received?: number }).received ?? 0));
        if (signal?.aborted || !errorIsTransient(error) || resumes >= maxResumes) throw error;
        // A broken transfer that moved forward resets the failure count; a stuck one does not.
        failures = done > before ? 0 : failures + 1;
        if (failures > request.retries) throw error;
        await sleepCancellable(backoffDelay(failures, request.retryBaseMs, 5000, request.random), signal);
      }
    }
    options.onProgress?.(done, head.size);
    await handle.close();
    await partCommit(part, destPath, head.size, overwrite);
    await partStateDiscard(part);
    return { bytes: head.size };
  } catch (error) {
    await handle.close().catch(() => undefined);
    const source = request.sourceOf(key);
    if (!signal?.aborted && errorIsTransient(error) && state && done > 0 && isShiplensError(error)) {
      throw new ShiplensError(error.code, error.message, {
        source,
        hint: `${done} of ${head.size} bytes are kept in ${part}; download again to resume. ${error.hint ?? ''}`.trim(),
      });
    }
    await partDiscard(part);
    await partStateDiscard(part);
    if (signal?.aborted) throw new ShiplensError('CANCELLED', 'The download was cancelled.', { source });
    throw error;
  }
}

/** GET `bytes=from-(size-1)` (If-Match the ETag) and check the answer is exactly that range. */
async function rangeStreamOpen(
  request: OssRequest,
  key: string,
  etag: string | null,
  from: number,
  size: number,
  signal: AbortSignal | undefined,
): Promise<Readable> {
  const headers: Record<string, string> = { Range: `bytes=${from}-${size - 1}` };
  if (etag) headers['If-Match'] = etag;
  const result = await request.run(key, signal, (client) => client.getStream(key, { headers, timeout: request.endpointConfig.timeoutMs }));
  const stream = result.stream as Readable;
  const range = contentRangeParse((result.res.headers as Record<string, string | undefined>)['content-range']);
  if (result.res.status !== 206 || !range || range.start !== from || range.total !== size) {
    stream.destroy();
    throw new ShiplensError(
      'SERVER_ERROR',
      `Asked for bytes ${from}- of ${size}, the server answered ${result.res.status} with a different range.`,
      {
        source: request.sourceOf(key),
        hint: 'The object changed or the endpoint ignores Range; try again.',
      },
    );
  }
  return stream;
}

/** Destroy `stream` with TIMEOUT when no data arrives for `idleMs`; `arm` restarts the wait. */
function idleWatchdog(stream: Readable, idleMs: number, source: string): { arm: () => void; disarm: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const disarm = (): void => clearTimeout(timer);
  const arm = (): void => {
    disarm();
    timer = setTimeout(
      () => stream.destroy(new ShiplensError('TIMEOUT', `No data for ${idleMs} ms.`, { source, hint: 'Check your network or endpoint.' })),
      idleMs,
    );
  };
  return { arm, disarm };
}

/**
 * GET `bytes=from-(size-1)` and append it with `write`; returns the bytes written.
 * On failure the thrown error carries `received` (bytes written before it broke).
 */
async function streamRange(
  request: OssRequest,
  key: string,
  etag: string | null,
  from: number,
  size: number,
  write: (chunk: Uint8Array) => Promise<void>,
  progress: (done: number) => void,
  signal: AbortSignal | undefined,
): Promise<number> {
  const source = request.sourceOf(key);
  const stream = await rangeStreamOpen(request, key, etag, from, size, signal);
  let received = 0;
  const { arm, disarm } = idleWatchdog(stream, request.endpointConfig.timeoutMs, source);
  const onAbort = (): void => void stream.destroy(new ShiplensError('CANCELLED', 'The download was cancelled.', { source }));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    arm();
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      arm();
      if (from + received + chunk.length > size)
        throw new ShiplensError('SERVER_ERROR', 'The server sent more bytes than the object has.', { source });
      await write(chunk);
      received += chunk.length;
      progress(from + received);
    }
  } catch (error) {
    const mapped = isShiplensError(error)
      ? error
      : transientMark(
          new ShiplensError('NETWORK', `The connection broke after ${from + received} of ${size} bytes.`, {
            source,
            hint: 'Check your network or endpoint.',
          }),
        );
    throw Object.assign(mapped, { received });
  } finally {
    disarm();
    signal?.removeEventListener('abort', onAbort);
  }
  if (received !== size - from) {
    throw Object.assign(
      transientMark(
        new ShiplensError('TRUNCATED', `The body ended after ${from + received} of ${size} bytes (truncated).`, {
          source,
          hint: 'Check your network or endpoint.',
        }),
      ),
      { received },
    );
  }
  return received;
}
