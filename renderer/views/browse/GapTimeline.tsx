/**
 * Gap timeline: one bar per shipping interval over the listed objects' task times, with
 * missing and late slots highlighted (core gapsCompute). With a rule imported from the project
 * and its tasks loaded, each slot also shows its task: failed (with the error), running, or an
 * anomaly (success but no object).
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { instantFormat } from '../../util/format';
import type { ObjectEntry } from '../../../main/api/contract';
import type { GapInput } from '../../../core/shipping';
import type { ShippingRule } from '../../../core/model';
import { gapInputsSliced } from '../../util/gapInputs';
import { gapsFromInputs, ruleCovers, slotTaskMarks, tasksInFolder } from '../../util/taskOverlay';
import { GapTaskMarks, taskMarkText } from './GapTaskMarks';
import { NumberField } from '../../components/NumberField';
import { useTimeZone } from '../../state/useTimeZone';

const width = 300;
const height = 56;

/**
 * Gap inputs of the finished listing, parsed in time slices (never 100,000 keys in one task);
 * null while listing or slicing. Memoized per listing array and rule (gapInputsSliced).
 */
function useGapInputs(objects: readonly ObjectEntry[] | null, rule: ShippingRule | undefined): GapInput[] | null {
  const [done, setDone] = useState<{ objects: readonly ObjectEntry[]; rule: ShippingRule | undefined; inputs: GapInput[] } | null>(null);
  useEffect(() => {
    if (!objects) return undefined;
    let cancelled = false;
    void gapInputsSliced(objects, rule, () => cancelled).then((inputs) => {
      if (inputs && !cancelled) setDone({ objects, rule, inputs });
    });
    return () => {
      cancelled = true;
    };
  }, [objects, rule]);
  return done && done.objects === objects && done.rule === rule ? done.inputs : null;
}

function useTimeline(intervalOverride: number | null) {
  const s = useStore(
    useShallow((st) => ({ objects: st.objects, listing: st.listing, prefix: st.prefix, imported: st.slsRule, list: st.taskList })),
  );
  const rule = s.imported && ruleCovers(s.imported.rule, s.prefix) ? s.imported.rule : null;
  const tasks = useMemo(() => {
    const sameRule = rule && s.list && s.imported && s.list.shipper === s.imported.name && s.list.logstore === s.imported.logstore;
    return sameRule && s.list ? tasksInFolder(rule, s.list.tasks, s.prefix) : [];
  }, [rule, s.list, s.imported, s.prefix]);
  const intervalSec = intervalOverride ?? rule?.bufferIntervalSec ?? 300;
  const inputs = useGapInputs(s.listing ? null : s.objects, rule ?? undefined);
  const graceMinutes = useStore((st) => st.settings?.lateGraceMinutes);
  const gaps = useMemo(
    () => (inputs ? gapsFromInputs(inputs, tasks, intervalSec, graceMinutes === undefined ? undefined : graceMinutes * 60_000) : null),
    [inputs, tasks, intervalSec, graceMinutes],
  );
  const marks = useMemo(() => (gaps ? slotTaskMarks(gaps.slots, tasks) : new Map()), [gaps, tasks]);
  return { gaps, marks, intervalSec };
}

/** The gap timeline panel. */
export function GapTimeline() {
  const t = useT();
  const zone = useTimeZone();
  const [intervalOverride, setIntervalOverride] = useState<number | null>(null);
  const { gaps, marks, intervalSec } = useTimeline(intervalOverride);
  const slots = gaps?.slots ?? [];
  const first = slots[0];
  const last = slots[slots.length - 1];
  const span = first && last ? last.end - first.start : 1;
  const say = { fail: t('gaps.taskFailed'), running: t('gaps.taskRunning'), anomaly: t('gaps.taskAnomaly') };
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
      {!gaps || !first || !last ? (
        <p className="muted small">{t('browse.gapsNone')}</p>
      ) : (
        <>
          <svg
            className="timeline"
            shapeRendering="crispEdges"
            viewBox={`0 0 ${width} ${height}`}
            width="100%"
            role="img"
            aria-label={[
              t('gaps.present', { n: gaps.counts.present }),
              t('gaps.missing', { n: gaps.counts.missing }),
              t('gaps.late', { n: gaps.counts.late }),
            ].join(', ')}
          >
            {slots.map((slot) => {
              const x = ((slot.start - first.start) / span) * width;
              // Narrow slots touch (a gap thinner than a pixel would drop whole bars under crispEdges).
              const slotWidth = ((slot.end - slot.start) / span) * width;
              const w = slotWidth > 4 ? slotWidth - 1 : slotWidth + 0.5;
              const mark = marks.get(slot.start);
              const title = `${instantFormat(slot.expectedMs, zone)} · ${slot.status}${slot.keys.length ? ` · ${slot.keys.length}` : ''}${mark ? `\n${taskMarkText(mark, zone, say)}` : ''}`;
              return (
                <g key={slot.start} data-slot-status={slot.status} data-task-mark={mark?.kind}>
                  <rect
                    x={x}
                    y={slot.status === 'present' ? 14 : 4}
                    width={w}
                    height={slot.status === 'present' ? 26 : 36}
                    className={`slot-${slot.status === 'present' ? 'ok' : slot.status}${mark ? ` task-${mark.kind}` : ''}`}
                  >
                    <title>{title}</title>
                  </rect>
                  {mark && <rect x={x} y={0} width={w} height={3} className={`mark-${mark.kind}`} />}
                </g>
              );
            })}
            <text x={0} y={height - 2}>
              {instantFormat(first.start, zone).slice(5, 16)}
            </text>
            <text x={width} y={height - 2} textAnchor="end">
              {instantFormat(last.end, zone).slice(5, 16)}
            </text>
          </svg>
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
