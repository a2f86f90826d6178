/**
 * Above the grid: the filter (Ctrl+F), copy menu, columns menu, epoch times and row details.
 */
import { useState } from 'react';
import type { ReactNode, RefObject } from 'react';
import type { TableInfo } from '../../main/api/contract';
import { useT } from '../i18n';

export type CopyWhat = 'cell' | 'row' | 'column' | 'selection';
export type CopyFormat = 'tsv' | 'json';

interface Columns {
  order: readonly number[];
  hidden: ReadonlySet<number>;
  move: (col: number, by: -1 | 1) => void;
  toggle: (col: number) => void;
}

interface Props {
  table: TableInfo;
  filter: string;
  onFilter: (text: string) => void;
  filterRef: RefObject<HTMLInputElement | null>;
  /** No filter field (rows the filter cannot reach, e.g. a range query's answer). */
  filterHidden?: boolean;
  onCopy: (what: CopyWhat, format: CopyFormat) => void;
  copyStatus: string | null;
  columns: Columns;
  onFitAll: () => void;
  hasTimes: boolean;
  rawTimes: boolean;
  onRawTimes: (raw: boolean) => void;
  zone: string;
  details: boolean;
  onDetails: (open: boolean) => void;
}

type Menu = 'copy' | 'columns' | null;

const copyKinds: CopyWhat[] = ['cell', 'row', 'column', 'selection'];

/** A button that opens a menu below it. */
function MenuButton(p: { open: boolean; onOpen: (open: boolean) => void; testId: string; label: string; children: ReactNode }) {
  return (
    <div className="menu-anchor">
      <button type="button" aria-expanded={p.open} onClick={() => p.onOpen(!p.open)} data-testid={p.testId}>
        {p.label} ▾
      </button>
      {p.open && p.children}
    </div>
  );
}

/** Copy the cell, row, column or selection as TSV or JSON. */
function CopyMenu({ onCopy, close }: { onCopy: Props['onCopy']; close: () => void }) {
  const t = useT();
  return (
    <div className="menu" role="menu">
      {copyKinds.flatMap((what) =>
        (['tsv', 'json'] as const).map((format) => (
          <button
            key={`${what}-${format}`}
            type="button"
            role="menuitem"
            data-copy={`${what}-${format}`}
            onClick={() => {
              close();
              onCopy(what, format);
            }}
          >
            {t('grid.copyAs', { what: t(`grid.copy.${what}`), format: format.toUpperCase() })}
          </button>
        )),
      )}
    </div>
  );
}

/** One column in the columns menu: shown or hidden, moved left or right. */
function ColumnPick({ name, col, at, columns }: { name: string; col: number; at: number; columns: Columns }) {
  const t = useT();
  return (
    <div className="row small" data-column={name}>
      <label className="check mono">
        <input
          type="checkbox"
          checked={!columns.hidden.has(col)}
          onChange={() => columns.toggle(col)}
          aria-label={t('grid.showColumn', { name })}
        />{' '}
        {name}
      </label>
      <button
        type="button"
        className="link"
        disabled={at === 0}
        onClick={() => columns.move(col, -1)}
        aria-label={t('grid.moveLeft', { name })}
      >
        ◀
      </button>
      <button
        type="button"
        className="link"
        disabled={at === columns.order.length - 1}
        onClick={() => columns.move(col, 1)}
        aria-label={t('grid.moveRight', { name })}
      >
        ▶
      </button>
    </div>
  );
}

/** Fit all columns, and show, hide or move each. */
function ColumnsMenu({ table, columns, onFitAll }: Pick<Props, 'table' | 'columns' | 'onFitAll'>) {
  const t = useT();
  return (
    <div className="menu columns-menu" data-testid="columns-panel">
      <button type="button" onClick={onFitAll} data-testid="fit-all">
        {t('grid.fitAll')}
      </button>
      {columns.order.map((col, at) => {
        const name = table.columns[col]?.name ?? '';
        return <ColumnPick key={name} name={name} col={col} at={at} columns={columns} />;
      })}
    </div>
  );
}

/** The grid toolbar. */
export function GridToolbar({ filterRef, ...p }: Props) {
  const t = useT();
  const [menu, setMenu] = useState<Menu>(null);
  const opener = (which: Exclude<Menu, null>) => (open: boolean) => setMenu(open ? which : null);
  const hidden = p.columns.hidden.size > 0 ? ` (${t('grid.hiddenCount', { n: p.columns.hidden.size })})` : '';
  return (
    // Escape closes an open menu (keyboard-only use); the grid's own Escape is not reached from here.
    <div className="row grid-toolbar" onKeyDown={(e) => e.key === 'Escape' && menu !== null && setMenu(null)}>
      <input
        ref={filterRef}
        hidden={p.filterHidden}
        type="search"
        aria-label={t('inspect.filterRows')}
        placeholder={t('inspect.filterRows')}
        title={t('grid.filterTitle')}
        value={p.filter}
        onChange={(e) => p.onFilter(e.target.value)}
        data-testid="grid-filter"
      />
      <MenuButton open={menu === 'copy'} onOpen={opener('copy')} testId="copy-menu" label={t('common.copy')}>
        <CopyMenu onCopy={p.onCopy} close={() => setMenu(null)} />
      </MenuButton>
      <MenuButton open={menu === 'columns'} onOpen={opener('columns')} testId="columns-menu" label={`${t('grid.columns')}${hidden}`}>
        <ColumnsMenu table={p.table} columns={p.columns} onFitAll={p.onFitAll} />
      </MenuButton>
      {p.hasTimes && (
        <label className="check small">
          <input type="checkbox" checked={!p.rawTimes} onChange={(e) => p.onRawTimes(!e.target.checked)} data-testid="times-toggle" />{' '}
          {t('grid.timesIn', { zone: p.zone })}
        </label>
      )}
      <button type="button" aria-pressed={p.details} onClick={() => p.onDetails(!p.details)} data-testid="details-toggle">
        {t('grid.details')}
      </button>
      {p.copyStatus && (
        <span className="small ok" role="status" data-testid="copy-status">
          {p.copyStatus}
        </span>
      )}
    </div>
  );
}
