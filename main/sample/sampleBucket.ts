/**
 * The sample bucket: a local folder laid out exactly as Log Service ships to OSS, for a
 * newcomer without credentials. Built on the shipping simulator, so every object is
 * what a real rule would write (keys, bytes, compression).
 *
 * Generated once, atomically (temp folder + rename), and skipped when the folder already
 * carries a complete marker of this version.
 */
import { mkdir, readFile, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { snappyCompressRaw } from '../../core/codecs';
import { ShiplensError } from '../../core/errors';
import { shippingSimulate, ruleToSlsJson } from '../../core/shipping';
import type { ShippingSimulateDeps } from '../../core/shipping';
import { parquetWriteLite } from '../shipping/parquetWriter';
import { samplePrng, sampleWindowLogs } from './sampleLogs';
import { sampleIntervalSec, sampleRuleSpecs, sampleSlotCount, sampleStartSec } from './sampleRules';
import type { SampleRuleSpec } from './sampleRules';
import { sampleReadme } from './sampleReadme';

/** Bump when the generated content changes: an older sample folder is then replaced. */
export const sampleBucketVersion = 1;
/** Written last: its presence means the folder is complete. */
export const sampleMarkerName = '.shiplens-sample.json';

/** What the marker records. */
export interface SampleSummary {
  version: number;
  objects: number;
  bytes: number;
  rows: number;
}

const deps: ShippingSimulateDeps = { parquetWrite: parquetWriteLite, compressRaw: snappyCompressRaw };

/** Task creation time of a slot for a rule, in Unix nanoseconds (with deterministic sub-second digits). */
export function sampleTaskTimeNs(spec: SampleRuleSpec, slot: number): bigint {
  const sec = sampleStartSec + slot * sampleIntervalSec + spec.taskOffsetSec;
  const fraction = Math.floor(samplePrng(slot * 7 + spec.taskNumberBase)() * 1e9);
  return BigInt(sec) * 1_000_000_000n + BigInt(fraction);
}

/** The logs shipped by slot `slot` (the same rows in all three rules). */
export function sampleSlotLogs(spec: SampleRuleSpec, slot: number): ReturnType<typeof sampleWindowLogs> {
  return sampleWindowLogs(1000 + slot, sampleStartSec + slot * sampleIntervalSec, sampleIntervalSec, spec.peakRows);
}

async function writeRule(root: string, spec: SampleRuleSpec, summary: SampleSummary): Promise<void> {
  const missing = new Set(spec.missingSlots);
  const late = new Set(spec.lateSlots);
  for (let slot = 0; slot < sampleSlotCount; slot++) {
    if (missing.has(slot)) continue;
    const taskTimeNs = sampleTaskTimeNs(spec, slot);
    const objects = await shippingSimulate(spec.rule, sampleSlotLogs(spec, slot), taskTimeNs, spec.taskNumberBase + slot, deps);
    // Objects land seconds after the task starts; a retried task lands ~47 minutes late.
    const writtenSec = Number(taskTimeNs / 1_000_000_000n) + (late.has(slot) ? 47 * 60 : 3 + (slot % 11));
    for (const object of objects) {
      const path = join(root, ...object.key.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, object.bytes);
      await utimes(path, writtenSec, writtenSec);
      summary.objects += 1;
      summary.bytes += object.bytes.length;
      summary.rows += object.rows;
    }
  }
}

/** Write the whole sample bucket into `root` (an empty folder); returns what was written. */
export async function sampleBucketWrite(root: string): Promise<SampleSummary> {
  const summary: SampleSummary = { version: sampleBucketVersion, objects: 0, bytes: 0, rows: 0 };
  await mkdir(join(root, 'rules'), { recursive: true });
  for (const spec of sampleRuleSpecs) {
    await writeRule(root, spec, summary);
    // Log Service's own configuration JSON (OSS export job: it carries the time zone).
    await writeFile(join(root, 'rules', `${spec.rule.name}.json`), `${ruleToSlsJson(spec.rule, 'ossExport')}\n`);
  }
  await writeFile(join(root, 'README.txt'), sampleReadme());
  await writeFile(join(root, sampleMarkerName), `${JSON.stringify(summary)}\n`);
  return summary;
}

/** The marker of a complete sample folder, or null (absent, unreadable, another version). */
export async function sampleMarkerRead(dir: string): Promise<SampleSummary | null> {
  try {
    const marker = JSON.parse(await readFile(join(dir, sampleMarkerName), 'utf8')) as SampleSummary;
    return marker.version === sampleBucketVersion ? marker : null;
  } catch {
    return null;
  }
}

async function folderState(dir: string): Promise<'absent' | 'empty' | 'foreign' | 'ours'> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 'absent';
  }
  if (names.length === 0) return 'empty';
  // `.shiplens-sample` marked the interim sample of main/services/sampleFallback.ts.
  return names.includes(sampleMarkerName) || names.includes('.shiplens-sample') ? 'ours' : 'foreign';
}

/**
 * Generate the sample bucket into `dir` unless it is already complete; returns `dir`.
 *
 * Writes into a sibling temp folder and renames it into place, so a crash never leaves a
 * half bucket behind. An older sample version is replaced; a non-empty folder that is not
 * a sample bucket is refused (FILE_EXISTS) rather than deleted.
 */
export async function sampleBucketEnsure(dir: string): Promise<string> {
  if (await sampleMarkerRead(dir)) return dir;
  if ((await folderState(dir)) === 'foreign') {
    throw new ShiplensError('FILE_EXISTS', 'The sample bucket folder holds other files.', {
      source: dir,
      hint: 'Choose an empty folder for the sample bucket.',
    });
  }
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = `${dir}.tmp-${stamp}`;
  try {
    await mkdir(dirname(dir), { recursive: true });
    await sampleBucketWrite(temp);
    await replaceFolder(temp, dir, `${dir}.old-${stamp}`);
    return dir;
  } catch (error) {
    if (await sampleMarkerRead(dir)) return dir; // another process finished first
    throw new ShiplensError('IO', `Could not write the sample bucket: ${error instanceof Error ? error.message : String(error)}`, {
      source: dir,
      cause: error,
    });
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Move `temp` to `dir`, first moving aside an empty folder or an older sample. */
async function replaceFolder(temp: string, dir: string, aside: string): Promise<void> {
  const state = await folderState(dir);
  if (state === 'foreign') throw new ShiplensError('FILE_EXISTS', 'The sample bucket folder holds other files.', { source: dir });
  if (state !== 'absent') await rename(dir, aside);
  try {
    await rename(temp, dir);
  } finally {
    if (state !== 'absent') await rm(aside, { recursive: true, force: true });
  }
}
