/**
 * The partition-path preview's rows: each typed instant (and now) in each chosen zone, with the
 * path and key the rule gives it, or why there is none in the UI language.
 */
import {
  objectKeyBuild,
  partitionFormatRender,
  partitionFormatTokenize,
  ruleMessageFormat,
  ruleMessages,
  timeZoneIsValid,
} from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import type { Language } from '../../state/settingsSlice';
import { instantParse } from '../../util/format';

/** A preview outcome: the path and key, or why there is none. */
export type PreviewOutcome = { path: string; key: string } | { error: string };

/** One row of the preview table. */
export interface PreviewRow {
  /** React key: the instant's place and the zone. */
  id: string;
  label: string;
  zone: string;
  out: PreviewOutcome;
}

/** An instant typed as 19-digit task-time nanoseconds or `YYYY-MM-DD HH:MM:SS` in `zone`. */
export function instantToNs(text: string, zone: string): bigint | null {
  const trimmed = text.trim();
  if (/^\d{10,19}$/.test(trimmed)) return trimmed.length === 19 ? BigInt(trimmed) : BigInt(trimmed) * 1_000_000_000n;
  const ms = instantParse(trimmed, zone);
  return ms === null ? null : BigInt(ms) * 1_000_000n;
}

/**
 * One preview row, or why there is none in the UI language: the zone and the format are checked
 * here, so no engine text (`Unknown time zone "bogus".`) reaches the table untranslated.
 */
export function previewOne(rule: ShippingRule, ns: bigint, zone: string, taskNumber: number, language: Language): PreviewOutcome {
  if (!timeZoneIsValid(zone)) return { error: ruleMessageFormat(ruleMessages.TIME_ZONE_INVALID[language], { zone }) };
  const unknown = partitionFormatTokenize(rule.partitionFormat).unknown[0];
  if (unknown !== undefined)
    return { error: ruleMessageFormat(ruleMessages.PARTITION_UNKNOWN_DIRECTIVE[language], { directive: unknown }) };
  try {
    const zoned = { ...rule, timeZone: zone };
    const ms = Number(ns / 1_000_000n);
    return { path: partitionFormatRender(rule.partitionFormat, ms, zone), key: objectKeyBuild(zoned, ns, taskNumber) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** What the preview renders: its instants (labelled), zones and task number, and the rule. */
export interface PreviewInput {
  rule: ShippingRule;
  /** The instants as typed (blank ones are skipped), read in the rule's zone. */
  instants: { label: string; text: string }[];
  zones: string[];
  taskNumber: number;
  language: Language;
  /** The UI's text for an instant that does not parse. */
  instantInvalid: string;
}

/** Every non-blank instant in every zone. */
export function previewRows(input: PreviewInput): PreviewRow[] {
  return input.instants
    .filter((r) => r.text.trim())
    .flatMap((row, i) =>
      input.zones.map((zone) => {
        const ns = instantToNs(row.text, input.rule.timeZone);
        const out = ns === null ? { error: input.instantInvalid } : previewOne(input.rule, ns, zone, input.taskNumber, input.language);
        return { id: `${i}-${zone}`, label: row.label, zone, out };
      }),
    );
}
