/**
 * Infer where the prefix of a shipped key ends and what partition format produced the rest,
 * without the rule. The partition is the task time rendered (SPEC §1) and the key carries the
 * exact task time, so digit runs of the trailing levels must spell that time's fields.
 */
import { directiveOrder } from './partitionFormat';
import type { Directive } from './partitionFormat';
import { timeZoneFields, timeZoneFixedOffsetMinutes, timeZoneIsValid, timeZoneNormalize, timeZoneShiftedFields } from './timeZone';

/** A partition format (and prefix) guessed from one example key. */
export interface InferredPartition {
  prefix: string;
  partitionPath: string;
  hiveColumns: Record<string, string>;
  partitionFormat: string;
  timeZone: string | null;
}

type FieldText = Record<Directive, string>;

/** UTC+8 first (Log Service's default), then UTC, then every other whole and half-hour offset. */
function candidateZones(): string[] {
  const zones = ['+08:00', '+00:00'];
  for (let quarter = -48; quarter <= 56; quarter += 2) {
    const minutes = quarter * 15;
    const zone = timeZoneNormalize(
      `${minutes < 0 ? '-' : '+'}${Math.floor(Math.abs(minutes) / 60)}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`,
    );
    if (!zones.includes(zone)) zones.push(zone);
  }
  return zones;
}

// Built on first inference, not at load: normalising 52 zones costs start-up time that commands
// importing core/shipping without inferring a key (`shiplens decode`, `path`) should not pay.
let zoneTable: { zones: string[]; offsetMs: Map<string, number> } | undefined;

function zonesKnown(): { zones: string[]; offsetMs: Map<string, number> } {
  if (!zoneTable) {
    const zones = candidateZones();
    zoneTable = { zones, offsetMs: new Map(zones.map((z) => [z, (timeZoneFixedOffsetMinutes(z) ?? 0) * 60_000])) };
  }
  return zoneTable;
}
// Field texts per (whole second, zone): every key of one task shares its second, and inference
// asks for up to 52 zones per key. Bounded; cleared when full.
const fieldCache = new Map<number, Map<string, FieldText>>();
const fieldCacheLimit = 256;

function fieldTextCompute(epochMs: number, zone: string): FieldText {
  const offset = zonesKnown().offsetMs.get(zone);
  // Same arithmetic as timeZoneFields for a fixed offset, without re-parsing the zone.
  const f =
    offset === undefined || !Number.isFinite(epochMs) ? timeZoneFields(epochMs, zone) : timeZoneShiftedFields(new Date(epochMs + offset));
  const two = (n: number) => String(n).padStart(2, '0');
  return { Y: String(f.Y).padStart(4, '0'), m: two(f.m), d: two(f.d), H: two(f.H), M: two(f.M), s: two(f.s) };
}

function fieldText(epochMs: number, zone: string): FieldText {
  const second = Math.floor(epochMs / 1000);
  let byZone = fieldCache.get(second);
  const hit = byZone?.get(zone);
  if (hit) return hit;
  const text = fieldTextCompute(epochMs, zone);
  if (!byZone) {
    if (fieldCache.size >= fieldCacheLimit) fieldCache.clear();
    byZone = new Map();
    fieldCache.set(second, byZone);
  }
  byZone.set(zone, text);
  return text;
}

/**
 * Spell a digit run backwards as directives strictly coarser than `limit` (finest first).
 * Returns the directives in reading order, or null.
 */
function spellRun(run: string, fields: FieldText, limit: number): Directive[] | null {
  if (run === '') return [];
  for (let i = limit - 1; i >= 0; i--) {
    const d = directiveOrder[i] as Directive;
    const text = fields[d];
    if (!run.endsWith(text)) continue;
    const rest = spellRun(run.slice(0, run.length - text.length), fields, i);
    if (rest) return [...rest, d];
  }
  return null;
}

function escapeLiteral(text: string): string {
  return text.replace(/%/g, '%%');
}

/** Format of one level (null when a digit run is not the task time), and the coarsest directive used. */
function levelFormat(
  parts: readonly string[],
  fields: FieldText,
  limit: number,
): { format: string; coarsest: number; count: number } | null {
  let format = '';
  let coarsest = limit;
  let count = 0;
  for (let p = parts.length - 1; p >= 0; p--) {
    const part = parts[p] as string;
    if (p % 2 === 0) {
      format = escapeLiteral(part) + format;
      continue;
    }
    const spelled = spellRun(part, fields, coarsest);
    if (!spelled) return null;
    format = spelled.map((d) => `%${d}`).join('') + format;
    coarsest = directiveOrder.indexOf(spelled[0] as Directive);
    count += spelled.length;
  }
  return { format, coarsest, count };
}

const dayCache = new Map<number, { Y: number; m: number; d: number }>();

function dayFields(day: number): { Y: number; m: number; d: number } {
  const hit = dayCache.get(day);
  if (hit) return hit;
  const date = new Date(day * 86_400_000);
  const fields = { Y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  if (dayCache.size >= 64) dayCache.clear();
  dayCache.set(day, fields);
  return fields;
}

/**
 * Cheap exact pre-check: the stem's last digit run must end with one of the zone's field texts
 * (spellRun's first step). When it cannot, the zone's guess has count 0 and never wins, so the
 * zone is skipped without rendering its fields. True when unsure (IANA zone, digit-free stem).
 */
function zoneMaySpellStem(lastRun: string | null, epochMs: number, zone: string): boolean {
  const offset = zonesKnown().offsetMs.get(zone);
  if (lastRun === null || offset === undefined || !Number.isFinite(epochMs)) return true;
  if (lastRun.length < 2) return false;
  const n2 = Number(lastRun.slice(-2));
  const local = Math.floor((epochMs + offset) / 1000);
  const mod = (a: number, n: number) => ((a % n) + n) % n;
  if (n2 === mod(local, 60) || n2 === mod(Math.floor(local / 60), 60) || n2 === mod(Math.floor(local / 3600), 24)) return true;
  const day = dayFields(Math.floor(local / 86_400));
  if (n2 === day.d || n2 === day.m) return true;
  if (day.Y > 9999) return true;
  return lastRun.length >= 4 && day.Y >= 0 && Number(lastRun.slice(-4)) === day.Y;
}

interface ZoneGuess {
  levels: string[];
  formats: string[];
  count: number;
  /** Every digit run up to where the walk stopped spelled the task time (stopped at a digit-free level or the start). */
  clean: boolean;
}

function guessForZone(levels: string[], parts: readonly string[][], fields: FieldText, minStart: number): ZoneGuess {
  const stem = levels[levels.length - 1] as string;
  const stemFormat = levelFormat(parts[levels.length - 1] as string[], fields, directiveOrder.length);
  if (!stemFormat) return { levels: [stem], formats: [escapeLiteral(stem)], count: 0, clean: false };
  const used: string[] = [stem];
  const formats: string[] = [stemFormat.format];
  let limit = stemFormat.coarsest;
  let count = stemFormat.count;
  let clean = true;
  for (let i = levels.length - 2; i >= minStart; i--) {
    const level = levels[i] as string;
    const lf = levelFormat(parts[i] as string[], fields, limit);
    if (!lf || lf.count === 0) {
      clean = !/\d/.test(level);
      break;
    }
    used.unshift(level);
    formats.unshift(lf.format);
    limit = lf.coarsest;
    count += lf.count;
  }
  return { levels: used, formats, count, clean };
}

function hiveColumnsOf(levels: string[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const level of levels.slice(0, -1)) {
    const eq = level.indexOf('=');
    if (eq > 0 && !/\d/.test(level.slice(0, eq))) columns[level.slice(0, eq)] = level.slice(eq + 1);
  }
  return columns;
}

/**
 * Split `head` (the key before `_<ns>_<n><suffix>`) into prefix and partition path and infer the
 * partition format. With `knownPrefix`, the prefix is taken as given.
 */
export function objectKeyInferPartition(head: string, taskTimeMs: number, zone?: string, knownPrefix?: string): InferredPartition {
  const levels = head.split('/');
  // Split once, not once per candidate zone.
  const parts = levels.map((level) => level.split(/(\d+)/));
  let minStart = 0;
  if (knownPrefix && head.startsWith(`${knownPrefix}/`)) minStart = knownPrefix.split('/').length;
  const zones = zone && timeZoneIsValid(zone) ? [zone] : zonesKnown().zones;
  let best: (ZoneGuess & { zone: string }) | null = null;
  const stemParts = parts[parts.length - 1] as string[];
  const lastRun = stemParts.length > 1 ? (stemParts[stemParts.length - 2] as string) : null;
  for (const z of zones) {
    if (best && !zoneMaySpellStem(lastRun, taskTimeMs, z)) continue;
    const guess = guessForZone(levels, parts, fieldText(taskTimeMs, z), minStart);
    if (!best || guess.count > best.count) best = { ...guess, zone: z };
    // Zones are tried in order of likelihood: the first that explains every digit run wins.
    if (guess.clean && guess.count > 0) break;
  }
  const chosen = best as ZoneGuess & { zone: string };
  const prefixLevels = levels.slice(0, levels.length - chosen.levels.length);
  return {
    prefix: prefixLevels.join('/'),
    partitionPath: chosen.levels.join('/'),
    hiveColumns: hiveColumnsOf(chosen.levels),
    partitionFormat: chosen.formats.join('/'),
    timeZone: chosen.count > 0 ? chosen.zone : null,
  };
}
