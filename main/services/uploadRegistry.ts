/**
 * Browser-mode uploads: files the page sends for decompression, kept in a private temp
 * folder for the session and removed when the server closes.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { ShiplensError } from '../../core/errors';
import { outputWrite } from './outputWriter';

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
  const base = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .normalize('NFC')
    .trim();
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
    const limit = this.maxBytes;
    // Through the output writer: a full disk is "The disk is full", never a half-stored upload.
    const { bytes } = await outputWrite(path, { overwrite: false, mode: 0o600 }, async (sink) => {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        if (sink.bytes + chunk.length > limit) {
          throw new ShiplensError('TOO_LARGE', `The upload is over the ${limit}-byte limit.`, {
            hint: 'Decompress large files with the CLI (shiplens decode).',
          });
        }
        await sink.write(chunk);
      }
    });
    const entry: UploadEntry = { id, name: uploadNameSanitize(name), path, bytes };
    this.uploads.set(id, entry);
    return entry;
  }

  /** The upload for an id, or NOT_FOUND. */
  get(id: string): UploadEntry {
    const entry = this.uploads.get(id);
    if (!entry)
      throw new ShiplensError('NOT_FOUND', 'That upload is not available any more.', {
        source: 'uploadId',
        hint: 'Upload the file again.',
      });
    return entry;
  }

  /** Remove every upload and the temp folder. */
  async clear(): Promise<void> {
    this.uploads.clear();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}
