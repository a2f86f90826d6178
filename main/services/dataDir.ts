/** Where shiplens keeps its data (settings, sample bucket) and finds its built worker. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, sep } from 'node:path';

/** `SHIPLENS_DATA_DIR`, else `$XDG_DATA_HOME/shiplens` on Linux when set, else `~/.shiplens`. */
export function dataDirResolve(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (env.SHIPLENS_DATA_DIR) return env.SHIPLENS_DATA_DIR;
  if (process.platform === 'linux' && env.XDG_DATA_HOME) return join(env.XDG_DATA_HOME, 'shiplens');
  return join(home, '.shiplens');
}

/** The built decode worker next to the running bundle (out/main/workers), or null. */
export function workerPathDefault(): string | null {
  // __dirname exists in the CommonJS bundles (out/main/*.cjs), not under an ESM test runner.
  const here = typeof __dirname === 'string' ? [join(__dirname, 'workers', 'decodeWorker.cjs')] : [];
  const candidates = [...here, join(process.cwd(), 'out', 'main', 'workers', 'decodeWorker.cjs')];
  const found = candidates.find((file) => existsSync(file)) ?? null;
  // Packaged app: worker threads cannot load from inside app.asar; electron-builder unpacks them.
  return found?.includes(`app.asar${sep}`) ? found.replace(`app.asar${sep}`, `app.asar.unpacked${sep}`) : found;
}
