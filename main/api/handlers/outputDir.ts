/** Where output files go: the call's folder, else the settings' output folder. */
import { resolve } from 'node:path';
import type { ApiServices } from '../../services/types';

/** Absolute output folder for a call. */
export async function outputDirResolve(services: ApiServices, outDir: string | undefined): Promise<string> {
  if (outDir !== undefined) return resolve(outDir);
  return resolve((await services.settings.get()).outputDir);
}
