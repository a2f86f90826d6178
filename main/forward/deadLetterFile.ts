/**
 * Events the sink will never take (refused one by one, too large for a datagram) go to a
 * JSON-lines file with the reason and where they came from; it is flushed to disk before the
 * checkpoint moves past them, so a dead-lettered event is never lost either.
 */
import { mkdir, open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsWriteErrorToShiplens, outputWriteAll } from '../services/outputWriter';
import type { ForwardItem } from './forwardTypes';

/** Appends dead letters; opened lazily (no file when nothing was refused). */
export class DeadLetterFile {
  private handle: FileHandle | null = null;
  private pending = false;

  constructor(readonly path: string) {}

  /** Append one refused event: `{"reason","key","line","event"}`. */
  async write(item: ForwardItem, reason: string): Promise<void> {
    try {
      if (!this.handle) {
        await mkdir(dirname(this.path), { recursive: true });
        // Appending keeps the letters of earlier runs of the same replay.
        this.handle = await open(this.path, 'a', 0o600);
      }
      const letter = `${JSON.stringify({ reason, key: item.position.key, line: item.position.line, event: item.record })}\n`;
      await outputWriteAll(this.handle, new TextEncoder().encode(letter), this.path);
      this.pending = true;
    } catch (error) {
      throw fsWriteErrorToShiplens(error, this.path);
    }
  }

  /** fsync what was written since the last call (before a checkpoint passes those events). */
  async flush(): Promise<void> {
    if (!this.handle || !this.pending) return;
    await this.handle.sync().catch((error: unknown) => {
      throw fsWriteErrorToShiplens(error, this.path);
    });
    this.pending = false;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = null;
  }
}
