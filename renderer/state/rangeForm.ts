/**
 * The range a form describes — prefix + rule (typed fields or pasted JSON) + a log-time window
 * in a zone — shared by the Query and Forward views, and the API argument it becomes.
 */
import type { ApiInput } from '../../main/api/contract';
import { instantParse } from '../util/format';
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

/** `2026-11-24T10:00` in a zone (`+08:00` or an IANA name) → epoch ms (NaN when it is not a time). */
export function queryTimeMs(local: string, zone: string): number {
  return instantParse(local, zone) ?? Number.NaN;
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
