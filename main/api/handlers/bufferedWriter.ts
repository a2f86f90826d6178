/** Collects small string chunks and writes them to a file in ~1 MB blocks. */
import type { FileHandle } from 'node:fs/promises';

const blockBytes = 1 << 20;

/** A writer whose `write` buffers and `flush` writes the rest. */
export function bufferedWriter(handle: FileHandle): { write: (chunk: string) => Promise<void>; flush: () => Promise<void> } {
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await handle.write(text, null, 'utf8');
  };
  const write = async (chunk: string): Promise<void> => {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength >= blockBytes) await flush();
  };
  return { write, flush };
}
