/** The object list's visible rows (virtualized): each a folder or an object, selected and active marked. */
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store';
import { timeZoneOf } from '../../state/settingsSlice';
import { FolderCells, ObjectCells } from './ObjectListCells';
import type { ListRow } from './objectListRows';
import type { ObjectListNavigation } from './useObjectListNavigation';

interface ObjectListRowsProps {
  rows: ListRow[];
  /** The navigation's row part (the active row, click and open). */
  nav: Omit<ObjectListNavigation, 'parentRef' | 'onKeyDown'>;
  hive: { names: string[]; widths: number[] };
  minWidth: number;
}

/** The rows on screen, positioned inside a box as tall as all rows. */
export function ObjectListRows({ rows, nav, hive, minWidth }: ObjectListRowsProps) {
  const s = useStore(
    useShallow((st) => ({ prefix: st.prefix, selectedKey: st.selectedKey, zone: timeZoneOf(st), recursive: st.recursive })),
  );
  return (
    <div style={{ height: nav.virtualizer.getTotalSize(), position: 'relative', minWidth }}>
      {nav.virtualizer.getVirtualItems().map((item) => {
        const row = rows[item.index];
        if (!row) return null;
        const key = row.kind === 'folder' ? row.prefix : row.entry.key;
        const selected = row.kind === 'object' && row.entry.key === s.selectedKey;
        return (
          <div
            key={key}
            id={`obj-row-${item.index}`}
            role="row"
            aria-rowindex={item.index + 2}
            aria-selected={selected}
            className={`vrow${selected ? ' selected' : ''}${item.index === nav.active ? ' active' : ''}`}
            style={{ top: item.start, height: item.size }}
            onClick={() => nav.click(item.index, row)}
            onDoubleClick={() => nav.open(row)}
            data-key={key}
          >
            {row.kind === 'folder' ? (
              <FolderCells prefix={row.prefix} />
            ) : (
              <ObjectCells
                entry={row.entry}
                hiveNames={hive.names}
                hiveWidths={hive.widths}
                zone={s.zone}
                under={s.recursive ? s.prefix : null}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
