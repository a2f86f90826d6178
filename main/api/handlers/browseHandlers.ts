/** browse.list, object.inspect, object.download and parquet.schema handlers. */
import { countingByteSource } from '../../../core/bytes';
import { downloadTargetOf, downloadTargetPrepare, objectDownload } from '../../engine/objectsDownload';
import { objectsListPage } from '../../engine/objectsList';
import type { HandlerGroup } from '../handlerTypes';
import { outputDirResolve } from './outputDir';

/** Handlers for listing and single-object operations. */
export const browseHandlers: HandlerGroup<'browse.list' | 'object.inspect' | 'object.download' | 'parquet.schema'> = {
  'browse.list': async (services, arg) => {
    const storage = await services.connections.storage();
    return objectsListPage(storage, { prefix: arg.prefix, delimiter: arg.delimiter, pageToken: arg.pageToken, maxKeys: arg.maxKeys });
  },

  'object.inspect': async (services, arg) => {
    const storage = await services.connections.storage();
    const source = await storage.open(arg.key);
    const detected = await services.engine.formatDetect(source, { format: arg.format, compression: arg.compression });
    const result = {
      key: arg.key,
      size: source.size,
      format: detected.format,
      compression: detected.compression,
      detectedBy: detected.detectedBy,
    };
    return {
      ...result,
      ...(detected.snappyVariant ? { snappyVariant: detected.snappyVariant } : {}),
      ...(detected.uncompressedSize !== undefined ? { uncompressedSize: detected.uncompressedSize } : {}),
    };
  },

  'object.download': async (services, arg) => {
    const storage = await services.connections.storage();
    const outDir = await outputDirResolve(services, arg.outDir);
    const target = downloadTargetOf(arg.key);
    // Checked before the job starts: the call itself refuses a bad name or an existing file.
    const output = { outDir, overwrite: arg.overwrite, safeJoin: services.platform.safeJoin.bind(services.platform) };
    const path = await downloadTargetPrepare(output, target.name);
    return services.jobs.run(arg.jobId, (job) =>
      objectDownload(storage, target.key, path, {
        overwrite: arg.overwrite,
        signal: job.signal,
        onProgress: (done, total) => job.progress('download', done, total),
      }),
    );
  },

  'parquet.schema': async (services, arg) => {
    const storage = await services.connections.storage();
    // Counted so the panel can show what the footer cost (one or two range reads).
    const source = countingByteSource(await storage.open(arg.key));
    const schema = await services.engine.parquetSchemaRead(source);
    return { ...schema, key: arg.key, bytesRead: source.bytes, reads: source.reads };
  },
};
