/**
 * The selected object's parsed key: task time, task number, format, compression, partition.
 */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { ObjectActions } from './ObjectActions';
import { ObjectKeyFacts } from './ObjectKeyFacts';
import { ruleFromParsedKey } from './ruleFromParsedKey';
import { useStore } from '../../state/store';
import { keyInfo, keyInfoReason } from '../../util/keyInfo';
import { timeZoneOf } from '../../state/settingsSlice';

/** Side panel for the selected object. */
export function SelectedObjectPanel() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      key: st.selectedKey,
      objects: st.objects,
      zone: timeZoneOf(st),
      tableOpen: st.tableOpen,
      ruleReplace: st.ruleReplace,
      viewSet: st.viewSet,
      bucket: st.connection?.bucket ?? '',
    })),
  );
  if (!s.key) return null;
  const entry = s.objects.find((o) => o.key === s.key);
  const info = keyInfo(s.key);
  return (
    <section className="panel" aria-label={t('browse.selected')} data-testid="selected-object">
      <h3>{t('browse.selected')}</h3>
      <div className="mono small" style={{ wordBreak: 'break-all', marginBottom: 8 }}>
        {s.key}
      </div>
      {info ? (
        <ObjectKeyFacts info={info} entry={entry} zone={s.zone} />
      ) : (
        <p className="muted small">{t('browse.notShipped', { reason: keyInfoReason(s.key) })}</p>
      )}
      <div className="row" style={{ marginTop: 10 }}>
        <button type="button" className="primary" onClick={() => s.key && void s.tableOpen(s.key)} data-testid="open-object">
          {t('common.open')}
        </button>
        {info && (
          <button
            type="button"
            onClick={() => {
              s.ruleReplace(ruleFromParsedKey(info, s.bucket));
              s.viewSet('rules');
            }}
          >
            {t('browse.ruleFromObject')}
          </button>
        )}
      </div>
      <ObjectActions key={s.key} objectKey={s.key} />
    </section>
  );
}
