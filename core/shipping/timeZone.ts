/**
 * Time zones for partition rendering: fixed offsets (`+08:00`, `-05:30`, `Z`, `UTC`) and IANA
 * names (`Asia/Shanghai`) through `Intl.DateTimeFormat`, which Node, browsers and workers all have.
 */
import { ShiplensError } from '../errors';

/** Calendar fields of an instant in some zone (month 1–12). */
export interface ZonedFields {
  Y: number;
  m: number;
  d: number;
  H: number;
  M: number;
  s: number;
}

/** Log Service's observed default: UTC+8 (SPEC §1). */
export const defaultTimeZone = '+08:00';

const fixedOffsetPattern = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const formatterCache = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC for a fixed-offset zone, or null when the zone is not a fixed offset. */
export function timeZoneFixedOffsetMinutes(zone: string): number | null {
  const z = zone.trim();
  if (/^(?:Z|UTC|GMT)$/i.test(z)) return 0;
  const m = fixedOffsetPattern.exec(z);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  const total = hours * 60 + minutes;
  return m[1] === '-' ? -total : total;
}

function zoneFormatter(zone: string): Intl.DateTimeFormat | null {
  const cached = formatterCache.get(zone);
  if (cached) return cached;
  try {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatterCache.set(zone, f);
    return f;
  } catch {
    return null;
  }
}

/** True when shiplens can render in this zone (fixed offset or an IANA name the runtime knows). */
export function timeZoneIsValid(zone: string): boolean {
  if (typeof zone !== 'string' || zone.trim() === '') return false;
  return timeZoneFixedOffsetMinutes(zone) !== null || zoneFormatter(zone) !== null;
}

function invalidZone(zone: string): ShiplensError {
  return new ShiplensError('TIME_ZONE_INVALID', `Unknown time zone "${zone}".`, {
    hint: 'Use a fixed offset such as +08:00, -05:30 or UTC, or an IANA name such as Asia/Shanghai.',
  });
}

/** Offset of the zone from UTC at this instant, in milliseconds (east positive). */
export function timeZoneOffsetMs(zone: string, epochMs: number): number {
  const fixed = timeZoneFixedOffsetMinutes(zone);
  if (fixed !== null) return fixed * 60_000;
  const f = zoneFormatter(zone);
  if (!f) throw invalidZone(zone);
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  return asUtc - wholeSecondMs;
}

/** Calendar fields of `epochMs` seen in `zone`. */
export function timeZoneFields(epochMs: number, zone: string): ZonedFields {
  if (!Number.isFinite(epochMs)) {
    throw new ShiplensError('TIME_INVALID', `Not a valid instant: ${String(epochMs)}.`);
  }
  return timeZoneShiftedFields(new Date(epochMs + timeZoneOffsetMs(zone, epochMs)));
}

/** Calendar fields of an instant already shifted by its zone's offset (read as UTC). */
export function timeZoneShiftedFields(local: Date): ZonedFields {
  return {
    Y: local.getUTCFullYear(),
    m: local.getUTCMonth() + 1,
    d: local.getUTCDate(),
    H: local.getUTCHours(),
    M: local.getUTCMinutes(),
    s: local.getUTCSeconds(),
  };
}

/**
 * The instant whose local calendar fields in `zone` are `fields`.
 *
 * For IANA zones the offset is found by two fixed-point steps (exact outside DST transitions;
 * in a skipped hour it picks the later offset, in a repeated hour the earlier instant).
 */
export function timeZoneToEpochMs(fields: ZonedFields, zone: string): number {
  const asUtc = Date.UTC(fields.Y, fields.m - 1, fields.d, fields.H, fields.M, fields.s);
  const fixed = timeZoneFixedOffsetMinutes(zone);
  if (fixed !== null) return asUtc - fixed * 60_000;
  let guess = asUtc - timeZoneOffsetMs(zone, asUtc);
  guess = asUtc - timeZoneOffsetMs(zone, guess);
  return guess;
}

/** Normalise an offset spelling (`+0800`, `UTC+8`, `GMT-05:30`) to `+08:00`; IANA names unchanged. */
export function timeZoneNormalize(zone: string): string {
  const fixed = timeZoneFixedOffsetMinutes(zone);
  if (fixed === null) return zone.trim();
  const sign = fixed < 0 ? '-' : '+';
  const abs = Math.abs(fixed);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
