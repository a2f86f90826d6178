/**
 * Partition-path preview: the rule rendered for now and chosen instants, in chosen time zones.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LabelledInput, LabelledTextarea } from '../../components/LabelledInput';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { RulePreviewTable } from './RulePreviewTable';
import { previewRows } from './rulePreviewRows';

/** A comma-separated list as its trimmed, non-empty items. */
function commaList(text: string): string[] {
  return text
    .split(',')
    .map((z) => z.trim())
    .filter(Boolean);
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
  const instants = [
    { label: t('rules.previewNow'), text: String(BigInt(now) * 1_000_000n) },
    ...s.instants.map((text) => ({ label: text, text })),
  ];
  const rows = previewRows({ ...s, instants, taskNumber, instantInvalid: t('rules.instantInvalid') });
  return (
    <div className="stack">
      <div className="grid-2">
        <LabelledTextarea
          label={t('rules.instant')}
          rows={3}
          value={s.instants.join('\n')}
          onValue={(text) => s.instantsSet(text.split('\n'))}
          testId="preview-instants"
        />
        <div className="stack">
          <LabelledInput
            label={t('rules.zones')}
            className="mono"
            value={s.zones.join(', ')}
            onValue={(text) => s.zonesSet(commaList(text))}
            testId="preview-zones"
          />
          <LabelledInput
            label={t('browse.col.taskNumber')}
            type="number"
            value={taskNumber}
            onValue={(text) => setTaskNumber(Number(text) || 0)}
          />
        </div>
      </div>
      <RulePreviewTable rows={rows} />
    </div>
  );
}
