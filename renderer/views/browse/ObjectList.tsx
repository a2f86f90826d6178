/**
 * The virtualized listing of one prefix: folders first, then objects with their parsed keys.
 *
 * Smooth at 100,000 rows (only visible rows render); arrow keys move, Enter opens.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { columnWidths, hiveColumns } from './objectListColumns';
import { listRows } from './objectListRows';
import { ObjectListHead } from './ObjectListHead';
import { ObjectListRows } from './ObjectListRows';
import { useObjectListNavigation } from './useObjectListNavigation';

/** The object list of the current prefix. */
export function ObjectList() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      prefixes: st.prefixes,
      objects: st.objects,
      sortKey: st.sortKey,
      desc: st.sortDescending,
      filter: st.filter,
      listing: st.listing,
    })),
  );
  const rows = useMemo(
    () => listRows(s.prefixes, s.objects, s.sortKey, s.desc, s.filter),
    [s.prefixes, s.objects, s.sortKey, s.desc, s.filter],
  );
  const hive = useMemo(() => hiveColumns(s.objects.slice(0, 50)), [s.objects]);
  const { parentRef, onKeyDown, ...nav } = useObjectListNavigation(rows);
  const minWidth =
    160 + hive.widths.reduce((a, b) => a + b, 0) + 2 * columnWidths.time + columnWidths.number + columnWidths.format + columnWidths.size;
  return (
    // The grid itself takes focus and names the active row, so screen readers follow the arrow keys.
    <div
      className="vgrid"
      role="grid"
      aria-label={t('browse.objects')}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-activedescendant={rows.length ? `obj-row-${nav.active}` : undefined}
    >
      <div className="vgrid-body" ref={parentRef} role="rowgroup" data-testid="object-list">
        <ObjectListHead hive={hive} minWidth={minWidth} />
        {rows.length === 0 && (
          <div className="muted" style={{ padding: 12 }}>
            {s.listing ? t('common.loading') : t('browse.empty')}
          </div>
        )}
        <ObjectListRows rows={rows} nav={nav} hive={hive} minWidth={minWidth} />
      </div>
    </div>
  );
}
