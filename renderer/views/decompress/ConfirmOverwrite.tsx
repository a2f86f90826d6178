/**
 * The one question before an existing file is replaced: Cancel (focused first) or Overwrite.
 * A modal Dialog, so Tab stays inside and Escape answers no.
 */
import { useId } from 'react';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n';

/** Ask "{question}"; `onAnswer(true)` only on Overwrite. */
export function ConfirmOverwrite({ question, onAnswer }: { question: string; onAnswer: (yes: boolean) => void }) {
  const t = useT();
  const titleId = useId();
  return (
    <Dialog titleId={titleId} testId="overwrite-dialog" onClose={() => onAnswer(false)}>
      <h2 id={titleId}>{question}</h2>
      <div className="dialog-actions">
        <button type="button" onClick={() => onAnswer(false)}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => onAnswer(true)} data-testid="confirm-overwrite">
          {t('decompress.overwrite')}
        </button>
      </div>
    </Dialog>
  );
}
