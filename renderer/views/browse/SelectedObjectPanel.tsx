/**
 * The selected object's parsed key: task time, task number, format, compression, partition.
 */
import { useShallow } from 'zustand/react/shallow';
import type { ParsedObjectKey } from '../../../core/shipping';
import { shippingRuleDefault } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { useT } from '../../i18n';
import { ObjectActions } from './ObjectActions';
import { useStore } from '../../state/store';
import { bytesFormat, instantFormat } from '../../util/format';
import { keyInfo, keyInfoReason } from '../../util/keyInfo';
import { timeZoneOf } from '../../state/settingsSlice';

/** A rule pre-filled from a shipped key (prefix, format, compression, partition format guess). */
export function ruleFromParsedKey(info: ParsedObjectKey, bucket: string): ShippingRule {
  const rule = shippingRuleDefault();
  return {
    ...rule,
    bucket,
    prefix: info.prefix,
    format: info.format,
    compression: info.compression,
    partitionFormat: info.partitionFormat ?? rule.partitionFormat,
    timeZone: info.timeZone ?? rule.timeZone,
  };
}

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
  const hive = info ? Object.entries(info.hiveColumns) : [];
  return (
    <section className="panel" aria-label={t('browse.selected')} data-testid="selected-object">
      <h3>{t('browse.selected')}</h3>
      <div className="mono small" style={{ wordBreak: 'break-all', marginBottom: 8 }}>
        {s.key}
      </div>
      {info ? (
        <dl className="kv">
          <dt>{t('browse.col.taskTime')}</dt>
          <dd>
            {instantFormat(info.taskTimeMs, s.zone)} ({s.zone})
          </dd>
          <dt>{t('browse.col.taskNumber')}</dt>
          <dd>{info.taskNumber}</dd>
          <dt>{t('browse.col.format')}</dt>
          <dd>
            {info.format} · {info.compression}
          </dd>
          <dt>{t('rules.partitionFormat')}</dt>
          <dd>{info.partitionFormat ?? '—'}</dd>
          {hive.length > 0 && (
            <>
              <dt>{t('browse.partitionColumns')}</dt>
              <dd className="hive-cols">
                {hive.map(([k, v]) => (
                  <span key={k} className="hive-col">
                    {k}={v}
                  </span>
                ))}
              </dd>
            </>
          )}
          {entry && (
            <>
              <dt>{t('browse.col.size')}</dt>
              <dd>{bytesFormat(entry.size)}</dd>
            </>
          )}
        </dl>
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
