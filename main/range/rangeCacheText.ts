/**
 * Small derived files of the range cache (pack member lists, pack requests, column lists of
 * signatures): written through an exclusive part file and renamed, never synced. Each can be
 * made again, and a torn one is refused by its reader (bad JSON or a hash that does not
 * match), so a query does not wait on a disk flush for them.
 */
import { unlink } from 'node:fs/promises';
import path from 'node:path';
import { fsWriteErrorToShiplens, outputCommit, outputPartOpen, outputWriteAll } from '../services/outputWriter';

/** Write `text` as `target` through a part file in `partDir` (the same file system), then rename. */
export async function rangeCacheTextWrite(partDir: string, target: string, text: string): Promise<void> {
  const part = await outputPartOpen(path.join(partDir, path.basename(target)));
  try {
    await outputWriteAll(part.handle, new TextEncoder().encode(text), target);
    await part.handle.close();
    await outputCommit(part.path, target, true);
  } catch (error) {
    await part.handle.close().catch(() => undefined);
    await unlink(part.path).catch(() => undefined);
    throw fsWriteErrorToShiplens(error, target);
  }
}
