// Inside a child process: measure peak RSS growth of one step (input already built).
import { isShiplensError } from '../../core/errors';
import type { ChildFigures } from './childRun';

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Run `step` and print one JSON line of ChildFigures. */
export async function measureStep(step: () => Promise<Record<string, unknown> | void>): Promise<void> {
  gc();
  const before = process.memoryUsage().rss;
  const peakBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  let outcome = 'value';
  let detail: Record<string, unknown> | undefined;
  try {
    detail = (await step()) ?? undefined;
  } catch (error) {
    outcome = isShiplensError(error)
      ? error.code
      : `untyped: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
    if (isShiplensError(error)) detail = { message: error.message };
  }
  const ms = Math.round(performance.now() - started);
  const peak = process.resourceUsage().maxRSS * 1024;
  // maxRSS only rises: when the step set no new peak, the earlier peak bounds its growth (an
  // upper bound, so inputs are built without overshooting their own size).
  const growth = Math.max(peak, peakBefore) - before;
  const figures: ChildFigures = { outcome, rssBeforeMb: mb(before), peakRssMb: mb(peak), growthMb: mb(Math.max(0, growth)), ms };
  if (detail) figures.detail = detail;
  process.stdout.write(`\n${JSON.stringify(figures)}\n`);
}
