/**
 * The range a form describes — prefix + rule (typed fields or pasted JSON) + a log-time window
 * in a zone — shared by the Query and Forward views, and the API argument it becomes.
 */
import type { ApiInput } from '../../main/api/contract';
import { timeZoneDefault } from './settingsSlice';

/** A range as typed: wall times `2026-11-24T10:00` in `timeZone`. */
export interface RangeForm {
  prefix: string;
  partitionFormat: string;
  format: 'json' | 'csv' | 'parquet';
  compression: 'none' | 'snappy';
  timeZone: string;
  ruleText: string;
  from: string;
  to: string;
}

/** The sample bucket's JSON rule over one morning hour. */
export const rangeFormDefault: RangeForm = {
  prefix: 'nginx-access-json',
  partitionFormat: '%Y/%m/%d/%H/%M',
  format: 'json',
  compression: 'none',
  timeZone: timeZoneDefault,
  ruleText: '',
  from: '2026-11-24T10:00',
  to: '2026-11-24T11:00',
};

/** `2026-11-24T10:00` in a zone (`+08:00` or an IANA name) → epoch ms. */
export function queryTimeMs(local: string, zone: string): number {
  const fixed = /^[+-]\d{2}:\d{2}$/.test(zone) ? zone : zone === 'UTC' ? 'Z' : null;
  if (fixed) return Date.parse(`${local}:00${fixed}`);
  // An IANA zone: find the offset that zone has at that wall time (two passes settle DST).
  let guess = Date.parse(`${local}:00Z`);
  for (let i = 0; i < 2; i++) {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(guess);
    guess += Date.parse(`${local}:00Z`) - Date.parse(`${parts.replace(', ', 'T')}:00Z`);
  }
  return guess;
}

/** The API's range argument: pasted rule JSON wins over the typed fields. */
export function rangeArg(form: RangeForm): ApiInput<'range.plan'> {
  const base = { prefix: form.prefix, from: queryTimeMs(form.from, form.timeZone), to: queryTimeMs(form.to, form.timeZone) };
  if (form.ruleText.trim() !== '') return { ...base, ruleText: form.ruleText };
  return {
    ...base,
    rule: { partitionFormat: form.partitionFormat, format: form.format, compression: form.compression, timeZone: form.timeZone },
  };
}
