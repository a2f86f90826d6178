/**
 * Small display formatters (sizes, instants in a chosen time zone).
 */
import { timeZoneFields, timeZoneIsValid, timeZoneToEpochMs } from '../../core/shipping';

/** `1536` → `1.5 KB` (binary units, as file managers show). */
export function bytesFormat(bytes: number): string {
  if (!Number.isFinite(bytes)) return '';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * `YYYY-MM-DD HH:MM:SS` of an instant in a fixed offset (`+08:00`, `UTC`) or IANA zone, read by
 * core's time zones (the one reading of a zone); ISO 8601 in UTC when the zone is unknown.
 */
export function instantFormat(epochMs: number, zone: string): string {
  if (!Number.isFinite(epochMs)) return '';
  if (!timeZoneIsValid(zone)) return new Date(epochMs).toISOString();
  const f = timeZoneFields(epochMs, zone);
  return `${pad(f.Y, 4)}-${pad(f.m)}-${pad(f.d)} ${pad(f.H)}:${pad(f.M)}:${pad(f.s)}`;
}

/** Parse `YYYY-MM-DDTHH:MM[:SS]` (or with a space) as a wall time in `zone` into epoch ms (null if invalid). */
export function instantParse(text: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match || !timeZoneIsValid(zone)) return null;
  const [Y, m, d, H, M, s] = match.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number];
  return timeZoneToEpochMs({ Y, m, d, H, M, s }, zone);
}
