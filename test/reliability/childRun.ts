// Run a TypeScript scenario in a child Node process (bundled once with esbuild) and read back
// the one JSON line it prints: resource figures are measured away from the test runner's heap.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();
// Inside the repo so the bundle's bare imports resolve from node_modules (like out/main).
const cacheDir = join(__dirname, '../../node_modules/.cache');
mkdirSync(cacheDir, { recursive: true });
const outDir = mkdtempSync(join(cacheDir, 'shiplens-child-'));

function bundle(entry: string): Promise<string> {
  let done = bundles.get(entry);
  if (!done) {
    const outfile = join(outDir, `${bundles.size}.cjs`);
    done = build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      packages: 'external',
      logLevel: 'error',
    }).then(() => outfile);
    bundles.set(entry, done);
  }
  return done;
}

/** Run `entry` with `args` in a child (`--expose-gc`), kill it after `timeoutMs`, parse its last stdout line. */
export async function childRun<T>(
  entry: string,
  args: string[],
  options: { timeoutMs?: number; env?: Record<string, string> } = {},
): Promise<T> {
  const file = await bundle(entry);
  return new Promise<T>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', file, ...args],
      { timeout: options.timeoutMs ?? 60_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`child ${args.join(' ')} failed: ${error.message}\n${stderr}`));
          return;
        }
        const last = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(last) as T);
        } catch {
          reject(new Error(`child ${args.join(' ')} printed no JSON result:\n${stdout}\n${stderr}`));
        }
      },
    );
  });
}

/** What a measuring child reports. */
export interface ChildFigures {
  /** 'value' or the ShiplensError code (or 'untyped: …'). */
  outcome: string;
  /** RSS before the measured step (input already in memory), MB. */
  rssBeforeMb: number;
  /** Peak RSS over the process's life (maxRSS), MB. */
  peakRssMb: number;
  /** Peak growth beyond rssBefore, MB. */
  growthMb: number;
  ms: number;
  detail?: Record<string, unknown>;
}
