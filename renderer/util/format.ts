/**
 * Small display formatters (sizes, instants in a chosen time zone).
 */

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

/** Minutes east of UTC for `+08:00`/`-05:30`/`UTC`/`Z`; null for IANA names. */
export function zoneOffsetMinutes(zone: string): number | null {
  if (/^(UTC|GMT|Z)$/i.test(zone)) return 0;
  const match = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(zone.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD HH:MM:SS` of an instant in a fixed offset or IANA zone. */
export function instantFormat(epochMs: number, zone: string): string {
  if (!Number.isFinite(epochMs)) return '';
  const offset = zoneOffsetMinutes(zone);
  if (offset !== null) {
    const d = new Date(epochMs + offset * 60_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
  try {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(new Date(epochMs));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
  } catch {
    return new Date(epochMs).toISOString();
  }
}

/** Parse `YYYY-MM-DDTHH:MM[:SS]` read in a fixed-offset zone into epoch ms (null if invalid). */
export function instantParse(text: string, zone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const offset = zoneOffsetMinutes(zone);
  if (offset !== null) return utc - offset * 60_000;
  // IANA zone: correct by the zone's offset at that instant (good away from DST switches).
  const shown = instantFormat(utc, zone);
  const shownUtc = Date.parse(`${shown.replace(' ', 'T')}Z`);
  return Number.isFinite(shownUtc) ? utc - (shownUtc - utc) : null;
}
