/** The gap timeline's chart: one bar per slot (present, missing, late; a task mark above), with the first and last times. */
import type { GapsResult } from '../../../core/shipping';
import { useT } from '../../i18n';
import { instantFormat } from '../../util/format';
import type { TaskMark } from '../../util/taskOverlay';
import { taskMarkText } from './GapTaskMarks';
import { gapSlotBar } from './gapSlotBar';

const width = 300;
const height = 56;

/** The SVG of the slots in `gaps` (nothing without slots). */
export function GapSlotsChart({ gaps, marks, zone }: { gaps: GapsResult; marks: Map<number, TaskMark>; zone: string }) {
  const t = useT();
  const slots = gaps.slots;
  const first = slots[0];
  const last = slots[slots.length - 1];
  if (!first || !last) return null;
  const span = last.end - first.start;
  const say = { fail: t('gaps.taskFailed'), running: t('gaps.taskRunning'), anomaly: t('gaps.taskAnomaly') };
  return (
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
        const { x, w } = gapSlotBar(slot, first.start, span, width);
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
  );
}
