/**
 * The CLI's detached cache converter (main/range/rangeConvertRun.ts): writes the columnar
 * forms of a range cache folder's JSON entries at a low priority, then exits.
 * Usage: node rangeConvertChild.cjs <cache folder> <budget bytes>
 */
import { setPriority } from 'node:os';
import { RangeCache } from './range/rangeCache';
import { rangeConvertLocked } from './range/rangeConvertRun';

const [dir, budget] = process.argv.slice(2);
try {
  setPriority(10);
} catch {
  // Not allowed here: convert at the normal priority.
}
if (dir) void rangeConvertLocked(new RangeCache(dir, Number(budget) || undefined)).catch(() => undefined);
