/**
 * main/engine — README
 *
 * The engine is shiplens's operations created once, with the platform pieces bound: core's
 * format detection, Parquet schema, table reader, CSV export, snappy decode and shipping
 * simulator, given the raw-block decoder (`engineRawDecoder`: WASM hysnappy for pages and
 * small objects, the native addon for big ones), the parquetjs-lite writer and snappy
 * compression. Rules are read by the one parser in core/shipping/ruleInput.ts.
 *
 * Beside the bound engine, the operations over a storage are plain functions, each in its own
 * file (import the file, not this index, so `shiplens ls` does not load the decoders):
 * - objectsList.ts — listing: a page (`browse.list`), every page streamed (`shiplens ls`,
 *   range planning), the object keys below a folder (download and decompress targets);
 * - objectsDownload.ts — download: targets, the file checks before any byte moves (name,
 *   overwrite consent, folder without links), then the storage's download with progress and
 *   cancel (`object.download`, `shiplens get`);
 * - sourceDecode.ts — decode to a file: the object read within the cap, decoded (the app's
 *   runner or the engine's snappyDecode), its content sniffed; decodedName.ts names the file
 *   (`decompress.file`, `shiplens decode`, and each object of objectsDecompress.ts);
 * - objectsDecompress.ts — a partition decoded into one folder as one job (`decompress.objects`).
 *
 * Who calls it: the API handlers (main/api/handlers/*, through `services.engine`, built by
 * main/services/wiring.ts) and the CLI actions (main/cli/*Actions.ts, through `engineShared()`).
 * Both faces therefore list, download, decode, open, export and simulate with the same code and
 * the same decoder choice; the CLI only parses arguments and formats output, the handlers
 * resolve the output folder and run the work as a job. Heavy readers (Parquet, the
 * simulator's writer) load on first use, so `shiplens decode` does not pay for them. Files are
 * written by main/services/outputWriter.ts; storages (main/storage/storage.ts) only list,
 * read and download.
 */
import { snappyDecode } from '../../core/codecs';
import { formatDetect } from '../../core/detect';
import { engineRawDecoder } from './engineDecoder';
import type { Engine } from './engineTypes';

export type { Engine } from './engineTypes';

export { engineRawDecoder } from './engineDecoder';

/** The engine with the raw-block decoder, the parquetjs-lite writer and snappy compression bound. */
export function engineCreate(): Engine {
  return {
    tableOpen: async (source, options) =>
      (await import('../../core/formats')).tableOpen(source, { ...options, rawDecoder: engineRawDecoder() }),
    formatDetect: (source, hints, signal) => formatDetect(source, hints, signal),
    parquetSchemaRead: async (source, signal) => (await import('../../core/formats')).parquetSchemaRead(source, { signal }),
    csvExport: async (reader, write, options) => (await import('../../core/export')).csvExport(reader, write, options),
    snappyDecode: (bytes, options) => snappyDecode(bytes, { ...options, rawDecoder: engineRawDecoder() }),
    shippingSimulate: async (rule, logs, taskTimeNs, taskNumber) => {
      const [{ shippingSimulate }, { parquetWriteLite }, { snappyCompressRaw }] = await Promise.all([
        import('../../core/shipping'),
        import('../shipping/parquetWriter'),
        import('../../core/codecs'),
      ]);
      return shippingSimulate(rule, logs as never, taskTimeNs, taskNumber, {
        parquetWrite: parquetWriteLite,
        compressRaw: snappyCompressRaw,
      });
    },
  };
}

let shared: Engine | undefined;

/** The process's one engine (the CLI's; the app builds its own in wiring.ts for its services). */
export function engineShared(): Engine {
  shared ??= engineCreate();
  return shared;
}
