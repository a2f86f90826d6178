/**
 * A modal dialog: focus moves into it on open and back on close, Tab stays inside, and Escape
 * closes it from anywhere (not only when focus happens to sit inside the backdrop).
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

const focusable =
  'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/** Props of `Dialog`. */
export interface DialogProps {
  titleId: string;
  testId?: string;
  /** Escape and backdrop close; null while closing is not allowed (a running job). */
  onClose: (() => void) | null;
  children: ReactNode;
}

/** A modal dialog with focus handling and Escape. */
export function Dialog({ titleId, testId, onClose, children }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLElement>(focusable)?.focus();
    function onKey(e: KeyboardEvent) {
      if (e.key === 'Escape' && closeRef.current) {
        e.preventDefault();
        closeRef.current();
      } else if (e.key === 'Tab' && ref.current) {
        const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)];
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        const inside = ref.current.contains(document.activeElement);
        if (e.shiftKey && (document.activeElement === first || !inside)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
          e.preventDefault();
          first.focus();
        }
      }
    }
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div className="dialog-backdrop">
      <div ref={ref} className="dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        {children}
      </div>
    </div>
  );
}
