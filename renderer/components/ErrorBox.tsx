/**
 * Shows a ShiplensError: its message, where it came from, and what to do (never a blank view).
 */
import type { ErrorInfo } from '../../core/errors';
import { useT } from '../i18n';

/** An error panel with message, source and hint. */
export function ErrorBox({ error, onDismiss }: { error: ErrorInfo; onDismiss?: () => void }) {
  const t = useT();
  return (
    <div className="error-box" role="alert" data-code={error.code}>
      <div className="error-head">
        <strong className="error-code">{error.code}</strong>
        <span className="error-message">{error.message}</span>
        {onDismiss && (
          <button type="button" className="link" onClick={onDismiss} aria-label={t('common.close')}>
            ×
          </button>
        )}
      </div>
      {error.source && <div className="error-source mono">{error.source}</div>}
      {error.hint && (
        <div className="error-hint">
          <span className="muted">{t('common.hint')}: </span>
          {error.hint}
        </div>
      )}
    </div>
  );
}
