/**
 * Text inputs bound to fields of the MaxCompute draft — the job tab and the policy tab both
 * edit the draft this way, so the input, its label and its test id are written once.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { MaxComputeDraft } from './maxcomputeSlice';

export type McDraftField = { key: keyof MaxComputeDraft; label: MessageKey };

/** One labelled input per field (no wrapper: the caller lays them out). */
export function McDraftInputs({ fields }: { fields: readonly McDraftField[] }) {
  const t = useT();
  const s = useStore(useShallow((st) => ({ mc: st.mc, patch: st.mcPatch })));
  return (
    <>
      {fields.map((f) => (
        <label key={f.key} className="field">
          {t(f.label)}
          <input
            className="mono"
            aria-label={t(f.label)}
            value={String(s.mc[f.key])}
            onChange={(e) => s.patch({ [f.key]: e.target.value })}
            data-testid={`mc-${f.key}`}
          />
        </label>
      ))}
    </>
  );
}
