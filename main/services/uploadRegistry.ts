/**
 * Browser-mode uploads: files the page sends for decompression, kept in a private temp
 * folder for the session and removed when the server closes.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { ShiplensError } from '../../core/errors';

/** One stored upload. */
export interface UploadEntry {
  id: string;
  /** The client's file name, reduced to a safe base name. */
  name: string;
  path: string;
  bytes: number;
}

/** A file name reduced to something safe to show and to derive output names from. */
export function uploadNameSanitize(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').normalize('NFC').trim();
  if (!base || base === '.' || base === '..') return 'upload';
  return base.slice(0, 200);
}

/** Uploads by id, in a temp folder created on first use. */
export class UploadRegistry {
  private dir: string | null = null;
  private readonly uploads = new Map<string, UploadEntry>();

  constructor(private readonly maxBytes: number) {}

  /** Stream a body to disk, refusing more than `maxBytes` (TOO_LARGE, partial file removed). */
  async store(name: string, body: Readable): Promise<UploadEntry> {
    this.dir ??= await mkdtemp(join(tmpdir(), 'shiplens-uploads-'));
    const id = randomBytes(12).toString('base64url');
    const path = join(this.dir, id);
    let bytes = 0;
    const limit = this.maxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > limit) {
          callback(new ShiplensError('TOO_LARGE', `The upload is over the ${limit}-byte limit.`, { hint: 'Decompress large files with the CLI (shiplens decode).' }));
          return;
        }
        callback(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, createWriteStream(path, { mode: 0o600 }));
    } catch (error) {
      await unlink(path).catch(() => undefined);
      throw error;
    }
    const entry: UploadEntry = { id, name: uploadNameSanitize(name), path, bytes };
    this.uploads.set(id, entry);
    return entry;
  }

  /** The upload for an id, or NOT_FOUND. */
  get(id: string): UploadEntry {
    const entry = this.uploads.get(id);
    if (!entry) throw new ShiplensError('NOT_FOUND', 'That upload is not available any more.', { source: 'uploadId', hint: 'Upload the file again.' });
    return entry;
  }

  /** Remove every upload and the temp folder. */
  async clear(): Promise<void> {
    this.uploads.clear();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
