/**
 * `shiplens decode a b c` and `shiplens decode folder/ -o out/`: which files one run decodes and
 * where each goes, so a loop over hundreds of objects pays the start-up once. A failure is
 * reported on its own line and the others still decode; the run then ends with exit 1.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ShiplensError, throwIfCancelled } from '../../core/errors';
import { CliPipeClosed, CliUsageError, cliErrorLine } from './cliErrors';
import { objectsListAll } from '../engine/objectsList';
import { LocalFolderStorage } from '../storage/localFolderStorage';
import type { CliContext } from './cliOptions';
import { cliLocationParse } from './cliSources';

/** What one `decode` run does. */
export interface DecodePlan {
  /** One input decoded exactly as before (output file, `-`, or the default name). */
  single: boolean;
  inputs: string[];
  /** Folder each output goes into by its default name (undefined: the current folder, or stdout for `-o -`). */
  dir?: string;
}

/**
 * The objects directly inside a local folder, listed as `shiplens ls` lists it (objectsListAll
 * on a LocalFolderStorage: key order, sub-folders left out, links kept only when they stay
 * inside and name a file), or null when `src` is not a local folder.
 */
async function folderFiles(src: string, cwd: string, signal?: AbortSignal): Promise<string[] | null> {
  const location = cliLocationParse(src, cwd);
  if (location.kind !== 'local') return null;
  const info = await stat(location.path).catch(() => null);
  if (!info?.isDirectory()) return null;
  const files: string[] = [];
  await objectsListAll(new LocalFolderStorage(location.path), { prefix: '', delimiter: '/', signal }, (page) => {
    for (const o of page.objects) files.push(path.join(src, o.key));
  });
  return files;
}

/** `-o` as a folder: one that exists, or a name ending with `/` (created). Null when it names a file. */
async function outputDir(output: string, cwd: string): Promise<string | null> {
  const full = path.resolve(cwd, output);
  const info = await stat(full).catch(() => null);
  if (info?.isDirectory()) return output;
  if (!/[/\\]$/.test(output)) return null;
  if (info)
    throw new ShiplensError('INVALID_ARGUMENT', 'The output folder is a file.', {
      source: output,
      hint: 'Give a folder for -o when decoding several files.',
    });
  await mkdir(full, { recursive: true });
  return output;
}

/** Expand folders and decide where outputs go. */
export async function decodePlan(srcs: string[], output: string | undefined, cwd: string, signal?: AbortSignal): Promise<DecodePlan> {
  const inputs: string[] = [];
  let folders = 0;
  for (const src of srcs) {
    const files = await folderFiles(src, cwd, signal);
    if (files) folders++;
    inputs.push(...(files ?? [src]));
  }
  if (inputs.length === 0) throw new ShiplensError('NOT_FOUND', 'No files to decode in the folder.', { source: srcs.join(' ') });
  const dir = output === undefined || output === '-' ? null : await outputDir(output, cwd);
  if (srcs.length === 1 && folders === 0 && dir === null) return { single: true, inputs };
  if (output !== undefined && output !== '-' && dir === null) {
    throw new CliUsageError('with several inputs or a folder, -o names a folder (end it with /) or - for stdout');
  }
  return { single: false, inputs, dir: dir ?? undefined };
}

/** Decode every input of `plan` with `one`; failures are reported and counted, not fatal to the rest. */
export async function decodeEach(plan: DecodePlan, one: (src: string, dir?: string) => Promise<void>, ctx: CliContext): Promise<void> {
  let failed = 0;
  for (const src of plan.inputs) {
    throwIfCancelled(ctx.signal);
    try {
      await one(src, plan.dir);
    } catch (error) {
      if (ctx.signal.aborted || error instanceof CliPipeClosed) throw error;
      failed++;
      await ctx.io.stderr.write(cliErrorLine(error, src));
    }
  }
  ctx.source = undefined;
  if (failed > 0)
    throw new ShiplensError('IO', `${failed} of ${plan.inputs.length} files could not be decoded (see above).`, { source: 'decode' });
}
