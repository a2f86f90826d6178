/**
 * The row table over the open table's data frame: virtualized; columns resizable, fit to
 * content, hidden and reordered; sort and filter by value over the fetched rows; copy as
 * TSV/JSON; epoch columns as times; row details.
 */
import { useMemo, useRef, useState } from 'react';
import type { TableInfo } from '../../../../main/api/contract';
import { useStore } from '../../../state/store';
import { epochText } from '../../../util/epochTime';
import { CellPopover } from '../../../components/CellPopover';
import { GridToolbar } from '../../../components/GridToolbar';
import { RowDetail } from '../../../components/RowDetail';
import type { TableFrame } from '../tableFrame';
import { GridBody } from './GridBody';
import { blockOf, numberColumn } from './gridTypes';
import { useGridCursor } from './useGridCursor';
import { useGridData } from './useGridData';
import type { GridData } from './useGridData';
import { useCellPopover, useFilterShortcut, useGridCopy, useNeedMore } from './useGridEffects';
import { useGridScroll } from './useGridScroll';
import { useGridSizing } from './useGridSizing';

const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Props {
  table: TableInfo;
  frame: TableFrame;
  /** Rows the frame holds (the store's count): a new count re-reads them. */
  loaded: number;
  onNeedMore: () => void;
}

/** Virtualized table over the rows fetched so far. */
export function DataTable({ table, frame, loaded, onNeedMore }: Props) {
  // The grid's own fallback is the machine's zone (an epoch column read where the user is).
  const zone = useStore((s) => s.settings?.timeZone) || localZone;
  const rows = useMemo(() => frame.rowsLoaded(loaded), [frame, loaded]);
  const data = useGridData(table, rows, zone);
  const sizing = useGridSizing(table, rows, data);
  const { cols } = sizing;
  const [details, setDetails] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const { view } = data;
  const popover = useCellPopover(view);

  const scroll = useGridScroll(view.length, bodyRef, cols);
  useNeedMore(scroll.items[scroll.items.length - 1]?.index, view.length, Boolean(data.filter || data.sort), onNeedMore);
  useFilterShortcut(filterRef);
  const { copy, copyStatus } = useGridCopy({ view, visible: cols.visible, names: data.names });
  const cursor = useGridCursor({ view, visible: cols.visible, bodyRef, reveal: scroll.reveal, popover, copy });
  const { active, anchor } = cursor;
  const block = anchor ? blockOf(anchor, active) : null;
  const totalWidth = cols.visible.reduce((a, c) => a + (cols.widths[c] ?? 0), 0) + numberColumn;
  return (
    <div className="stack" style={{ flex: 1, minHeight: 0 }}>
      <GridToolbar
        table={table}
        filter={data.filter}
        onFilter={data.setFilter}
        filterRef={filterRef}
        onCopy={(w, f) => void copy(w, f, active, anchor)}
        copyStatus={copyStatus}
        columns={cols}
        onFitAll={sizing.fitAll}
        hasTimes={data.kinds.some((k) => k.time)}
        rawTimes={data.rawTimes}
        onRawTimes={data.setRawTimes}
        zone={zone}
        details={details}
        onDetails={setDetails}
      />
      <div className={details ? 'grid-area with-detail' : 'grid-area'}>
        <GridBody
          table={table}
          data={data}
          sizing={sizing}
          items={scroll.items}
          totalSize={scroll.totalSize}
          totalWidth={totalWidth}
          bodyRef={bodyRef}
          active={active}
          block={block}
          onKeyDown={cursor.onKeyDown}
          onCellClick={cursor.onCellClick}
        />
        {details && <ActiveRowDetail data={data} active={active.row} zone={zone} />}
      </div>
      {popover.expanded && (
        <CellPopover text={popover.expanded.text} x={popover.expanded.x} y={popover.expanded.y} onClose={popover.collapse} />
      )}
    </div>
  );
}

/** The active row's fields, one per line (the Details pane). */
function ActiveRowDetail({ data, active, zone }: { data: GridData; active: number; zone: string }) {
  const entry = data.view[active];
  return (
    <RowDetail
      names={data.names}
      row={entry?.row ?? null}
      rowNumber={entry ? entry.index + 1 : null}
      timeOf={(col) => (data.kinds[col]?.time ? epochText(entry?.row[col], zone) : null)}
    />
  );
}
