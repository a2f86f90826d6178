/**
 * What `shiplens ls | get` do (wired in storageCommands.ts, loaded when one runs): listing
 * (paged, streamed) and downloads (atomic, resumable), on a local folder or `oss://bucket/prefix`.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { ShiplensError } from '../../core/errors';
import type { ObjectEntry } from '../../core/model';
import { downloadTargets, objectsDownload } from '../engine/objectsDownload';
import type { DownloadTarget } from '../engine/objectsDownload';
import { objectsListAll } from '../engine/objectsList';
import { safeJoin } from '../safePath';
import { LocalFolderStorage } from '../storage/localFolderStorage';
import type { Storage } from '../storage/storage';
import type { CliContext } from './cliOptions';
import { cliGlobals } from './cliOptions';
import { cliProgress } from './cliOutput';
import type { CliProgress } from './cliOutput';
import { cliLocationParse, cliOssStorage, cliStorageOpen } from './cliSources';

export interface LsFlags {
  recursive?: boolean;
  json?: boolean;
  pageSize: number;
}

function objectLine(o: ObjectEntry): string {
  return `${String(o.size).padStart(12)}  ${o.lastModified.replace(/\.\d{3}Z$/, 'Z')}  ${o.key}\n`;
}

export async function lsAction(url: string, flags: LsFlags, command: Command, ctx: CliContext): Promise<void> {
  ctx.source = url;
  const { storage, prefix } = await cliStorageOpen(cliLocationParse(url, ctx.io.cwd), cliGlobals(command), ctx.io);
  const progress = await objectsListAll(
    storage,
    { prefix, delimiter: flags.recursive ? '' : '/', maxKeys: flags.pageSize, signal: ctx.signal },
    async (page) => {
      // One write per page: output streams as pages arrive, without a write per key.
      const lines = flags.json
        ? [
            ...page.prefixes.map((p) => `${JSON.stringify({ type: 'prefix', key: p })}\n`),
            ...page.objects.map((o) => `${JSON.stringify({ type: 'object', ...o })}\n`),
          ]
        : [...page.prefixes.map((p) => `${'PRE'.padStart(12)}  ${' '.repeat(20)}  ${p}\n`), ...page.objects.map(objectLine)];
      if (lines.length > 0) await ctx.io.stdout.write(lines.join(''));
    },
  );
  if (ctx.io.stderrIsTTY)
    await ctx.io.stderr.write(`${progress.objects} objects, ${progress.prefixes} prefixes (${progress.pages} pages)\n`);
}

/** What to download: one object, or every object under a prefix (kept relative to it). */
async function getTargets(url: string, command: Command, ctx: CliContext): Promise<{ storage: Storage; targets: DownloadTarget[] }> {
  const location = cliLocationParse(url, ctx.io.cwd);
  if (location.kind === 'local') {
    const info = await stat(location.path).catch(() => null);
    if (!info) throw new ShiplensError('NOT_FOUND', 'The file does not exist.', { source: url });
    if (!info.isDirectory()) {
      const storage = new LocalFolderStorage(path.dirname(location.path));
      return { storage, targets: await downloadTargets(storage, path.basename(location.path), ctx.signal) };
    }
  }
  const { storage, prefix } =
    location.kind === 'local'
      ? { storage: new LocalFolderStorage(location.path) as Storage, prefix: '' }
      : { storage: (await cliOssStorage(location.bucket, cliGlobals(command), ctx.io)) as Storage, prefix: location.key };
  const targets = await downloadTargets(storage, prefix, ctx.signal);
  if (targets.length === 0)
    throw new ShiplensError('NOT_FOUND', 'No objects under this prefix.', { source: url, hint: 'Check the prefix with `shiplens ls`' });
  return { storage, targets };
}

export async function getAction(
  url: string,
  flags: { output?: string; force?: boolean },
  command: Command,
  ctx: CliContext,
): Promise<void> {
  ctx.source = url;
  const { storage, targets } = await getTargets(url, command, ctx);
  let progress: CliProgress | undefined;
  await objectsDownload(storage, targets, {
    outDir: path.resolve(ctx.io.cwd, flags.output ?? '.'),
    overwrite: flags.force === true,
    safeJoin,
    signal: ctx.signal,
    onObjectStart: ({ key }) => {
      ctx.source = storage.kind === 'oss' ? `oss://${storage.bucket}/${key}` : key;
      const shown = cliProgress(ctx.io, `downloading ${key}`, 0, true);
      progress = shown;
      return (done, total) => shown.update(done, total);
    },
    onObjectDone: async (_target, dest, bytes) => {
      await progress?.done();
      await ctx.io.stdout.write(`${path.relative(ctx.io.cwd, dest) || dest}  ${bytes} bytes\n`);
    },
  });
}
