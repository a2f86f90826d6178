/** The grid's effects on the page: fetch more near the end, Ctrl+F to the filter, a cell popover, copy. */
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { CopyFormat, CopyWhat } from '../../../components/GridToolbar';
import { useT } from '../../../i18n';
import { clipboardWrite } from '../../../util/gridCopy';
import { gridCopyText } from './gridCopyText';
import type { CopySource } from './gridCopyText';
import type { GridRows } from './gridRows';
import type { Pos } from './gridTypes';

/** Ask for more loaded rows when the last rendered row is near their end (not while a whole-object view is shown). */
export function useNeedMore(lastIndex: number | undefined, shownRows: number, narrowed: boolean, onNeedMore: () => void): void {
  useEffect(() => {
    if (lastIndex !== undefined && lastIndex >= shownRows - 40 && !narrowed) onNeedMore();
  }, [lastIndex, shownRows, narrowed, onNeedMore]);
}

/** Ctrl+F (⌘F) goes to the filter while the grid is shown, not to the browser's page search. */
export function useFilterShortcut(filterRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      // Not behind a modal (the export dialog): its fields keep the keys.
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'f' && !document.querySelector('[aria-modal="true"]')) {
        e.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [filterRef]);
}

/** A long cell's full text in a popover near the pointer, kept inside the window. */
export function useCellPopover(view: GridRows) {
  const [expanded, setExpanded] = useState<{ text: string; x: number; y: number } | null>(null);
  const collapse = useCallback(() => setExpanded(null), []);
  function expand(rowIndex: number, col: number, x: number, y: number) {
    const cell = view.at(rowIndex)?.row[col];
    if (cell === undefined) return;
    setExpanded({
      text: cell === null ? 'null' : String(cell),
      x: Math.max(0, Math.min(x, window.innerWidth - 660)),
      y: Math.min(y, window.innerHeight * 0.5),
    });
  }
  return { expanded, expand, collapse };
}

/** Copy to the clipboard and say what was copied (or that the browser refused). */
export function useGridCopy(source: Omit<CopySource, 'active' | 'anchor'>) {
  const t = useT();
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  async function copy(what: CopyWhat, format: CopyFormat, active: Pos, anchor: Pos | null) {
    const text = gridCopyText(what, format, { ...source, active, anchor });
    const ok = await clipboardWrite(text);
    setCopyStatus(ok ? t('grid.copied', { what: t(`grid.copy.${what}`), n: text.length }) : t('grid.copyFailed'));
  }
  return { copy, copyStatus };
}
