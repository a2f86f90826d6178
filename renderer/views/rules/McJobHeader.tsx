/**
 * The heading row of the MaxCompute job: where the job comes from (fields or imported JSON),
 * fill-ins from the rule or the open object, and saving the job JSON.
 */
import { useShallow } from 'zustand/react/shallow';
import type { DataWorksJob } from '../../../core/maxcompute';
import { jobFieldsOfTable } from '../../../core/maxcompute';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { McSaveBar } from './McSaveBar';

/** The job section's heading, source select, fill-in buttons and save bar. */
export function McJobHeader(props: {
  mode: 'fields' | 'import';
  modeSet(mode: 'fields' | 'import'): void;
  job: DataWorksJob | null;
  json: string | null;
}) {
  const t = useT();
  const s = useStore(useShallow((st) => ({ patch: st.mcPatch, fromRule: st.mcFromRule, rule: st.rule, table: st.table })));
  const fromObject = () => {
    if (!s.table) return;
    const fields = jobFieldsOfTable(s.table.columns);
    s.patch({
      columns: fields.columns.map((c) => (fields.types[c] && fields.types[c] !== 'string' ? `${c}:${fields.types[c]}` : c)).join(','),
    });
  };
  return (
    <div className="row">
      <h3 id="mc-job">{t('mc.job')}</h3>
      <label className="row small">
        {t('mc.source')}
        <select
          aria-label={t('mc.source')}
          value={props.mode}
          onChange={(e) => props.modeSet(e.target.value as 'fields' | 'import')}
          data-testid="mc-mode"
        >
          <option value="fields">{t('mc.source.fields')}</option>
          <option value="import">{t('mc.source.import')}</option>
        </select>
      </label>
      {props.mode === 'fields' && (
        <button type="button" onClick={() => s.fromRule(s.rule)}>
          {t('mc.fromRule')}
        </button>
      )}
      {props.mode === 'fields' && s.table && (
        <button type="button" title={s.table.key} onClick={fromObject} data-testid="mc-from-object">
          {t('mc.fromObject')}
        </button>
      )}
      <span className="spacer" />
      <McSaveBar text={props.json} fileName={`${props.job?.writer.table ?? 'job'}.job.json`} testId="job" />
    </div>
  );
}
