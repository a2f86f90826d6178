/**
 * Shows a ShiplensError: its message, where it came from, and what to do (never a blank view).
 * A hint the engine leaves to each face (`hintKey`) is worded by the app's own strings.
 */
import type { ErrorInfo } from '../../core/errors';
import { useT } from '../i18n';
import type { Translate } from '../i18n';

/** The hint as the app words it: its own text for a hint the engine leaves to each face, else the error's. */
export function errorHintText(t: Translate, error: ErrorInfo): string | undefined {
  return error.hintKey ? t(`errorHint.${error.hintKey}`) : error.hint;
}

/** An error panel with message, source and hint. */
export function ErrorBox({ error, onDismiss }: { error: ErrorInfo; onDismiss?: () => void }) {
  const t = useT();
  const hint = errorHintText(t, error);
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
      {hint && (
        <div className="error-hint">
          <span className="muted">{t('common.hint')}: </span>
          {hint}
        </div>
      )}
    </div>
  );
}
