/**
 * Vitest global setup of the e2e project: one run directory per `vitest run`, handed to every
 * e2e file (each in its own fork) through `provide`. The harness fills it lazily, once, with the
 * sample bucket and a snapshot of the built renderer, so files do not each regenerate the bucket
 * and a rebuild of out/renderer during the run cannot pull assets from under a loaded page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared e2e directory (see test/e2e/harness.ts). */
    e2eRunDir: string;
  }
}

/** Make the run directory; the returned teardown removes it. */
export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'shiplens-e2e-run-'));
  project.provide('e2eRunDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
