/**
 * The DataWorks job's fields as typed: data sources, table, partition, time range, columns.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { McDraftInputs } from './McDraftInputs';
import type { McDraftField } from './McDraftInputs';

const textFields: McDraftField[] = [
  { key: 'datasource', label: 'mc.datasource' },
  { key: 'description', label: 'mc.description' },
  { key: 'logstore', label: 'mc.logstore' },
  { key: 'odpsDatasource', label: 'mc.odpsDatasource' },
  { key: 'table', label: 'mc.table' },
  { key: 'partition', label: 'mc.partition' },
  { key: 'begin', label: 'mc.begin' },
  { key: 'end', label: 'mc.end' },
];

/** One input per job field, the columns, and whether the partition is truncated first. */
export function McJobFields() {
  const t = useT();
  const s = useStore(useShallow((st) => ({ mc: st.mc, patch: st.mcPatch })));
  return (
    <div className="row" style={{ flexWrap: 'wrap' }}>
      <McDraftInputs fields={textFields} />
      <label className="field" style={{ flex: '1 1 100%' }}>
        {t('mc.columns')}
        <input
          className="mono"
          aria-label={t('mc.columns')}
          value={s.mc.columns}
          onChange={(e) => s.patch({ columns: e.target.value })}
          data-testid="mc-columns"
        />
      </label>
      <label className="row small">
        <input type="checkbox" checked={s.mc.truncate} onChange={(e) => s.patch({ truncate: e.target.checked })} />
        {t('mc.truncate')}
      </label>
    </div>
  );
}
