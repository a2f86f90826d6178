/**
 * Finds the Electron binary without triggering its first-run download (electron ≥ 45's
 * `require('electron')` downloads when the binary is missing, which hangs or fails offline).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The Electron executable path, or the reason there is none. */
export function electronBinaryFind(
  env: NodeJS.ProcessEnv = process.env,
  resolveFrom: string = process.cwd(),
): { path: string } | { reason: string } {
  let packageDir: string;
  try {
    const require = createRequire(join(resolveFrom, 'noop.js'));
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(path) ? { path } : { reason: 'ELECTRON_OVERRIDE_DIST_PATH has no Electron binary' };
  }
  if (!relative) return { reason: 'its binary is not installed' };
  const path = join(packageDir, 'dist', relative);
  return existsSync(path) ? { path } : { reason: 'its binary is not installed' };
}

/** Why Electron cannot show a window here, when that is known before trying (no display). */
export function electronDisplayMissing(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return 'no graphical display is available';
  return null;
}
