/**
 * The schedule part of the MaxCompute tab: every N minutes between two times of day, and the
 * next runs' [begin, end) windows as a small timeline with gaps and overlaps marked.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { scheduleTimeFields } from '../../../core/maxcompute';
import type { ScheduleReport } from '../../../core/maxcompute';
import { timeZoneToEpochMs } from '../../../core/shipping';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { timeZoneOf } from '../../state/settingsSlice';
import { mcScheduleReport } from './mcSchedule';

const runsShown = 12;

function Timeline({ report, zone }: { report: ScheduleReport; zone: string }) {
  const t = useT();
  const ms = (text: string) => timeZoneToEpochMs(scheduleTimeFields(text) ?? { Y: 1970, m: 1, d: 1, H: 0, M: 0, s: 0 }, zone);
  const lo = Math.min(...report.runs.map((r) => ms(r.begin)));
  const hi = Math.max(...report.runs.map((r) => Math.max(ms(r.end), ms(r.begin))));
  const x = (text: string) => `${(((ms(text) - lo) / Math.max(1, hi - lo)) * 100).toFixed(2)}%`;
  const w = (a: string, b: string) => `${((Math.max(0, ms(b) - ms(a)) / Math.max(1, hi - lo)) * 100).toFixed(2)}%`;
  return (
    <div className="stack small" data-testid="mc-timeline">
      {report.runs.map((r) => (
        <div key={r.runMs} className="row" style={{ flexWrap: 'nowrap' }} data-testid="mc-run" data-seam={r.seam?.kind ?? ''}>
          <code style={{ minWidth: '10em' }}>{r.run}</code>
          <div style={{ position: 'relative', flex: 1, height: '0.9em', background: 'var(--panel-2, #eee)' }}>
            <div
              title={`[${r.begin}, ${r.end})`}
              style={{
                position: 'absolute',
                left: x(r.begin),
                width: w(r.begin, r.end),
                top: 0,
                bottom: 0,
                background: r.empty ? 'var(--danger, #c33)' : 'var(--accent, #36c)',
              }}
            />
            {r.seam && (
              <div
                title={`${t(r.seam.kind === 'gap' ? 'mc.gap' : 'mc.overlap')} [${r.seam.from}, ${r.seam.to})`}
                style={{
                  position: 'absolute',
                  left: x(r.seam.from),
                  width: w(r.seam.from, r.seam.to),
                  top: 0,
                  bottom: 0,
                  background: r.seam.kind === 'gap' ? 'var(--danger, #c33)' : 'var(--warn, #d90)',
                  opacity: 0.7,
                }}
              />
            )}
          </div>
          <code>
            [{r.begin}, {r.end})
          </code>
          {r.partition !== undefined && <code className="muted">{r.partition}</code>}
          {r.seam && (
            <span className={r.seam.kind === 'gap' ? 'danger' : 'warn'}>
              {t(r.seam.kind === 'gap' ? 'mc.gap' : 'mc.overlap')} [{r.seam.from}, {r.seam.to})
            </span>
          )}
          {r.empty && <span className="danger">{t('mc.emptyWindow')}</span>}
        </div>
      ))}
    </div>
  );
}

/** Schedule inputs and the next runs' windows. */
export function RuleMaxComputeSchedule({
  begin,
  end,
  partition,
  truncate,
}: {
  begin?: string;
  end?: string;
  partition: string;
  truncate: boolean;
}) {
  const t = useT();
  const s = useStore(useShallow((st) => ({ mc: st.mc, patch: st.mcPatch, zone: timeZoneOf(st) })));
  // The next runs from when the tab opened (a clock tick would move the timeline under the user).
  const [now] = useState(() => Date.now());
  const { every, start, stop, begin: mcBegin, end: mcEnd } = s.mc;
  const result = useMemo(
    () => mcScheduleReport({ every, start, stop, begin: mcBegin, end: mcEnd }, s.zone, { begin, end, partition, truncate }, now, runsShown),
    [every, start, stop, mcBegin, mcEnd, s.zone, begin, end, partition, truncate, now],
  );
  return (
    <section className="stack" aria-labelledby="mc-schedule">
      <h3 id="mc-schedule">{t('mc.schedule')}</h3>
      <div className="row">
        {(['every', 'start', 'stop'] as const).map((key) => (
          <label key={key} className="field">
            {t(`mc.${key}`)}
            <input
              className="mono"
              size={6}
              aria-label={t(`mc.${key}`)}
              value={s.mc[key]}
              onChange={(e) => s.patch({ [key]: e.target.value })}
              data-testid={`mc-${key}`}
            />
          </label>
        ))}
      </div>
      {typeof result === 'string' ? (
        <p className="danger small" data-testid="mc-schedule-error">
          {result}
        </p>
      ) : (
        <>
          <p className="small muted">{t('mc.nextRuns', { zone: s.zone })}</p>
          <Timeline report={result} zone={s.zone} />
          {result.gaps + result.overlaps + result.empty === 0 && <p className="ok small">{t('mc.contiguous')}</p>}
          {result.overwrites > 0 && (
            <p className="warn small" data-testid="mc-overwrites">
              ▲ {t('mc.overwrites', { n: result.overwrites })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
