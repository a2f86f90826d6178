/**
 * A determinate or indeterminate progress bar with an optional cancel button.
 */
import { useT } from '../i18n';
import { bytesFormat } from '../util/format';

/** Progress of a job (`done` of `total`, bytes or rows by `unit`). */
export function ProgressBar({ done, total, label, unit = 'bytes', onCancel }: { done: number; total: number | null; label?: string; unit?: 'bytes' | 'rows'; onCancel?: () => void }) {
  const t = useT();
  const ratio = total ? Math.min(1, done / total) : null;
  const show = (n: number) => (unit === 'bytes' ? bytesFormat(n) : n.toLocaleString());
  return (
    <div className="progress">
      <div className="progress-track" role="progressbar" aria-label={label ?? t('common.loading')} aria-valuemin={0} aria-valuemax={total ?? undefined} aria-valuenow={done}>
        <div className={ratio === null ? 'progress-fill indeterminate' : 'progress-fill'} style={ratio === null ? undefined : { width: `${ratio * 100}%` }} />
      </div>
      <span className="progress-text">
        {label ? `${label} ` : ''}
        {show(done)}
        {total ? ` / ${show(total)}` : ''}
      </span>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
    </div>
  );
}
