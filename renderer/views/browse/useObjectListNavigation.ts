/**
 * Moving in the object list: the active row (back to the first in a new folder), the virtualizer
 * that keeps it in view, and the keys — arrows, pages, Home/End move; Enter opens; Backspace goes up.
 */
import { useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { listKeyTarget, listPageRows } from './listKeyTarget';
import type { ListRow } from './objectListRows';

export interface ObjectListNavigation {
  /** The scrolling body the virtualizer measures. */
  parentRef: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  active: number;
  /** A click: the row becomes active; an object is selected, a folder opened. */
  click: (index: number, row: ListRow) => void;
  /** Open a folder (browse it) or an object (its table). */
  open: (row: ListRow | undefined) => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
}

/** Navigation over `rows` of the current prefix. */
export function useObjectListNavigation(rows: ListRow[]): ObjectListNavigation {
  const s = useStore(
    useShallow((st) => ({ prefix: st.prefix, selectSet: st.selectSet, browseOpen: st.browseOpen, tableOpen: st.tableOpen })),
  );
  const parentRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // A new folder starts at its first row (adjusting state while rendering, as React recommends).
  const [activePrefix, setActivePrefix] = useState(s.prefix);
  if (activePrefix !== s.prefix) {
    setActivePrefix(s.prefix);
    setActive(0);
  }
  // TanStack Virtual returns fresh functions each render; the compiler skipping memoization here is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => 28,
    overscan: 12,
    scrollPaddingStart: 28,
  });
  function open(row: ListRow | undefined) {
    if (!row) return;
    if (row.kind === 'folder') void s.browseOpen(row.prefix);
    else void s.tableOpen(row.entry.key);
  }
  function move(next: number) {
    setActive(next);
    const row = rows[next];
    if (row?.kind === 'object') s.selectSet(row.entry.key);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = listKeyTarget(e.key, active, rows.length, listPageRows(parentRef.current?.clientHeight ?? 280));
    if (target !== null) {
      e.preventDefault();
      move(target);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(rows[active]);
    } else if (e.key === 'Backspace' && s.prefix) {
      e.preventDefault();
      void s.browseOpen(s.prefix.replace(/[^/]*\/$/, ''));
    }
  }
  function click(index: number, row: ListRow) {
    setActive(index);
    if (row.kind === 'object') s.selectSet(row.entry.key);
    else open(row);
  }
  return { parentRef, virtualizer, active, click, open, onKeyDown };
}
