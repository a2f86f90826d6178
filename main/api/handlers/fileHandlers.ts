/** decompress.file, decompress.objects and rules.simulate handlers. */
import { basename, dirname, resolve } from 'node:path';
import { ShiplensError } from '../../../core/errors';
import { errorInfoRedact } from '../../services/secrets';
import { ruleFromJsonValue } from '../../../core/shipping';
import { outputFileWrite } from '../../services/outputWriter';
import type { ApiServices } from '../../services/types';
import type { DecompressResult, ObjectsDecompressResult } from '../../model';
import type { DecodeOptions } from '../../services/decodeRunner';
import type { ApiParsed } from '../contract';
import type { HandlerGroup } from '../handlerTypes';
import { decompressOutputName } from '../../engine/decodedName';
import { sourceDecode } from '../../engine/sourceDecode';
import { objectsDecompress } from '../../engine/objectsDecompress';
import { outputDirResolve } from './outputDir';

function decompressInput(services: ApiServices, arg: ApiParsed<'decompress.file'>): { path: string; name: string; local: boolean } {
  if (arg.path && arg.uploadId) {
    throw new ShiplensError('INVALID_ARGUMENT', 'Give either a path or an upload id, not both.', { source: 'path' });
  }
  if (arg.path) {
    const path = resolve(arg.path);
    return { path, name: basename(path), local: true };
  }
  if (arg.uploadId) {
    const upload = services.uploads.get(arg.uploadId);
    return { path: upload.path, name: upload.name, local: false };
  }
  throw new ShiplensError('INVALID_ARGUMENT', 'Invalid argument "path": give a file path or an upload id.', { source: 'path' });
}

async function decompressFile(services: ApiServices, arg: ApiParsed<'decompress.file'>): Promise<DecompressResult> {
  const input = decompressInput(services, arg);
  const { maxDecodeBytes } = await services.settings.get();
  // Electron decodes next to the dropped file; browser mode into the output folder.
  const outDir =
    arg.outDir === undefined && input.local && services.mode === 'electron'
      ? dirname(input.path)
      : await outputDirResolve(services, arg.outDir);
  return services.jobs.run(arg.jobId, async (job) => {
    const source = await services.platform.fileByteSource(input.path, input.name);
    job.progress('read', 0, source.size);
    const decoded = await sourceDecode(source, (bytes, options) => services.decoder.decode(bytes, options), {
      maxDecodeBytes,
      signal: job.signal,
      source: input.name,
      onProgress: (done, total) => job.progress('decode', done, total),
    });
    const { output, variant, inputBytes, contentFormat } = decoded;
    const target = services.platform.safeJoin(outDir, arg.fileName ?? decompressOutputName(input.name, contentFormat));
    job.progress('write', 0, output.length);
    await outputFileWrite(target, { overwrite: arg.overwrite, root: outDir }, output);
    job.progress('write', output.length, output.length);
    return { path: target, bytes: output.length, variant, inputBytes, contentFormat };
  });
}

/** A partition (or listed objects) of the connection decoded into the output folder as one job. */
async function decompressObjects(services: ApiServices, arg: ApiParsed<'decompress.objects'>): Promise<ObjectsDecompressResult> {
  const storage = await services.connections.storage();
  const outDir = await outputDirResolve(services, arg.outDir);
  const { maxDecodeBytes } = await services.settings.get();
  const deps = {
    storage,
    formatDetect: services.engine.formatDetect.bind(services.engine),
    decode: (bytes: Uint8Array, options: DecodeOptions) => services.decoder.decode(bytes, options),
    safeJoin: services.platform.safeJoin.bind(services.platform),
    maxDecodeBytes,
  };
  const result = await services.jobs.run(arg.jobId, (job) =>
    objectsDecompress(deps, {
      ...arg,
      outDir,
      signal: job.signal,
      onProgress: (phase, done, total, bytes) => job.progress(phase, done, total, bytes),
    }),
  );
  // Per-object errors leave main like a call's error: no secret in them.
  for (const outcome of result.results) if (outcome.error) outcome.error = errorInfoRedact(outcome.error);
  return result;
}

/** Handlers for file decompression and rule simulation. */
export const fileHandlers: HandlerGroup<'decompress.file' | 'decompress.objects' | 'rules.simulate'> = {
  'decompress.file': decompressFile,
  'decompress.objects': decompressObjects,
  'rules.simulate': async (services, arg) => {
    // The one rule parser checks the fields (the contract only knows an object came).
    const { rule } = ruleFromJsonValue(arg.rule);
    const objects = await services.engine.shippingSimulate(rule, arg.logs, BigInt(arg.taskTimeNs), arg.taskNumber);
    return {
      objects: objects.map((o) => ({
        key: o.key,
        size: o.bytes.length,
        rows: o.rows,
        base64: Buffer.from(o.bytes.buffer, o.bytes.byteOffset, o.bytes.byteLength).toString('base64'),
      })),
    };
  },
};
