/**
 * Log-time range picker: which partitions hold the logs of a range, with the planner's
 * explanation of the task-time lag (SPEC §5).
 */
import { useMemo, useState } from 'react';
import { useT } from '../../i18n';
import { GoToTime } from './GoToTime';
import { RangePlanView } from './RangePlanView';
import { rangePlan } from './rangePlan';
import { useRangeRule } from './useRangeRule';
import { instantFormat } from '../../util/format';
import { useTimeZone } from '../../state/useTimeZone';

/** The time range panel. */
export function TimeRangePanel() {
  const t = useT();
  const zone = useTimeZone();
  const { sample, importedRule, rule, anchorMs } = useRangeRule();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const fromText = from || (anchorMs !== null ? instantFormat(anchorMs - 3_600_000, zone).slice(0, 16) : '');
  const toText = to || (anchorMs !== null ? instantFormat(anchorMs, zone).slice(0, 16) : '');
  const plan = useMemo(() => rangePlan(rule, fromText, toText, zone), [rule, fromText, toText, zone]);
  if (!sample && !importedRule) return null;
  return (
    <section className="panel" aria-label={t('browse.timeRange')} data-testid="time-range">
      <h3>{t('browse.timeRange')}</h3>
      <div className="grid-2">
        <label className="field">
          {t('browse.from')} ({zone})
          <input className="mono" aria-label={t('browse.from')} value={fromText} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          {t('browse.to')} ({zone})
          <input className="mono" aria-label={t('browse.to')} value={toText} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      {rule && <GoToTime rule={rule} zone={zone} />}
      {typeof plan === 'string' && <p className="danger small">{plan}</p>}
      {plan && typeof plan !== 'string' && <RangePlanView plan={plan} rule={rule} withText={importedRule !== null} />}
    </section>
  );
}
