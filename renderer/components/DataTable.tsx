/**
 * The row table: virtualized, resizable columns, sort/filter over the loaded rows only,
 * null shown distinctly from '', long cells expandable; arrows move, Enter expands.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent as ReactPointerEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { JsonCell, TableInfo } from '../../main/api/contract';
import { useT } from '../i18n';

const rowHeight = 26;
const numericTypes = new Set(['int32', 'int64', 'float', 'double', 'decimal']);

function cellText(cell: JsonCell): string {
  return cell === null ? 'null' : String(cell);
}

function compareCells(a: JsonCell, b: JsonCell, numeric: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (numeric) {
    const na = Number(a);
    const nb = Number(b);
    if (na !== nb) return na < nb ? -1 : 1;
    return 0;
  }
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** One cell's content: `null` in italic gray, '' as nothing, long text clipped. */
export function CellValue({ cell }: { cell: JsonCell }) {
  if (cell === null) return <span className="null">null</span>;
  return <>{String(cell)}</>;
}

interface Props {
  table: TableInfo;
  rows: JsonCell[][];
  onNeedMore: () => void;
}

/** Virtualized table over the rows loaded so far. */
export function DataTable({ table, rows, onNeedMore }: Props) {
  const t = useT();
  const [widths, setWidths] = useState<number[]>(() => table.columns.map((c) => (numericTypes.has(c.type) ? 110 : 180)));
  const [sort, setSort] = useState<{ col: number; desc: boolean } | null>(null);
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [expanded, setExpanded] = useState<{ text: string; x: number; y: number } | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);

  const view = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    let list = rows.map((row, index) => ({ row, index }));
    if (needle) list = list.filter(({ row }) => row.some((c) => c !== null && String(c).toLowerCase().includes(needle)));
    if (sort) {
      const numeric = numericTypes.has(table.columns[sort.col]?.type ?? '');
      list.sort((a, b) => compareCells(a.row[sort.col] ?? null, b.row[sort.col] ?? null, numeric) * (sort.desc ? -1 : 1) || a.index - b.index);
    }
    return list;
  }, [rows, sort, filter, table.columns]);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual: expected
  const virtualizer = useVirtualizer({ count: view.length, getScrollElement: () => bodyRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= view.length - 40 && !filter && !sort) onNeedMore();
  }, [last, view.length, filter, sort, onNeedMore]);

  function startResize(col: number, e: ReactPointerEvent<HTMLDivElement>) {
    e.preventDefault();
    const startX = e.clientX;
    const startWidth = widths[col] ?? 150;
    const move = (ev: PointerEvent) => setWidths((w) => w.map((v, i) => (i === col ? Math.max(50, startWidth + ev.clientX - startX) : v)));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  }

  function expand(rowIndex: number, col: number, x: number, y: number) {
    const cell = view[rowIndex]?.row[col];
    if (cell === undefined) return;
    setExpanded({ text: cellText(cell), x: Math.min(x, window.innerWidth - 660), y: Math.min(y, window.innerHeight * 0.5) });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const cols = table.columns.length;
    const page = Math.max(1, Math.floor((bodyRef.current?.clientHeight ?? 300) / rowHeight) - 1);
    const next: Record<string, { row: number; col: number }> = {
      ArrowDown: { row: active.row + 1, col: active.col },
      ArrowUp: { row: active.row - 1, col: active.col },
      ArrowRight: { row: active.row, col: active.col + 1 },
      ArrowLeft: { row: active.row, col: active.col - 1 },
      PageDown: { row: active.row + page, col: active.col },
      PageUp: { row: active.row - page, col: active.col },
      Home: { row: 0, col: active.col },
      End: { row: view.length - 1, col: active.col },
    };
    const target = next[e.key];
    if (target) {
      e.preventDefault();
      const moved = { row: Math.max(0, Math.min(view.length - 1, target.row)), col: Math.max(0, Math.min(cols - 1, target.col)) };
      setActive(moved);
      virtualizer.scrollToIndex(moved.row, { align: 'auto' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const rect = bodyRef.current?.getBoundingClientRect();
      expand(active.row, active.col, (rect?.left ?? 0) + 40, (rect?.top ?? 0) + 40);
    } else if (e.key === 'Escape') {
      setExpanded(null);
    }
  }

  const totalWidth = widths.reduce((a, b) => a + b, 0) + 60;
  return (
    <div className="stack" style={{ flex: 1, minHeight: 0 }}>
      <div className="row">
        <input type="search" aria-label={t('inspect.filterRows')} placeholder={t('inspect.filterRows')} value={filter} onChange={(e) => setFilter(e.target.value)} style={{ width: 240 }} />
        <span className="muted small" data-testid="sort-note">
          {t('inspect.sortNote')}
        </span>
      </div>
      <div className="vgrid" role="grid" aria-label={t('inspect.rows')} aria-rowcount={view.length} aria-colcount={table.columns.length}>
        <div className="vgrid-body" ref={bodyRef} tabIndex={0} onKeyDown={onKeyDown} data-testid="data-table">
          <div className="vgrid-head" role="row" style={{ position: 'sticky', top: 0, zIndex: 2, width: totalWidth }}>
            <div className="cell num muted" style={{ width: 60 }}>
              #
            </div>
            {table.columns.map((column, col) => (
              <div key={column.name} className="cell" role="columnheader" style={{ width: widths[col] }} aria-sort={sort?.col === col ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort" title={`${column.name} (${column.type})`} onClick={() => setSort(sort?.col === col ? { col, desc: !sort.desc } : { col, desc: false })}>
                  {column.name} <span className="muted small">{column.type}</span>
                  {sort?.col === col ? (sort.desc ? ' ▼' : ' ▲') : ''}
                </button>
                <div className="resize" role="separator" aria-orientation="vertical" aria-label={t('inspect.resizeColumn', { name: column.name })} onPointerDown={(e) => startResize(col, e)} />
              </div>
            ))}
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: totalWidth }}>
            {items.map((item) => {
              const entry = view[item.index];
              if (!entry) return null;
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 1} className={`vrow${item.index === active.row ? ' active' : ''}`} style={{ top: item.start, height: item.size, width: totalWidth }}>
                  <div className="cell num muted" style={{ width: 60 }}>
                    {entry.index + 1}
                  </div>
                  {table.columns.map((column, col) => (
                    <div
                      key={column.name}
                      role="gridcell"
                      className={`cell mono${numericTypes.has(column.type) ? ' num' : ''}`}
                      style={{ width: widths[col], outline: item.index === active.row && col === active.col ? '1px solid var(--accent)' : undefined }}
                      onClick={(e) => {
                        setActive({ row: item.index, col });
                        const cell = entry.row[col];
                        if (cell !== null && cell !== undefined && String(cell).length > 40) expand(item.index, col, e.clientX, e.clientY);
                      }}
                      title={t('inspect.cellExpand')}
                    >
                      <CellValue cell={entry.row[col] ?? null} />
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {expanded && (
        <div className="cell-popover" role="dialog" aria-label={t('inspect.cellExpand')} style={{ left: expanded.x, top: expanded.y }} onClick={() => setExpanded(null)}>
          {expanded.text}
        </div>
      )}
    </div>
  );
}
