/** The grid's effects on the page: fetch more near the end, Ctrl+F to the filter, a cell popover, copy. */
import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { CopyFormat, CopyWhat } from '../../../components/GridToolbar';
import { useT } from '../../../i18n';
import type { Translate } from '../../../i18n';
import { clipboardWrite } from '../../../util/gridCopy';
import { columnCopyText, gridCopyText } from './gridCopyText';
import type { CopySource } from './gridCopyText';
import type { GridRows } from './gridRows';
import type { Pos } from './gridTypes';
import type { ViewFrame } from '../tableViewFrame';

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

/**
 * Focus the grid when it appears while nothing has the focus (the Browse row or button that
 * opened the object is gone with its view), so the arrow keys go on working from the keyboard.
 */
export function useGridFocusOnOpen(bodyRef: RefObject<HTMLDivElement | null>): void {
  useEffect(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) bodyRef.current?.focus({ preventScroll: true });
  }, [bodyRef]);
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

/** Rows of a whole-object view's column that Copy column puts on the clipboard at most. */
export const copyColumnMax = 100_000;

/** The whole-object view's column (up to copyColumnMax rows) as copy text and the status to show. */
async function viewColumnCopy(frame: ViewFrame, format: CopyFormat, col: number, name: string, t: Translate) {
  const values = await frame.column(col, copyColumnMax);
  const text = columnCopyText(format, values, name);
  const status =
    values.length < frame.numRows
      ? t('grid.copiedFirst', { n: values.length.toLocaleString(), total: frame.numRows.toLocaleString(), chars: text.length })
      : t('grid.copied', { what: t('grid.copy.column'), n: text.length });
  return { text, status };
}

/**
 * Copy to the clipboard and say what was copied (or that the browser refused). Copy column of a
 * whole-object view reads that column over the view (sorted, filtered), not only its fetched rows.
 */
export function useGridCopy(source: Omit<CopySource, 'active' | 'anchor'> & { frame: ViewFrame | null }) {
  const t = useT();
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  async function copy(what: CopyWhat, format: CopyFormat, active: Pos, anchor: Pos | null) {
    const col = source.visible[active.col] ?? 0;
    let copied = { text: '', status: '' };
    if (what === 'column' && source.frame) {
      setCopyStatus(t('grid.copyingColumn', { n: Math.min(source.frame.numRows, copyColumnMax).toLocaleString() }));
      try {
        copied = await viewColumnCopy(source.frame, format, col, source.names[col] ?? '', t);
      } catch {
        setCopyStatus(t('grid.copyColumnFailed'));
        return;
      }
    } else {
      const text = gridCopyText(what, format, { ...source, active, anchor });
      copied = { text, status: t('grid.copied', { what: t(`grid.copy.${what}`), n: text.length }) };
    }
    setCopyStatus((await clipboardWrite(copied.text)) ? copied.status : t('grid.copyFailed'));
  }
  return { copy, copyStatus };
}
