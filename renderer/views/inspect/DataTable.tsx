/**
 * The row table: virtualized; columns resizable, fit to content, hidden and reordered; sort and
 * filter by value over the loaded rows; copy as TSV/JSON; epoch columns as times; row details.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent as ReactMouseEvent, PointerEvent as ReactPointerEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { JsonCell, TableInfo } from '../../../main/api/contract';
import { useT } from '../../i18n';
import { useStore } from '../../state/store';
import { epochColumn, epochText } from '../../util/epochTime';
import { cellCopyText, clipboardWrite, rowsJson, rowsTsv } from '../../util/gridCopy';
import { columnLooksNumeric, rowFilterParse, sortByColumn } from '../../util/gridValues';
import { CellPopover } from '../../components/CellPopover';
import { CellValue } from '../../components/CellValue';
import { GridToolbar } from '../../components/GridToolbar';
import type { CopyFormat, CopyWhat } from '../../components/GridToolbar';
import { RowDetail } from '../../components/RowDetail';
import { fitWidth, useGridColumns } from '../../components/useGridColumns';

const rowHeight = 26;
const numberColumn = 60;
const numericTypes = new Set(['int32', 'int64', 'float', 'double', 'decimal']);
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Props {
  table: TableInfo;
  rows: JsonCell[][];
  onNeedMore: () => void;
}

interface Pos {
  row: number;
  /** Position among the visible columns. */
  col: number;
}

/** Virtualized table over the rows loaded so far. */
export function DataTable({ table, rows, onNeedMore }: Props) {
  const t = useT();
  const zone = useStore((s) => s.settings?.timeZone) || localZone;
  const names = useMemo(() => table.columns.map((c) => c.name), [table.columns]);
  const cols = useGridColumns(table, (i) => (numericTypes.has(table.columns[i]?.type ?? '') ? 110 : 180));
  const [sort, setSort] = useState<{ col: number; desc: boolean } | null>(null);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState<Pos>({ row: 0, col: 0 });
  const [anchor, setAnchor] = useState<Pos | null>(null);
  const [expanded, setExpanded] = useState<{ text: string; x: number; y: number } | null>(null);
  const [rawTimes, setRawTimes] = useState(false);
  const [details, setDetails] = useState(false);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const hasRows = rows.length > 0;
  const closePopover = useCallback(() => setExpanded(null), []);

  // Decided on the first page: a column's kind must not flip while pages load.
  const kinds = useMemo(
    () =>
      table.columns.map((c, i) => ({
        time: epochColumn(c.name, rows, i),
        numeric: numericTypes.has(c.type) || columnLooksNumeric(rows, i),
      })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on the first page only, on purpose
    [table.columns, hasRows],
  );
  // A time needs ~19 characters: widen epoch columns (int64 starts at 110 px) once they are known.
  const widthsSet = cols.widthsSet;
  useEffect(() => {
    if (kinds.some((k) => k.time)) widthsSet((w) => w.map((v, i) => (kinds[i]?.time ? Math.max(v, 170) : v)));
  }, [kinds, widthsSet]);
  const shown = useCallback(
    (cell: JsonCell, col: number) => (kinds[col]?.time && !rawTimes ? epochText(cell, zone) : null),
    [kinds, rawTimes, zone],
  );

  const view = useMemo(() => {
    const keep = rowFilterParse(filter, names);
    let list = rows.map((row, index) => ({ row, index }));
    if (keep) list = list.filter(({ row }) => keep(row));
    if (sort) list = sortByColumn(list, sort.col, sort.desc);
    return list;
  }, [rows, sort, filter, names]);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual: expected
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => bodyRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= view.length - 40 && !filter && !sort) onNeedMore();
  }, [last, view.length, filter, sort, onNeedMore]);

  // Ctrl+F (⌘F) goes to the filter while the grid is shown, not to the browser's page search.
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
  }, []);

  function startResize(col: number, e: ReactPointerEvent<HTMLDivElement>) {
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = cols.widths[col] ?? 150;
    const move = (ev: PointerEvent) => cols.widthSet(col, startWidth + ev.clientX - startX);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }
  const fit = (col: number) =>
    fitWidth(
      names[col] ?? '',
      table.columns[col]?.type ?? '',
      rows,
      col,
      (cell) => shown(cell, col) ?? (cell === null ? 'null' : String(cell)),
    );
  const fitAll = () => cols.widthsSet((w) => w.map((_, col) => fit(col)));

  function expand(rowIndex: number, col: number, x: number, y: number) {
    const cell = view[rowIndex]?.row[col];
    if (cell === undefined) return;
    setExpanded({
      text: cell === null ? 'null' : String(cell),
      x: Math.max(0, Math.min(x, window.innerWidth - 660)),
      y: Math.min(y, window.innerHeight * 0.5),
    });
  }

  /** Keep the active cell in sight sideways: the virtualizer only scrolls rows. */
  function revealColumn(pos: number) {
    const body = bodyRef.current;
    if (!body) return;
    let left = numberColumn;
    for (const c of cols.visible.slice(0, pos)) left += cols.widths[c] ?? 0;
    const right = left + (cols.widths[cols.visible[pos] ?? -1] ?? 0);
    if (right > body.scrollLeft + body.clientWidth) body.scrollLeft = right - body.clientWidth;
    if (left - numberColumn < body.scrollLeft) body.scrollLeft = Math.max(0, left - numberColumn);
  }

  function selection(): { rows: JsonCell[][]; cols: number[] } {
    const from = anchor ?? active;
    const [r0, r1] = [Math.min(from.row, active.row), Math.max(from.row, active.row)];
    const [c0, c1] = [Math.min(from.col, active.col), Math.max(from.col, active.col)];
    return { rows: view.slice(r0, r1 + 1).map((e) => e.row), cols: cols.visible.slice(c0, c1 + 1) };
  }

  async function copy(what: CopyWhat, format: CopyFormat) {
    const entry = view[active.row];
    const col = cols.visible[active.col] ?? 0;
    let text = '';
    if (what === 'cell') text = format === 'tsv' ? cellCopyText(entry?.row[col]) : JSON.stringify(entry?.row[col] ?? null);
    else if (what === 'row')
      text = format === 'tsv' ? rowsTsv(entry ? [entry.row] : [], cols.visible) : rowsJson(entry ? [entry.row] : [], cols.visible, names);
    else if (what === 'column')
      text =
        format === 'tsv'
          ? rowsTsv(
              view.map((e) => e.row),
              [col],
              names,
            )
          : JSON.stringify(
              view.map((e) => e.row[col] ?? null),
              null,
              2,
            );
    else {
      const picked = selection();
      text = format === 'tsv' ? rowsTsv(picked.rows, picked.cols) : rowsJson(picked.rows, picked.cols, names);
    }
    const ok = await clipboardWrite(text);
    setCopyStatus(ok ? t('grid.copied', { what: t(`grid.copy.${what}`), n: text.length }) : t('grid.copyFailed'));
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c') {
      e.preventDefault();
      const multi = anchor !== null && (anchor.row !== active.row || anchor.col !== active.col);
      void copy(multi ? 'selection' : 'cell', e.shiftKey ? 'json' : 'tsv');
      return;
    }
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    const next: Record<string, Pos> = {
      ArrowDown: { row: active.row + 1, col: active.col },
      ArrowUp: { row: active.row - 1, col: active.col },
      ArrowRight: { row: active.row, col: active.col + 1 },
      ArrowLeft: { row: active.row, col: active.col - 1 },
      PageDown: { row: active.row + page, col: active.col },
      PageUp: { row: active.row - page, col: active.col },
      Home: { row: e.ctrlKey ? 0 : active.row, col: 0 },
      End: { row: e.ctrlKey ? view.length - 1 : active.row, col: cols.visible.length - 1 },
    };
    const target = next[e.key];
    if (target) {
      e.preventDefault();
      const moved = {
        row: Math.max(0, Math.min(view.length - 1, target.row)),
        col: Math.max(0, Math.min(cols.visible.length - 1, target.col)),
      };
      setAnchor(e.shiftKey ? (anchor ?? active) : null);
      setActive(moved);
      virtualizer.scrollToIndex(moved.row, { align: 'auto' });
      revealColumn(moved.col);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const rect = bodyRef.current?.getBoundingClientRect();
      expand(active.row, cols.visible[active.col] ?? 0, (rect?.left ?? 0) + 40, (rect?.top ?? 0) + 40);
    } else if (e.key === 'Escape') {
      setExpanded(null);
      setAnchor(null);
    }
  }

  function onCellClick(e: ReactMouseEvent, row: number, pos: number) {
    setAnchor(e.shiftKey ? (anchor ?? active) : null);
    setActive({ row, col: pos });
    const col = cols.visible[pos] ?? 0;
    const cell = view[row]?.row[col];
    if (!e.shiftKey && cell !== null && cell !== undefined && String(cell).length > 40) expand(row, col, e.clientX, e.clientY);
  }

  const sel = anchor
    ? {
        r0: Math.min(anchor.row, active.row),
        r1: Math.max(anchor.row, active.row),
        c0: Math.min(anchor.col, active.col),
        c1: Math.max(anchor.col, active.col),
      }
    : null;
  const totalWidth = cols.visible.reduce((a, c) => a + (cols.widths[c] ?? 0), 0) + numberColumn;
  const activeEntry = view[active.row];
  return (
    <div className="stack" style={{ flex: 1, minHeight: 0 }}>
      <GridToolbar
        table={table}
        filter={filter}
        onFilter={setFilter}
        filterRef={filterRef}
        onCopy={(w, f) => void copy(w, f)}
        copyStatus={copyStatus}
        columns={cols}
        onFitAll={fitAll}
        hasTimes={kinds.some((k) => k.time)}
        rawTimes={rawTimes}
        onRawTimes={setRawTimes}
        zone={zone}
        details={details}
        onDetails={setDetails}
      />
      <div className={details ? 'grid-area with-detail' : 'grid-area'}>
        <div className="vgrid" role="grid" aria-label={t('inspect.rows')} aria-rowcount={view.length} aria-colcount={cols.visible.length}>
          <div className="vgrid-body" ref={bodyRef} tabIndex={0} onKeyDown={onKeyDown} data-testid="data-table">
            <div className="vgrid-head" role="row" style={{ position: 'sticky', top: 0, zIndex: 2, width: totalWidth }}>
              <div className="cell num muted" style={{ width: numberColumn }}>
                #
              </div>
              {cols.visible.map((col) => {
                const column = table.columns[col];
                if (!column) return null;
                return (
                  <div
                    key={column.name}
                    className="cell"
                    role="columnheader"
                    data-column={column.name}
                    style={{ width: cols.widths[col] }}
                    aria-sort={sort?.col === col ? (sort.desc ? 'descending' : 'ascending') : 'none'}
                  >
                    <button
                      type="button"
                      className="sort"
                      title={`${column.name} (${column.type})`}
                      onClick={() => setSort(sort?.col === col ? { col, desc: !sort.desc } : { col, desc: false })}
                    >
                      {column.name} <span className="muted small">{column.type}</span>
                      {sort?.col === col ? (sort.desc ? ' ▼' : ' ▲') : ''}
                    </button>
                    <div
                      className="resize"
                      role="separator"
                      aria-orientation="vertical"
                      aria-label={t('inspect.resizeColumn', { name: column.name })}
                      title={t('grid.fitHint')}
                      onPointerDown={(e) => startResize(col, e)}
                      onDoubleClick={() => cols.widthSet(col, fit(col))}
                    />
                  </div>
                );
              })}
            </div>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: totalWidth }}>
              {items.map((item) => {
                const entry = view[item.index];
                if (!entry) return null;
                const inRows = sel !== null && item.index >= sel.r0 && item.index <= sel.r1;
                return (
                  <div
                    key={item.key}
                    role="row"
                    aria-rowindex={item.index + 1}
                    className={`vrow${item.index === active.row ? ' active' : ''}`}
                    style={{ top: item.start, height: item.size, width: totalWidth }}
                  >
                    <div className="cell num muted" style={{ width: numberColumn }}>
                      {entry.index + 1}
                    </div>
                    {cols.visible.map((col, pos) => {
                      const cell = entry.row[col] ?? null;
                      const isActive = item.index === active.row && pos === active.col;
                      const selected = inRows && sel !== null && pos >= sel.c0 && pos <= sel.c1;
                      const text = shown(cell, col);
                      return (
                        <div
                          key={names[col]}
                          role="gridcell"
                          data-column={names[col]}
                          aria-selected={isActive || selected}
                          className={`cell mono${kinds[col]?.numeric && !text ? ' num' : ''}${selected ? ' selected' : ''}`}
                          style={{ width: cols.widths[col], outline: isActive ? '1px solid var(--accent)' : undefined }}
                          onClick={(e) => onCellClick(e, item.index, pos)}
                          title={text ? String(cell) : t('inspect.cellExpand')}
                        >
                          <CellValue cell={cell} shown={text} />
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
        {details && (
          <RowDetail
            names={names}
            row={activeEntry?.row ?? null}
            rowNumber={activeEntry ? activeEntry.index + 1 : null}
            timeOf={(col) => (kinds[col]?.time ? epochText(activeEntry?.row[col], zone) : null)}
          />
        )}
      </div>
      {expanded && <CellPopover text={expanded.text} x={expanded.x} y={expanded.y} onClose={closePopover} />}
    </div>
  );
}
