/**
 * Partition-path preview: the rule rendered for now and chosen instants, in chosen time zones.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  objectKeyBuild,
  partitionFormatRender,
  partitionFormatTokenize,
  ruleMessageFormat,
  ruleMessages,
  timeZoneIsValid,
} from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import type { Language } from '../../state/settingsSlice';
import { useStore } from '../../state/store';
import { instantParse } from '../../util/format';

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
export function previewOne(
  rule: ShippingRule,
  ns: bigint,
  zone: string,
  taskNumber: number,
  language: Language,
): { path: string; key: string } | { error: string } {
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

/** The preview tab. */
export function RulePreview() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      rule: st.rule,
      instants: st.previewInstants,
      zones: st.previewZones,
      instantsSet: st.previewInstantsSet,
      zonesSet: st.previewZonesSet,
      language: st.language,
    })),
  );
  const [taskNumber, setTaskNumber] = useState(2850008);
  const [now] = useState(() => Date.now());
  const rows = [
    { label: t('rules.previewNow'), text: String(BigInt(now) * 1_000_000n) },
    ...s.instants.map((text) => ({ label: text, text })),
  ];
  return (
    <div className="stack">
      <div className="grid-2">
        <label className="field">
          {t('rules.instant')}
          <textarea
            rows={3}
            aria-label={t('rules.instant')}
            value={s.instants.join('\n')}
            onChange={(e) => s.instantsSet(e.target.value.split('\n'))}
            data-testid="preview-instants"
          />
        </label>
        <div className="stack">
          <label className="field">
            {t('rules.zones')}
            <input
              className="mono"
              aria-label={t('rules.zones')}
              value={s.zones.join(', ')}
              onChange={(e) =>
                s.zonesSet(
                  e.target.value
                    .split(',')
                    .map((z) => z.trim())
                    .filter(Boolean),
                )
              }
              data-testid="preview-zones"
            />
          </label>
          <label className="field">
            {t('browse.col.taskNumber')}
            <input
              type="number"
              aria-label={t('browse.col.taskNumber')}
              value={taskNumber}
              onChange={(e) => setTaskNumber(Number(e.target.value) || 0)}
            />
          </label>
        </div>
      </div>
      <table className="plain" data-testid="preview-table">
        <thead>
          <tr>
            <th>{t('rules.instant')}</th>
            <th>{t('rules.timeZone')}</th>
            <th>{t('rules.partitionPath')}</th>
            <th>{t('rules.objectKey')}</th>
          </tr>
        </thead>
        <tbody>
          {rows
            .filter((r) => r.text.trim())
            .flatMap((row, i) =>
              s.zones.map((zone) => {
                const ns = instantToNs(row.text, s.rule.timeZone);
                const out = ns === null ? { error: t('rules.instantInvalid') } : previewOne(s.rule, ns, zone, taskNumber, s.language);
                return (
                  <tr key={`${i}-${zone}`}>
                    <td className="mono small">{row.label}</td>
                    <td className="mono small">{zone}</td>
                    {'error' in out ? (
                      <td colSpan={2} className="danger small">
                        {out.error}
                      </td>
                    ) : (
                      <>
                        <td className="preview-path" data-testid="preview-path">
                          {out.path}
                        </td>
                        <td className="preview-path" data-testid="preview-key">
                          {out.key}
                        </td>
                      </>
                    )}
                  </tr>
                );
              }),
            )}
        </tbody>
      </table>
    </div>
  );
}
