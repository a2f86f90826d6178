/**
 * A determinate or indeterminate progress bar with an optional cancel button.
 */
import { useT } from '../i18n';
import type { MessageKey, Translate } from '../i18n';
import { bytesFormat } from '../util/format';

const phases = new Set(['read', 'decode', 'download', 'export', 'write']);

/** A job phase from main (`read`, `decode`, …) in the UI language; unknown phases as sent. */
export function phaseText(t: Translate, phase: string | undefined): string | undefined {
  if (!phase) return undefined;
  return phases.has(phase) ? t(`phase.${phase}` as MessageKey) : phase;
}

/** Progress of a job (`done` of `total`, bytes or rows by `unit`); `done` null: nothing reported yet, no number. */
export function ProgressBar({
  done,
  total,
  label,
  unit = 'bytes',
  onCancel,
}: {
  done: number | null;
  total: number | null;
  label?: string;
  unit?: 'bytes' | 'rows';
  onCancel?: () => void;
}) {
  const t = useT();
  const ratio = total && done !== null ? Math.min(1, done / total) : null;
  const show = (n: number) => (unit === 'bytes' ? bytesFormat(n) : n.toLocaleString());
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label ?? t('common.loading')}
        aria-valuemin={0}
        aria-valuemax={ratio === null ? undefined : (total ?? undefined)}
        aria-valuenow={ratio === null ? undefined : (done ?? undefined)}
      >
        <div
          className={ratio === null ? 'progress-fill indeterminate' : 'progress-fill'}
          style={ratio === null ? undefined : { width: `${ratio * 100}%` }}
        />
      </div>
      <span className="progress-text">
        {label ?? ''}
        {/* A bare 0 of an unknown total says nothing: show a number only once there is one. */}
        {done !== null && (done > 0 || total) ? ` ${show(done)}` : ''}
        {done !== null && total ? ` / ${show(total)}` : ''}
      </span>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
