/** The object list's header row: sortable name, task time, size and modified; the Hive partition columns; task number and format. */
import { useShallow } from 'zustand/react/shallow';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { SortKey } from './browseState';
import { columnWidths } from './objectListColumns';

function SortHeader({ label, sortKey, width }: { label: MessageKey; sortKey: SortKey; width?: number }) {
  const t = useT();
  const { current, descending, sortSet } = useStore(
    useShallow((s) => ({ current: s.sortKey, descending: s.sortDescending, sortSet: s.sortSet })),
  );
  const arrow = current === sortKey ? (descending ? ' ▼' : ' ▲') : '';
  return (
    <div
      className={width ? 'cell' : 'cell grow'}
      style={width ? { width } : undefined}
      role="columnheader"
      aria-sort={current === sortKey ? (descending ? 'descending' : 'ascending') : 'none'}
    >
      <button type="button" className="sort" onClick={() => sortSet(sortKey)} data-sort={sortKey}>
        {t(label)}
        {arrow}
      </button>
    </div>
  );
}

/** The header row; it scrolls sideways with the rows (narrow windows) and stays on top (sticky). */
export function ObjectListHead({ hive, minWidth }: { hive: { names: string[]; widths: number[] }; minWidth: number }) {
  const t = useT();
  return (
    <div className="vgrid-head" role="row" aria-rowindex={1} style={{ position: 'sticky', top: 0, zIndex: 2, minWidth }}>
      <SortHeader label="browse.col.name" sortKey="name" />
      {hive.names.map((name) => (
        <div key={name} className="cell mono" style={{ width: hive.widths[hive.names.indexOf(name)] }} role="columnheader">
          {name}
        </div>
      ))}
      <SortHeader label="browse.col.taskTime" sortKey="taskTime" width={columnWidths.time} />
      <div className="cell num" style={{ width: columnWidths.number }} role="columnheader">
        {t('browse.col.taskNumber')}
      </div>
      <div className="cell" style={{ width: columnWidths.format }} role="columnheader">
        {t('browse.col.format')}
      </div>
      <SortHeader label="browse.col.size" sortKey="size" width={columnWidths.size} />
      <SortHeader label="browse.col.modified" sortKey="modified" width={columnWidths.time} />
    </div>
  );
}
