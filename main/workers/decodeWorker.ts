/**
 * Worker thread: decodes one snappy object off the main thread (DESIGN rule 4).
 *
 * Receives a `DecodeWorkerRequest` (its input transferred), posts progress, then `done` with
 * the output's whole ArrayBuffer transferred (never copied), or `error` with ShiplensError info. Terminated by the parent on cancel.
 * A `TableWorkerOpen` request instead makes it serve one JSON-lines/CSV table (tableWorkerHost).
 */
import { parentPort } from 'node:worker_threads';
import { toShiplensError } from '../../core/errors';
import { snappyDecode } from '../../core/codecs';
// The decoder choice alone, not the engine's index: the worker bundle stays free of its readers.
import { engineRawDecoder } from '../engine/engineDecoder';
import { tableWorkerServe } from './tableWorkerHost';
import type { DecodeWorkerMessage, DecodeWorkerRequest, TableWorkerOpen } from './workerProtocol';
import { workerRawDecoder } from './workerRawDecoder';

const port = parentPort;

async function decodeRequest(request: DecodeWorkerRequest): Promise<DecodeWorkerMessage> {
  // Only this frame holds the input: it is garbage once the decode returns.
  const bytes = request.bytes;
  request.bytes = new Uint8Array(0);
  try {
    const result = await snappyDecode(bytes, {
      maxDecodeBytes: request.maxDecodeBytes,
      rawDecoder: workerRawDecoder(engineRawDecoder() ?? null),
      source: request.source,
      onProgress: (done, total) => port?.postMessage({ type: 'progress', done, total } satisfies DecodeWorkerMessage),
    });
    return { type: 'done', variant: result.variant, output: result.output };
  } catch (error) {
    return { type: 'error', error: toShiplensError(error, request.source).toInfo() };
  }
}

port?.once('message', (request: DecodeWorkerRequest | TableWorkerOpen) => {
  if ('kind' in request && request.kind === 'table') {
    tableWorkerServe(request, port);
    return;
  }
  void decodeRequest(request as DecodeWorkerRequest).then((message) => {
    if (message.type === 'done') {
      // The view travels with its offset and length over the whole transferred buffer (the
      // snappyjs whole-block path leaves 8 marker bytes after the output): no slice, no copy.
      port.postMessage(message, [message.output.buffer as ArrayBuffer]);
    } else {
      port.postMessage(message);
    }
  });
});
