/**
 * A long cell's whole text. Clicks inside keep it open so its text can be selected; Escape,
 * the close button or a click elsewhere close it.
 */
import { useEffect, useRef } from 'react';
import { useT } from '../i18n';

/** The long-cell popover. */
export function CellPopover({ text, x, y, onClose }: { text: string; x: number; y: number; onClose: () => void }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    function outside(e: PointerEvent) {
      if (ref.current && e.target instanceof Node && !ref.current.contains(e.target)) onClose();
    }
    // The click that opened it is still going: listen from the next turn on.
    const timer = window.setTimeout(() => document.addEventListener('pointerdown', outside), 0);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('pointerdown', outside);
    };
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="cell-popover"
      role="dialog"
      aria-label={t('inspect.cellExpand')}
      style={{ left: x, top: y }}
      data-testid="cell-popover"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      {/* The × is drawn by CSS: the popover's text content stays exactly the cell's. */}
      <button type="button" className="link popover-close" onClick={onClose} aria-label={t('common.close')} />
      <div className="popover-text">{text}</div>
    </div>
  );
}
