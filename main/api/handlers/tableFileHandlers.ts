/**
 * table.openFile: a decompressed output or a dropped file as a table, without touching the
 * connection (opening the output folder as the bucket lost the user's `--bucket` folder).
 */
import { realpath } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { ShiplensError } from '../../../core/errors';
import type { ApiServices } from '../../services/types';
import type { ApiParsed } from '../contract';
import type { HandlerGroup } from '../handlerTypes';
import { outputDirResolve } from './outputDir';
import { tableFromSource, tableInfoBuild } from './tableHandlers';

async function realOrSelf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/**
 * The file to open: an upload of this session, or a path inside the output folder (links
 * resolved first, so a link in the folder cannot point a reader elsewhere).
 */
export async function tableFileResolve(services: ApiServices, arg: ApiParsed<'table.openFile'>): Promise<{ path: string; name: string }> {
  if (arg.path && arg.uploadId) {
    throw new ShiplensError('INVALID_ARGUMENT', 'Give either a path or an upload id, not both.', { source: 'path' });
  }
  if (arg.uploadId) {
    const upload = services.uploads.get(arg.uploadId);
    return { path: upload.path, name: upload.name };
  }
  if (!arg.path)
    throw new ShiplensError('INVALID_ARGUMENT', 'Invalid argument "path": give a file path or an upload id.', { source: 'path' });
  const root = await realOrSelf(await outputDirResolve(services, arg.outDir));
  const path = await realOrSelf(resolve(arg.path));
  const inside = relative(root, path);
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) {
    throw new ShiplensError('PATH_OUTSIDE_ROOT', `${path} is not inside the output folder ${root}.`, {
      source: arg.path,
      hint: 'Only decompressed or exported files open this way; to read another folder, connect to it.',
    });
  }
  return { path, name: basename(path) };
}

/** The table.openFile handler. */
export const tableFileHandlers: HandlerGroup<'table.openFile'> = {
  'table.openFile': async (services, arg) => {
    const file = await tableFileResolve(services, arg);
    return services.jobs.run(arg.jobId, async (job) => {
      const source = await services.platform.fileByteSource(file.path, file.name);
      const opened = await tableFromSource(
        services,
        source,
        { key: file.name, format: arg.format, compression: arg.compression, dialect: arg.dialect },
        job,
      );
      const tableId = services.tables.add({ key: file.name, opened });
      return tableInfoBuild(tableId, file.name, opened);
    });
  },
};
