/**
 * Worker thread: decodes one snappy object off the main thread (DESIGN rule 4).
 *
 * Receives a `DecodeWorkerRequest`, posts progress, then `done` with the output buffer
 * transferred, or `error` with ShiplensError info. Terminated by the parent on cancel.
 * A `TableWorkerOpen` request instead makes it serve one JSON-lines/CSV table (tableWorkerHost).
 */
import { parentPort } from 'node:worker_threads';
import { toShiplensError } from '../../core/errors';
import { snappyDecode } from '../../core/codecs/snappy';
import { nativeRawBlockDecoder } from '../codecs/nativeSnappy';
import type { DecodeWorkerMessage, DecodeWorkerRequest } from '../services/decodeRunner';
import { tableWorkerServe } from './tableWorkerHost';
import type { TableWorkerOpen } from './tableWorkerHost';

const port = parentPort;

async function decodeRequest(request: DecodeWorkerRequest): Promise<DecodeWorkerMessage> {
  try {
    const rawDecoder = nativeRawBlockDecoder() ?? undefined;
    const result = await snappyDecode(request.bytes, {
      maxOutputBytes: request.maxOutputBytes,
      rawDecoder,
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
      const output = message.output;
      const transferable = output.byteOffset === 0 && output.byteLength === output.buffer.byteLength ? output : output.slice();
      port.postMessage({ ...message, output: transferable }, [transferable.buffer as ArrayBuffer]);
    } else {
      port.postMessage(message);
    }
  });
});
