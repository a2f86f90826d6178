/**
 * The row table over the open table's data frame: virtualized; columns resizable, fit to
 * content, hidden and reordered; sort, filter and go to row over the whole object (the inspect
 * slice's view); copy as TSV/JSON; epoch columns as times; row details.
 */
import { useMemo, useRef, useState } from 'react';
import type { TableInfo } from '../../../../main/api/contract';
import { useStore } from '../../../state/store';
import { timeZoneOf } from '../../../state/settingsSlice';
import { epochText } from '../../../util/epochTime';
import { CellPopover } from '../../../components/CellPopover';
import { GridToolbar } from '../../../components/GridToolbar';
import { RowDetail } from '../../../components/RowDetail';
import type { TableFrame } from '../tableFrame';
import type { ViewFrame } from '../tableViewFrame';
import { GridBody } from './GridBody';
import { GridViewBar } from './GridViewBar';
import { blockOf, numberColumn } from './gridTypes';
import { useGridCursor } from './useGridCursor';
import { useGridData } from './useGridData';
import type { GridData } from './useGridData';
import { useCellPopover, useFilterShortcut, useGridCopy, useGridFocusOnOpen, useNeedMore } from './useGridEffects';
import { useGridScroll } from './useGridScroll';
import { useGridSizing } from './useGridSizing';
import { useViewScroll, useViewWindow } from './useGridWindow';

interface Props {
  table: TableInfo;
  frame: TableFrame;
  /** Rows the frame holds (the store's count): a new count re-reads them. */
  loaded: number;
  onNeedMore: () => void;
  /**
   * Rows by position from elsewhere (a range query's answer): shown instead of the loaded
   * rows, fetched as they scroll into sight; the whole-object sort, filter and go-to-row are
   * the Inspect view's and are not offered.
   */
  fixed?: ViewFrame;
}

/** Virtualized table over the loaded rows or the whole-object view. */
export function DataTable({ table, frame, loaded, onNeedMore, fixed }: Props) {
  const zone = useStore(timeZoneOf);
  const rows = useMemo(() => frame.rowsLoaded(loaded), [frame, loaded]);
  const data = useGridData(table, rows, zone, fixed);
  const sizing = useGridSizing(table, rows, data);
  const { cols } = sizing;
  const [details, setDetails] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const { view } = data;
  const popover = useCellPopover(view);

  const scroll = useGridScroll(view.count, bodyRef, cols);
  const first = scroll.items[0]?.index;
  const last = scroll.items[scroll.items.length - 1]?.index;
  useNeedMore(last, view.count, data.frame !== null, onNeedMore);
  useViewWindow(data.frame, first, last, data.pageArrived);
  useFilterShortcut(filterRef);
  useGridFocusOnOpen(bodyRef);
  const { copy, copyStatus } = useGridCopy({ view, visible: cols.visible, names: data.names, frame: data.frame });
  const cursor = useGridCursor({ view, visible: cols.visible, bodyRef, reveal: scroll.reveal, popover, copy });
  useViewScroll(data.frame, bodyRef, cursor.goTo);
  const { active, anchor } = cursor;
  const block = anchor ? blockOf(anchor, active) : null;
  const totalWidth = cols.visible.reduce((a, c) => a + (cols.widths[c] ?? 0), 0) + numberColumn;
  return (
    <div className="stack" style={{ flex: 1, minHeight: 0 }}>
      <GridToolbar
        table={table}
        filter={data.filter}
        onFilter={data.setFilter}
        filterHidden={fixed !== undefined}
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
      {!fixed && <GridViewBar />}
      <div className={details ? 'grid-area with-detail' : 'grid-area'}>
        <GridBody
          {...{ table, data, sizing, totalWidth, bodyRef, active, block }}
          items={scroll.items}
          totalSize={scroll.totalSize}
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
  const entry = data.view.at(active);
  return (
    <RowDetail
      names={data.names}
      row={entry?.row ?? null}
      rowNumber={entry ? entry.index + 1 : null}
      timeOf={(col) => (data.kinds[col]?.time ? epochText(entry?.row[col], zone) : null)}
    />
  );
}
