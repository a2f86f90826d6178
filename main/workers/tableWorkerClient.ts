/**
 * Main-process side of a worker-held table (tableWorkerHost): a TableReader whose pages are
 * asked of the worker by message, and the shared raw text. `close()` ends the worker.
 */
import { Worker } from 'node:worker_threads';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import { tableBatchRows } from '../../core/formats';
import type { Cell } from '../../core/model';
import type { TableReader, OpenedTable } from '../../core/formats';
import { errorFromInfo } from './workerProtocol';
import type { TableWorkerMessage, TableWorkerOpen, TableWorkerRows } from './workerProtocol';

/** Options of `tableWorkerOpen`. */
export interface TableWorkerOpenOptions {
  request: Omit<TableWorkerOpen, 'kind'>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number | null) => void;
}

// Most rows per message of `rowBatches` (export); wide tables get fewer (batches sized in cells).
const maxBatchRows = 10_000;

type Pending = { resolve: (rows: Cell[][]) => void; reject: (error: unknown) => void };

function workerGone(source: string): ShiplensError {
  return new ShiplensError('CANCELLED', 'The table was closed.', { source, hint: 'Open the object again.' });
}

/** One worker holding one table: its pending row requests and whether it was closed. */
interface Session {
  worker: Worker;
  source: string;
  pending: Map<number, Pending>;
  state: { closed: boolean };
  /** End the worker and reject every pending read with `error`. */
  close(error?: unknown): void;
}

function sessionCreate(worker: Worker, source: string): Session {
  const pending = new Map<number, Pending>();
  const state = { closed: false };
  const close = (error: unknown = workerGone(source)): void => {
    if (state.closed) return;
    state.closed = true;
    void worker.terminate();
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return { worker, source, pending, state, close };
}

/** A reader that asks the session's worker for rows; `close` rejects every pending read. */
function readerProxy(session: Session, opened: Extract<TableWorkerMessage, { type: 'opened' }>): TableReader {
  const { worker, pending, state, source } = session;
  let nextId = 1;
  const readRows = (offset: number, limit: number, signal?: AbortSignal): Promise<Cell[][]> => {
    throwIfCancelled(signal);
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(limit) || offset < 0 || limit < 0) {
      return Promise.reject(new ShiplensError('INVALID_ARGUMENT', `Invalid row range ${offset}+${limit}.`, { source }));
    }
    if (state.closed) return Promise.reject(workerGone(source));
    const id = nextId++;
    return new Promise<Cell[][]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ kind: 'rows', id, offset, limit } satisfies TableWorkerRows);
    });
  };
  return {
    columns: opened.columns,
    numRows: opened.numRows,
    readRows,
    async *rowBatches(signal) {
      const batchRows = tableBatchRows(opened.columns.length, maxBatchRows);
      for (let offset = 0; opened.numRows === null || offset < opened.numRows; offset += batchRows) {
        const rows = await readRows(offset, batchRows, signal);
        if (rows.length === 0) return;
        yield rows;
      }
    },
  };
}

/** The opened table of an `opened` message: a reader proxy, the shared text, `close` ending the worker. */
function tableOf(session: Session, message: Extract<TableWorkerMessage, { type: 'opened' }>): OpenedTable & { close(): void } {
  const { format, compression, snappyVariant, detectedBy, text, warnings } = message;
  const table = { reader: readerProxy(session, message), format, compression, detectedBy, text, warnings, close: () => session.close() };
  return snappyVariant ? { ...table, snappyVariant } : table;
}

/** How the open's promise settles, as messages arrive. */
interface OpenOutcome {
  progress?: (done: number, total: number | null) => void;
  opened(table: OpenedTable & { close(): void }): void;
  failed(error: ShiplensError): void;
}

/** Route one worker message: progress, the open's outcome, or the answer to a row request. */
function messageRoute(session: Session, message: TableWorkerMessage, outcome: OpenOutcome): void {
  const { pending } = session;
  switch (message.type) {
    case 'progress':
      outcome.progress?.(message.done, message.total);
      break;
    case 'opened':
      outcome.opened(tableOf(session, message));
      break;
    case 'error':
      outcome.failed(errorFromInfo(message.error));
      break;
    case 'rows':
      pending.get(message.id)?.resolve(message.rows);
      pending.delete(message.id);
      break;
    case 'rowsError':
      pending.get(message.id)?.reject(errorFromInfo(message.error));
      pending.delete(message.id);
      break;
  }
}

/** Open a JSON-lines/CSV object (snappy or not) in a worker thread at `workerPath`. */
export function tableWorkerOpen(workerPath: string, options: TableWorkerOpenOptions): Promise<OpenedTable & { close(): void }> {
  const source = options.request.name;
  const worker = new Worker(workerPath);
  worker.unref(); // an open table must not keep the process alive
  const session = sessionCreate(worker, source);
  return new Promise((resolve, reject) => {
    let opened = false;
    const onAbort = (): void => {
      if (opened) return;
      session.close();
      reject(new ShiplensError('CANCELLED', 'The operation was cancelled.', { source }));
    };
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const outcome: OpenOutcome = {
      progress: options.onProgress,
      opened(table) {
        opened = true;
        options.signal?.removeEventListener('abort', onAbort);
        resolve(table);
      },
      failed(error) {
        options.signal?.removeEventListener('abort', onAbort);
        session.close();
        reject(error);
      },
    };
    worker.on('message', (message: TableWorkerMessage) => messageRoute(session, message, outcome));
    const died = (why: string): void => {
      const error = new ShiplensError('INTERNAL', `The table worker stopped: ${why}.`, { source, hint: 'Open the object again.' });
      if (!opened) reject(error);
      session.close(error);
    };
    worker.on('error', (error) => died(error.message.split('\n')[0] ?? 'error'));
    worker.on('exit', (code) => {
      if (!session.state.closed) died(`exit code ${code}`);
    });
    void transferableCopy(options.request.bytes).then((bytes) => {
      if (!session.state.closed)
        worker.postMessage({ kind: 'table', ...options.request, bytes } satisfies TableWorkerOpen, [bytes.buffer as ArrayBuffer]);
    });
  });
}

// Copy slice per event-loop turn: a single 200 MB memcpy would hold the loop for ~100 ms.
const copySliceBytes = 8 * 1024 * 1024;

/** A copy in its own (transferable) buffer: the caller's view may share a larger one it still uses. */
async function transferableCopy(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Uint8Array(bytes.length);
  for (let at = 0; at < bytes.length; at += copySliceBytes) {
    out.set(bytes.subarray(at, at + copySliceBytes), at);
    if (at + copySliceBytes < bytes.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}
