/**
 * Runs snappy decodes inline when small and in a worker thread when large, so a 200 MB
 * object never blocks the main process; cancel terminates the worker.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import type { TableWorkerOpenOptions } from '../workers/tableWorkerClient';
import { errorFromInfo } from '../workers/workerProtocol';
import type { DecodeWorkerMessage, DecodeWorkerRequest } from '../workers/workerProtocol';
import type { SnappyVariant } from '../../core/codecs';
import type { OpenedTable } from '../../core/formats';
import type { Engine } from '../engine/engineTypes';

/** Options of one decode. */
export interface DecodeOptions {
  maxDecodeBytes: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
  source?: string;
  /**
   * The caller gives up `bytes`: when they own their whole ArrayBuffer it is transferred to the
   * worker (detached here, length 0 after the call) instead of copied, so a 200 MB decode
   * holds its input once.
   */
  transferInput?: boolean;
}

/** Default size above which decoding moves to a worker thread. */
export const workerThresholdBytes = 8 * 1024 * 1024;

/** Decodes snappy bytes, choosing inline or worker by size. */
export class DecodeRunner {
  constructor(
    private readonly engine: Pick<Engine, 'snappyDecode'>,
    private readonly workerPath: string | null,
    private readonly thresholdBytes = workerThresholdBytes,
  ) {}

  /** True when a decode of `size` bytes will run in a worker. */
  usesWorker(size: number): boolean {
    return size >= this.thresholdBytes && this.workerPath !== null && existsSync(this.workerPath);
  }

  /** Open a large JSON-lines/CSV object's bytes as a table held by a worker (usesWorker first). */
  async tableOpen(options: TableWorkerOpenOptions): Promise<OpenedTable> {
    // Loaded when a table opens: a range fetch or a decode never loads the table readers (hyparquet and the rest, ~75 ms).
    const { tableWorkerOpen } = await import('../workers/tableWorkerClient');
    return tableWorkerOpen(this.workerPath as string, options);
  }

  /** Decode any snappy container to bytes. */
  async decode(bytes: Uint8Array, options: DecodeOptions): Promise<{ variant: SnappyVariant; output: Uint8Array }> {
    throwIfCancelled(options.signal);
    if (!this.usesWorker(bytes.length)) {
      return this.engine.snappyDecode(bytes, options);
    }
    return this.decodeInWorker(bytes, options);
  }

  private decodeInWorker(bytes: Uint8Array, options: DecodeOptions): Promise<{ variant: SnappyVariant; output: Uint8Array }> {
    const worker = new Worker(this.workerPath as string);
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (action: () => void): void => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        void worker.terminate();
        action();
      };
      const onAbort = (): void =>
        finish(() => reject(new ShiplensError('CANCELLED', 'The operation was cancelled.', { source: options.source })));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (message: DecodeWorkerMessage) => {
        if (message.type === 'progress') options.onProgress?.(message.done, message.total);
        else if (message.type === 'done') finish(() => resolve({ variant: message.variant, output: message.output }));
        else finish(() => reject(errorFromInfo(message.error)));
      });
      worker.on('error', (error) =>
        finish(() =>
          reject(new ShiplensError('INTERNAL', `The decode worker failed: ${error.message.split('\n')[0]}`, { source: options.source })),
        ),
      );
      worker.on('exit', (code) =>
        finish(() => reject(new ShiplensError('INTERNAL', `The decode worker stopped (exit code ${code}).`, { source: options.source }))),
      );
      const input = inputTransferable(bytes, options.transferInput === true);
      const request: DecodeWorkerRequest = { bytes: input, maxDecodeBytes: options.maxDecodeBytes, source: options.source };
      worker.postMessage(request, [input.buffer as ArrayBuffer]);
    });
  }
}

/** `bytes` itself when it may be given away whole, else a copy (a view may share a pool). */
function inputTransferable(bytes: Uint8Array, transfer: boolean): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return transfer && whole ? bytes : bytes.slice();
}
