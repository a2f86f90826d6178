/**
 * Plan a range into the objects to read: the core planner's listing prefixes (task-time lag
 * included) → list each prefix through the Storage interface → parse every key with the rule →
 * keep task times in the planned window. Reads no object.
 *
 * API (stable; SIEM replay imports it):
 * - `rangePlan(storage, spec, options?) → Promise<RangePlan>`: `objects` in task-time order
 *   (then key), each with key, size, partition path, Hive columns, task time (ms and exact ns
 *   digits), format and compression from its suffix; `totals` (objects, bytes, partitions);
 *   `skipped` keys under the prefixes that are not shipped objects of this rule (with why);
 *   `listing` the core ListingPlan (prefixes, task window, explanation).
 * - `RangePlanOptions`: `signal`, `slackMs` (default 10 min), `onProgress(listedObjects)`.
 */
import { throwIfCancelled } from '../../core/errors';
import { objectKeyParse, planIncludesTask, planLogTimeRange } from '../../core/shipping';
import type { ListingPlan } from '../../core/shipping';
import type { Compression, ObjectEntry, StorageFormat } from '../../core/model';
import { objectsListAll } from '../engine/objectsList';
import { keyCompare } from '../storage/listing';
import type { Storage } from '../storage/storage';
import { rangeShippingRule } from './rangeSpec';
import type { RangeSpec } from './rangeSpec';

/** One shipped object a range reads. */
export interface RangeObject {
  key: string;
  size: number;
  lastModified: string;
  /** Rendered partition format (`2026/12/04/10/05`, `ds=20261204/10`). */
  partitionPath: string;
  /** Hive `name=value` directory levels of the partition. */
  hiveColumns: Record<string, string>;
  taskTimeMs: number;
  /** Exact task time in Unix nanoseconds, as 19 digits. */
  taskTimeNs: string;
  taskNumber: number;
  format: StorageFormat;
  compression: Compression;
}

/** What a range reads, before reading it. */
export interface RangePlan {
  spec: RangeSpec;
  listing: ListingPlan;
  objects: RangeObject[];
  totals: { objects: number; bytes: number; partitions: number };
  /** Keys under the listed prefixes that are not this rule's shipped objects, and why. */
  skipped: { key: string; reason: string }[];
}

/** Options of `rangePlan`. */
export interface RangePlanOptions {
  signal?: AbortSignal;
  slackMs?: number;
  onProgress?: (listedObjects: number) => void;
}

/** Keep at most this many skipped keys (a wrong prefix could list a whole bucket). */
const skippedKept = 100;

function objectOf(
  entry: { key: string; size: number; lastModified: string },
  parsed: Extract<ReturnType<typeof objectKeyParse>, { ok: true }>['value'],
): RangeObject {
  return {
    key: entry.key,
    size: entry.size,
    lastModified: entry.lastModified,
    partitionPath: parsed.partitionPath,
    hiveColumns: parsed.hiveColumns,
    taskTimeMs: parsed.taskTimeMs,
    taskTimeNs: parsed.taskTimeNs.toString().padStart(19, '0'),
    taskNumber: parsed.taskNumber,
    format: parsed.format,
    compression: parsed.compression,
  };
}

function objectOrder(a: RangeObject, b: RangeObject): number {
  return a.taskTimeMs - b.taskTimeMs || keyCompare(a.key, b.key);
}

/** Prefixes listed at once: a day of 5-minute folders is 288 prefixes (288 OSS round trips one after the other). */
const listConcurrency = 6;

/** Each prefix's listed entries, in prefix order (so `skipped` does not depend on timing). */
async function listPrefixes(storage: Storage, prefixes: readonly string[], options: RangePlanOptions): Promise<ObjectEntry[][]> {
  const pages: ObjectEntry[][] = prefixes.map(() => []);
  let next = 0;
  let listed = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < prefixes.length && !failed) {
      throwIfCancelled(options.signal);
      const i = next++;
      await objectsListAll(storage, { prefix: prefixes[i] as string, delimiter: '', signal: options.signal }, (page) => {
        (pages[i] as ObjectEntry[]).push(...page.objects);
        listed += page.objects.length;
        options.onProgress?.(listed);
      }).catch((error: unknown) => {
        // The others stop at their next prefix: the first failure is the plan's.
        failed = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(listConcurrency, prefixes.length) }, worker));
  return pages;
}

/** List and filter the objects of a range (task-time order). */
export async function rangePlan(storage: Storage, spec: RangeSpec, options: RangePlanOptions = {}): Promise<RangePlan> {
  const rule = rangeShippingRule(spec);
  const listing = planLogTimeRange(rule, spec.fromMs, spec.toMs, { slackMs: options.slackMs });
  const objects: RangeObject[] = [];
  const skipped: RangePlan['skipped'] = [];
  for (const entries of await listPrefixes(storage, listing.prefixes, options)) {
    for (const entry of entries) {
      const parsed = objectKeyParse(entry.key, rule);
      if (!parsed.ok) {
        if (skipped.length < skippedKept && !entry.key.endsWith('/')) skipped.push({ key: entry.key, reason: parsed.reason });
        continue;
      }
      if (parsed.value.format !== spec.rule.format) {
        if (skipped.length < skippedKept)
          skipped.push({ key: entry.key, reason: `the suffix says ${parsed.value.format}, the rule ships ${spec.rule.format}` });
        continue;
      }
      if (planIncludesTask(listing, parsed.value.taskTimeMs)) objects.push(objectOf(entry, parsed.value));
    }
  }
  objects.sort(objectOrder);
  const partitions = new Set(objects.map((o) => o.partitionPath)).size;
  const bytes = objects.reduce((sum, o) => sum + o.size, 0);
  return { spec, listing, objects, totals: { objects: objects.length, bytes, partitions }, skipped };
}
