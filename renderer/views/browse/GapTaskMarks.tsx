/**
 * Beside the gap timeline: what the shipping tasks of the marked slots say (error and advice,
 * in progress, or an anomaly), one line each.
 */
import type { TaskMark } from '../../util/taskOverlay';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { instantFormat } from '../../util/format';
import { useTimeZone } from '../../state/useTimeZone';

/** A mark's one-line text (also the slot tooltip). */
export function taskMarkText(mark: TaskMark, zone: string, say: { fail: string; running: string; anomaly: string }): string {
  const time = instantFormat(mark.task.createTime, zone).slice(11);
  if (mark.kind === 'fail') return `${time} · ${say.fail}: ${mark.task.message || '?'}`;
  return `${time} · ${mark.kind === 'running' ? say.running : say.anomaly}`;
}

/** The list of marked slots under the timeline. */
export function GapTaskMarks({ marks }: { marks: TaskMark[] }) {
  const t = useT();
  const zone = useTimeZone();
  const language = useStore((s) => s.language);
  if (marks.length === 0) return null;
  const say = { fail: t('gaps.taskFailed'), running: t('gaps.taskRunning'), anomaly: t('gaps.taskAnomaly') };
  return (
    <ul className="gap-marks small" data-testid="gap-task-marks">
      {marks.map((mark) => (
        <li key={mark.task.id} className={`mark-${mark.kind}`} data-kind={mark.kind} data-task-id={mark.task.id}>
          <span className="mono">{taskMarkText(mark, zone, say)}</span>
          {mark.kind === 'fail' && mark.task.advice && <div className="muted">{mark.task.advice[language]}</div>}
        </li>
      ))}
    </ul>
  );
}
