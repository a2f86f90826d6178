/** browse.list, object.inspect, object.download and parquet.schema handlers. */
import { countingByteSource } from '../../../core/bytes';
import { outputFolderPrepare, outputNameCheck } from '../../services/outputName';
import { outputTargetCheck } from '../../services/outputWriter';
import type { HandlerGroup } from '../handlerTypes';
import { keyFileName, outputDirResolve } from './outputDir';

/** Handlers for listing and single-object operations. */
export const browseHandlers: HandlerGroup<'browse.list' | 'object.inspect' | 'object.download' | 'parquet.schema'> = {
  'browse.list': async (services, arg) => {
    const storage = await services.connections.storage();
    return storage.list({ prefix: arg.prefix, delimiter: arg.delimiter, pageToken: arg.pageToken, maxKeys: arg.maxKeys });
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
    const target = services.platform.safeJoin(outDir, keyFileName(arg.key));
    await outputTargetCheck(target, arg.overwrite);
    outputNameCheck(target);
    await outputFolderPrepare(target, outDir);
    return services.jobs.run(arg.jobId, async (job) => {
      const result = await storage.download(arg.key, target, {
        overwrite: arg.overwrite,
        signal: job.signal,
        onProgress: (done, total) => job.progress('download', done, total),
      });
      return { path: target, bytes: result.bytes };
    });
  },

  'parquet.schema': async (services, arg) => {
    const storage = await services.connections.storage();
    // Counted so the panel can show what the footer cost (one or two range reads).
    const source = countingByteSource(await storage.open(arg.key));
    const schema = await services.engine.parquetSchemaRead(source);
    return { ...schema, key: arg.key, bytesRead: source.bytes, reads: source.reads };
  },
};
