/**
 * Log-time range picker: which partitions hold the logs of a range, with the planner's
 * explanation of the task-time lag (SPEC §5).
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { planLogTimeRange } from '../../../core/shipping';
import type { ListingPlan } from '../../../core/shipping';
import { useT } from '../../i18n';
import { GoToTime } from './GoToTime';
import { useStore } from '../../state/store';
import { instantFormat, instantParse } from '../../util/format';
import { keyInfo } from '../../util/keyInfo';
import { ruleFromParsedKey } from './SelectedObjectPanel';
import { ruleCovers } from '../../util/taskOverlay';
import { queryFormFor } from '../../util/queryEntry';
import { timeZoneOf } from '../../state/settingsSlice';

/** The time range panel. */
export function TimeRangePanel() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      objects: st.objects,
      selectedKey: st.selectedKey,
      zone: timeZoneOf(st),
      language: st.language,
      bucket: st.connection?.bucket ?? '',
      browseOpen: st.browseOpen,
      browseRange: st.browseRange,
      prefix: st.prefix,
      imported: st.slsRule,
      tasksTo: st.tasksTo,
      queryOpen: st.queryOpen,
    })),
  );
  // A rule imported from the project wins where it applies (its zone and format are known).
  const importedRule = s.imported && ruleCovers(s.imported.rule, s.prefix) ? s.imported.rule : null;
  // The rule comes from a shipped key here (selected, else the first parsable one).
  const sample = useMemo(() => {
    const candidates = s.selectedKey ? [s.selectedKey] : [];
    for (const o of s.objects.slice(0, 200)) candidates.push(o.key);
    for (const key of candidates) {
      const info = keyInfo(key);
      if (info?.partitionFormat) return info;
    }
    return null;
  }, [s.objects, s.selectedKey]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const anchorMs = sample?.taskTimeMs ?? (importedRule ? s.tasksTo : null);
  const fromText = from || (anchorMs !== null ? instantFormat(anchorMs - 3_600_000, s.zone).slice(0, 16) : '');
  const toText = to || (anchorMs !== null ? instantFormat(anchorMs, s.zone).slice(0, 16) : '');
  const rule = useMemo(() => importedRule ?? (sample ? ruleFromParsedKey(sample, s.bucket) : null), [importedRule, sample, s.bucket]);
  const plan = useMemo((): ListingPlan | string | null => {
    if (!rule) return null;
    const fromMs = instantParse(fromText, s.zone);
    const toMs = instantParse(toText, s.zone);
    if (fromMs === null || toMs === null) return 'YYYY-MM-DD HH:MM';
    try {
      return planLogTimeRange(rule, fromMs, toMs);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }, [rule, fromText, toText, s.zone]);
  if (!sample && !importedRule) return null;
  return (
    <section className="panel" aria-label={t('browse.timeRange')} data-testid="time-range">
      <h3>{t('browse.timeRange')}</h3>
      <div className="grid-2">
        <label className="field">
          {t('browse.from')} ({s.zone})
          <input className="mono" aria-label={t('browse.from')} value={fromText} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          {t('browse.to')} ({s.zone})
          <input className="mono" aria-label={t('browse.to')} value={toText} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {rule && <GoToTime rule={rule} zone={s.zone} />}
      {typeof plan === 'string' && <p className="danger small">{plan}</p>}
      {plan && typeof plan !== 'string' && (
        <>
          <p className="small">{plan.explanation[s.language]}</p>
          <div className="row small">
            <span className="muted">{t('browse.plan')}</span>
            <span className="spacer" />
            <button
              type="button"
              disabled={plan.prefixes.length === 0}
              onClick={() => void s.browseRange(plan.prefixes)}
              data-testid="range-list"
            >
              {t('browse.rangeList', { n: plan.prefixes.length })}
            </button>
            {rule && (
              <button
                type="button"
                onClick={() => s.queryOpen(queryFormFor(rule, plan.logFromMs, plan.logToMs, importedRule !== null))}
                data-testid="range-query"
              >
                {t('browse.queryRange')}
              </button>
            )}
          </div>
          <ul className="small mono plan-list" style={{ margin: '4px 0 0', paddingLeft: 16, maxHeight: 140, overflow: 'auto' }}>
            {plan.prefixes.slice(0, 100).map((prefix) => (
              <li key={prefix}>
                <button type="button" className="link mono" onClick={() => void s.browseOpen(prefix.replace(/[^/]*$/, ''))}>
                  {prefix}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
