/**
 * The virtualized listing of one prefix: folders first, then objects with their parsed keys.
 *
 * Smooth at 100,000 rows (only visible rows render); arrow keys move, Enter opens.
 */
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import type { ObjectEntry } from '../../../main/api/contract';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { useStore } from '../../state/store';
import type { SortKey } from './browseState';
import { bytesFormat, instantFormat } from '../../util/format';
import { hiveLevels, keyBaseName, keyTail } from '../../util/keyInfo';
import { timeZoneOf } from '../../state/settingsSlice';
import { columnWidths, hiveColumns, objectsSorted } from './objectListColumns';

type Row = { kind: 'folder'; prefix: string } | { kind: 'object'; entry: ObjectEntry };

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

function ObjectCells({
  entry,
  hiveNames,
  hiveWidths,
  zone,
  under,
}: {
  entry: ObjectEntry;
  hiveNames: string[];
  hiveWidths: number[];
  zone: string;
  under: string | null;
}) {
  // Rows on screen only (virtualized); the tail holds every column shown here.
  const info = keyTail(entry.key);
  const levels = new Map(hiveLevels(entry.key).map((l) => [l.name, l.value]));
  return (
    <>
      <div className="cell grow mono" role="gridcell" title={entry.key}>
        {/* A recursive listing names each object by its path below the prefix (its partition folders). */}
        {under !== null && entry.key.startsWith(under) ? entry.key.slice(under.length) : keyBaseName(entry.key)}
      </div>
      {hiveNames.map((name, i) => (
        <div key={name} className="cell mono" role="gridcell" style={{ width: hiveWidths[i] }}>
          {levels.get(name) ?? ''}
        </div>
      ))}
      <div role="gridcell" className="cell mono" style={{ width: columnWidths.time }}>
        {info ? instantFormat(info.taskTimeMs, zone) : ''}
      </div>
      <div role="gridcell" className="cell num" style={{ width: columnWidths.number }}>
        {info ? info.taskNumber : ''}
      </div>
      <div
        role="gridcell"
        className="cell"
        style={{ width: columnWidths.format }}
        title={info ? `${info.format} · ${info.compression}` : undefined}
      >
        {info ? `${info.format}${info.compression === 'snappy' ? ' · snappy' : ''}` : ''}
      </div>
      <div role="gridcell" className="cell num" style={{ width: columnWidths.size }}>
        {bytesFormat(entry.size)}
      </div>
      <div role="gridcell" className="cell mono" style={{ width: columnWidths.time }}>
        {entry.lastModified ? instantFormat(Date.parse(entry.lastModified), zone) : ''}
      </div>
    </>
  );
}

/** The object list of the current prefix. */
export function ObjectList() {
  const t = useT();
  const s = useStore(
    useShallow((st) => ({
      prefix: st.prefix,
      prefixes: st.prefixes,
      objects: st.objects,
      sortKey: st.sortKey,
      desc: st.sortDescending,
      filter: st.filter,
      selectedKey: st.selectedKey,
      selectSet: st.selectSet,
      browseOpen: st.browseOpen,
      listing: st.listing,
      tableOpen: st.tableOpen,
      zone: timeZoneOf(st),
      recursive: st.recursive,
    })),
  );
  const rows = useMemo<Row[]>(() => {
    const needle = s.filter.trim().toLowerCase();
    const folders = s.prefixes
      .filter((p) => !needle || p.toLowerCase().includes(needle))
      .map((prefix): Row => ({ kind: 'folder', prefix }));
    return folders.concat(objectsSorted(s.objects, s.sortKey, s.desc, s.filter).map((entry): Row => ({ kind: 'object', entry })));
  }, [s.prefixes, s.objects, s.sortKey, s.desc, s.filter]);
  const hive = useMemo(() => hiveColumns(s.objects.slice(0, 50)), [s.objects]);
  const hiveNames = hive.names;
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
  const minWidth =
    160 + hive.widths.reduce((a, b) => a + b, 0) + 2 * columnWidths.time + columnWidths.number + columnWidths.format + columnWidths.size;

  function open(row: Row | undefined) {
    if (!row) return;
    if (row.kind === 'folder') void s.browseOpen(row.prefix);
    else void s.tableOpen(row.entry.key);
  }
  function move(index: number) {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    const row = rows[next];
    if (row?.kind === 'object') s.selectSet(row.entry.key);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const page = Math.max(1, Math.floor((parentRef.current?.clientHeight ?? 280) / 28) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      move(moves[e.key] ?? 0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(rows[active]);
    } else if (e.key === 'Backspace' && s.prefix) {
      e.preventDefault();
      void s.browseOpen(s.prefix.replace(/[^/]*\/$/, ''));
    }
  }

  return (
    // The grid itself takes focus and names the active row, so screen readers follow the arrow keys.
    <div
      className="vgrid"
      role="grid"
      aria-label={t('browse.objects')}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-activedescendant={rows.length ? `obj-row-${active}` : undefined}
    >
      <div className="vgrid-body" ref={parentRef} role="rowgroup" data-testid="object-list">
        {/* The head scrolls sideways with the rows (narrow windows) and stays on top (sticky). */}
        <div className="vgrid-head" role="row" aria-rowindex={1} style={{ position: 'sticky', top: 0, zIndex: 2, minWidth }}>
          <SortHeader label="browse.col.name" sortKey="name" />
          {hiveNames.map((name) => (
            <div key={name} className="cell mono" style={{ width: hive.widths[hiveNames.indexOf(name)] }} role="columnheader">
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
        {rows.length === 0 && (
          <div className="muted" style={{ padding: 12 }}>
            {s.listing ? t('common.loading') : t('browse.empty')}
          </div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', minWidth }}>
          {virtualizer.getVirtualItems().map((item) => {
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
                className={`vrow${selected ? ' selected' : ''}${item.index === active ? ' active' : ''}`}
                style={{ top: item.start, height: item.size }}
                onClick={() => {
                  setActive(item.index);
                  if (row.kind === 'object') s.selectSet(row.entry.key);
                  else open(row);
                }}
                onDoubleClick={() => open(row)}
                data-key={key}
              >
                {row.kind === 'folder' ? (
                  <FolderCells prefix={row.prefix} />
                ) : (
                  <ObjectCells
                    entry={row.entry}
                    hiveNames={hiveNames}
                    hiveWidths={hive.widths}
                    zone={s.zone}
                    under={s.recursive ? s.prefix : null}
                  />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function FolderCells({ prefix }: { prefix: string }) {
  const name = keyBaseName(prefix).replace(/\/$/, '');
  const hive = /^([^=]+)=(.*)$/.exec(name);
  return (
    <div className="cell grow" role="gridcell">
      <span className="folder-icon" aria-hidden="true" />
      {hive ? (
        <span className="mono">
          <span className="muted">{hive[1]}=</span>
          <strong>{hive[2]}</strong>
        </span>
      ) : (
        <span className="mono">{name}/</span>
      )}
    </div>
  );
}
