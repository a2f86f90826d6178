/**
 * A query's whole answer on disk, so the app's grid scrolls through every row (fetch on
 * scroll) without main holding them: rows as JSON lines in `<cache>/results/<id>.jsonl`,
 * written through the output writer (an exclusive part file, renamed when the query ends; a
 * cancel or a failure leaves nothing), and the byte offset of every `blockRows`-th row in
 * memory, so a page reads only the blocks it needs.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { ShiplensError } from '../../core/errors';
import { outputCommit, outputPartOpen, outputWriteAll } from '../services/outputWriter';

/** One spooled cell (the API's JSON cell). */
export type SpoolCell = string | number | boolean | null;

const blockRows = 1000;

/** The rows of one answer, written once, then read by position. */
export class RangeResultSpool {
  private readonly offsets: number[] = [];
  private bytes = 0;
  private count = 0;
  private part: { path: string; handle: FileHandle } | null = null;

  private constructor(
    readonly id: string,
    readonly file: string,
  ) {}

  /** Start an answer's spool in `dir` (created when missing). */
  static async create(dir: string): Promise<RangeResultSpool> {
    await mkdir(dir, { recursive: true });
    const id = randomBytes(8).toString('hex');
    const spool = new RangeResultSpool(id, path.join(dir, `${id}.jsonl`));
    spool.part = await outputPartOpen(spool.file);
    return spool;
  }

  /** Rows written so far. */
  get rowCount(): number {
    return this.count;
  }

  /** Append rows (in answer order). */
  async append(rows: readonly SpoolCell[][]): Promise<void> {
    if (!this.part) throw new Error('spool closed');
    const lines: string[] = [];
    let pending = 0;
    for (const row of rows) {
      if (this.count % blockRows === 0) this.offsets.push(this.bytes + pending);
      const line = `${JSON.stringify(row)}\n`;
      lines.push(line);
      pending += Buffer.byteLength(line);
      this.count++;
    }
    const chunk = Buffer.from(lines.join(''), 'utf8');
    await outputWriteAll(this.part.handle, chunk, this.file);
    this.bytes += chunk.length;
  }

  /** The answer is complete: the part becomes the spool file. */
  async commit(): Promise<void> {
    const part = this.part;
    if (!part) return;
    this.part = null;
    await part.handle.close();
    await outputCommit(part.path, this.file, false);
  }

  /** Drop the spool (a failed or superseded answer): its part or its file. */
  async discard(): Promise<void> {
    const part = this.part;
    this.part = null;
    if (part) {
      await part.handle.close().catch(() => undefined);
      await unlink(part.path).catch(() => undefined);
    }
    await unlink(this.file).catch(() => undefined);
  }

  /** Rows `[rowStart, rowEnd)` of a committed answer (fewer at its end). */
  async read(rowStart: number, rowEnd: number): Promise<SpoolCell[][]> {
    const end = Math.min(rowEnd, this.count);
    if (this.part || rowStart >= end) return [];
    const first = Math.floor(rowStart / blockRows);
    const last = Math.ceil(end / blockRows);
    const from = this.offsets[first] as number;
    const to = this.offsets[last] ?? this.bytes;
    const buffer = Buffer.alloc(to - from);
    const handle = await open(this.file, 'r').catch((error: unknown) => {
      throw new ShiplensError('NOT_FOUND', 'The rows of this answer are gone (the cache was cleared).', {
        hint: 'Run the query again.',
        cause: error,
      });
    });
    try {
      await handle.read(buffer, 0, buffer.length, from);
    } finally {
      await handle.close();
    }
    const lines = buffer.toString('utf8').split('\n');
    const skip = rowStart - first * blockRows;
    return lines.slice(skip, skip + (end - rowStart)).map((l) => JSON.parse(l) as SpoolCell[]);
  }
}
