/**
 * The local checkpoint of a replay: the last object key + line whose events are all
 * acknowledged or dead-lettered. Written through the safe writer (temp file + fsync + rename),
 * so a kill -9 leaves either the old checkpoint or the new one, never half of one.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ShiplensError } from '../../core/errors';
import { fsReadErrorToShiplens } from '../fileByteSource';
import { outputFileWrite } from '../services/outputWriter';
import type { ForwardPosition } from './forwardTypes';

/** What the checkpoint file holds. */
export interface ForwardCheckpoint {
  version: 1;
  /** The range and sink it belongs to (a checkpoint of another run is refused). */
  range: string;
  sink: string;
  /** Every event up to and including this position is delivered; null before the first batch. */
  position: ForwardPosition | null;
  done: boolean;
  acknowledged: number;
  deadLettered: number;
}

/** Default checkpoint path under the data folder, keyed by the range and the sink. */
export function forwardCheckpointDefaultPath(dataDir: string, range: string, sink: string): string {
  const id = createHash('sha256').update(`${range}\n${sink}`).digest('hex').slice(0, 24);
  return join(dataDir, 'forward', `${id}.checkpoint.json`);
}

function invalid(path: string, what: string): ShiplensError {
  return new ShiplensError('INVALID_ARGUMENT', `The checkpoint file is not valid: ${what}.`, {
    source: path,
    hint: 'Delete it to replay the range from the start, or give another --checkpoint',
  });
}

/** The checkpoint at `path`, or null when there is none yet. */
export async function forwardCheckpointRead(path: string, range: string, sink: string): Promise<ForwardCheckpoint | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fsReadErrorToShiplens(error, path);
  }
  let value: ForwardCheckpoint;
  try {
    value = JSON.parse(text) as ForwardCheckpoint;
  } catch {
    throw invalid(path, 'not JSON');
  }
  if (value.version !== 1 || typeof value.range !== 'string' || typeof value.done !== 'boolean') throw invalid(path, 'unknown layout');
  if (value.range !== range || value.sink !== sink) {
    throw new ShiplensError('INVALID_ARGUMENT', `The checkpoint belongs to another replay (${value.range} → ${value.sink}).`, {
      source: path,
      hint: 'Give this range its own --checkpoint file',
    });
  }
  const p = value.position;
  if (p !== null && (typeof p?.key !== 'string' || !Number.isSafeInteger(p.line) || p.line < 0)) throw invalid(path, 'bad position');
  return value;
}

/** Replace the checkpoint atomically (temp file, fsync, rename). */
export async function forwardCheckpointWrite(path: string, checkpoint: ForwardCheckpoint): Promise<void> {
  await outputFileWrite(path, { overwrite: true }, `${JSON.stringify(checkpoint)}\n`);
}
