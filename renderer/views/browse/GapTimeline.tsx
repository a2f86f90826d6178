/**
 * Gap timeline: one bar per shipping interval over the listed objects' task times, with
 * missing and late slots highlighted (core gapsCompute). With a rule imported from the project
 * and its tasks loaded, each slot also shows its task: failed (with the error), running, or an
 * anomaly (success but no object).
 */
import { useState } from 'react';
import { useT } from '../../i18n';
import { GapSlotsChart } from './GapSlotsChart';
import { GapTaskMarks } from './GapTaskMarks';
import { useGapTimeline } from './useGapTimeline';
import { NumberField } from '../../components/NumberField';
import { useTimeZone } from '../../state/useTimeZone';

/** The gap timeline panel. */
export function GapTimeline() {
  const t = useT();
  const zone = useTimeZone();
  const [intervalOverride, setIntervalOverride] = useState<number | null>(null);
  const { gaps, marks, intervalSec } = useGapTimeline(intervalOverride);
  return (
    <section className="panel" aria-label={t('browse.gaps')} data-testid="gap-timeline">
      <div className="row">
        <h3 style={{ margin: 0 }}>{t('browse.gaps')}</h3>
        <span className="spacer" />
        <label className="row small muted">
          {t('browse.interval')}
          <NumberField
            min={60}
            max={86_400}
            step={60}
            width={70}
            label={t('browse.interval')}
            value={intervalSec}
            onCommit={setIntervalOverride}
          />
        </label>
      </div>
      {!gaps || gaps.slots.length === 0 ? (
        <p className="muted small">{t('browse.gapsNone')}</p>
      ) : (
        <>
          <GapSlotsChart gaps={gaps} marks={marks} zone={zone} />
          <div className="row small">
            <span className="ok" data-count="present">
              ● {t('gaps.present', { n: gaps.counts.present })}
            </span>
            <span className="danger" data-count="missing">
              ● {t('gaps.missing', { n: gaps.counts.missing })}
            </span>
            <span className="warn" data-count="late">
              ● {t('gaps.late', { n: gaps.counts.late })}
            </span>
          </div>
          {gaps.arrivalsNotJudged > 0 && (
            <p className="muted small" data-testid="gaps-not-judged" style={{ margin: '4px 0 0' }}>
              {t('gaps.notJudged', { n: gaps.arrivalsNotJudged })}
            </p>
          )}
          <GapTaskMarks marks={[...marks.values()]} />
          <p className="muted small" style={{ margin: '4px 0 0' }}>
            {t('browse.gapsLegend')}
          </p>
          {marks.size > 0 && (
            <p className="muted small" style={{ margin: '2px 0 0' }}>
              {t('gaps.taskLegend')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
