/**
 * The table side of the decode worker: a large JSON-lines/CSV object is decoded, indexed and
 * kept here, and the main process asks for pages of rows by message, so neither the snappy
 * decode nor the per-line JSON indexing (seconds for 200 MB) runs on the main event loop.
 *
 * The object's decoded bytes live in a SharedArrayBuffer: the reader here and the raw text
 * view in main read the same memory, so the text is not held twice.
 */
import type { MessagePort } from 'node:worker_threads';
import { byteSourceFromBytes } from '../../core/bytes';
import { snappyjsRawDecoder } from '../../core/codecs';
import type { RawBlockDecoder } from '../../core/codecs';
import { toShiplensError } from '../../core/errors';
import { tableOpen } from '../../core/formats';
import type { TableReader } from '../../core/formats';
import { engineRawDecoder } from '../engine/engineDecoder';
import type { TableWorkerMessage, TableWorkerOpen, TableWorkerRows } from './workerProtocol';

function sharedCopy(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return shared;
}

/** The engine's decoder (else snappyjs) with its output moved into shared memory. */
function sharedOutputDecoder(): RawBlockDecoder {
  const inner = engineRawDecoder() ?? snappyjsRawDecoder;
  return { name: inner.name, uncompress: (block, length) => sharedCopy(inner.uncompress(block, length)) };
}

async function openTable(request: TableWorkerOpen, port: MessagePort): Promise<TableReader | null> {
  try {
    const source = byteSourceFromBytes(sharedCopy(request.bytes), request.name);
    const opened = await tableOpen(source, {
      format: request.format,
      compression: request.compression,
      dialect: request.dialect,
      maxDecodeBytes: request.maxDecodeBytes,
      maxColumns: request.maxColumns,
      rawDecoder: sharedOutputDecoder(),
      onProgress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies TableWorkerMessage),
    });
    // Framing/snappy-java outputs are assembled by core in ordinary memory: share a copy.
    const text = opened.text && !(opened.text.buffer instanceof SharedArrayBuffer) ? sharedCopy(opened.text) : opened.text;
    const { reader } = opened;
    const message: TableWorkerMessage = {
      type: 'opened',
      columns: reader.columns,
      numRows: reader.numRows,
      format: opened.format,
      compression: opened.compression,
      detectedBy: opened.detectedBy,
      text,
      warnings: opened.warnings,
      ...(opened.snappyVariant ? { snappyVariant: opened.snappyVariant } : {}),
    };
    port.postMessage(message);
    return reader;
  } catch (error) {
    port.postMessage({ type: 'error', error: toShiplensError(error, request.name).toInfo() } satisfies TableWorkerMessage);
    return null;
  }
}

/** Serve one table on `port`: open it, then answer row requests until terminated. */
export function tableWorkerServe(request: TableWorkerOpen, port: MessagePort): void {
  const ready = openTable(request, port);
  port.on('message', (message: TableWorkerRows) => {
    void ready.then(async (reader) => {
      if (!reader || message.kind !== 'rows') return;
      try {
        port.postMessage({
          type: 'rows',
          id: message.id,
          rows: await reader.readRows(message.offset, message.limit),
        } satisfies TableWorkerMessage);
      } catch (error) {
        port.postMessage({
          type: 'rowsError',
          id: message.id,
          error: toShiplensError(error, request.name).toInfo(),
        } satisfies TableWorkerMessage);
      }
    });
  });
}
