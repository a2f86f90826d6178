/** Where output files go: the call's folder, else the settings' output folder. */
import { basename, resolve } from 'node:path';
import { ShiplensError } from '../../../core/errors';
import type { ApiServices } from '../../services/types';

/** Absolute output folder for a call. */
export async function outputDirResolve(services: ApiServices, outDir: string | undefined): Promise<string> {
  if (outDir !== undefined) return resolve(outDir);
  return resolve((await services.settings.get()).outputDir);
}

/** The file name part of an object key (`a/b/c.csv` → `c.csv`); refuses keys ending in `/`. */
export function keyFileName(key: string): string {
  const name = basename(key.replace(/\\/g, '/'));
  if (!name || name === '.' || name === '..') {
    throw new ShiplensError('INVALID_ARGUMENT', 'That key names a folder, not an object.', { source: key });
  }
  return name;
}
