/**
 * Above the grid: the filter (Ctrl+F), copy menu, columns menu, epoch times and row details.
 */
import { useState } from 'react';
import type { RefObject } from 'react';
import type { TableInfo } from '../../main/api/contract';
import { useT } from '../i18n';

export type CopyWhat = 'cell' | 'row' | 'column' | 'selection';
export type CopyFormat = 'tsv' | 'json';

interface Props {
  table: TableInfo;
  filter: string;
  onFilter: (text: string) => void;
  filterRef: RefObject<HTMLInputElement | null>;
  onCopy: (what: CopyWhat, format: CopyFormat) => void;
  copyStatus: string | null;
  columns: {
    order: readonly number[];
    hidden: ReadonlySet<number>;
    move: (col: number, by: -1 | 1) => void;
    toggle: (col: number) => void;
  };
  onFitAll: () => void;
  hasTimes: boolean;
  rawTimes: boolean;
  onRawTimes: (raw: boolean) => void;
  zone: string;
  details: boolean;
  onDetails: (open: boolean) => void;
}

const copyKinds: CopyWhat[] = ['cell', 'row', 'column', 'selection'];

/** The grid toolbar. */
export function GridToolbar({ filterRef, ...p }: Props) {
  const t = useT();
  const [menu, setMenu] = useState<'copy' | 'columns' | null>(null);
  return (
    // Escape closes an open menu (keyboard-only use); the grid's own Escape is not reached from here.
    <div className="row grid-toolbar" onKeyDown={(e) => e.key === 'Escape' && menu !== null && setMenu(null)}>
      <input
        ref={filterRef}
        type="search"
        aria-label={t('inspect.filterRows')}
        placeholder={t('inspect.filterRows')}
        title={t('grid.filterTitle')}
        value={p.filter}
        onChange={(e) => p.onFilter(e.target.value)}
        data-testid="grid-filter"
      />
      <div className="menu-anchor">
        <button
          type="button"
          aria-expanded={menu === 'copy'}
          onClick={() => setMenu(menu === 'copy' ? null : 'copy')}
          data-testid="copy-menu"
        >
          {t('common.copy')} ▾
        </button>
        {menu === 'copy' && (
          <div className="menu" role="menu">
            {copyKinds.flatMap((what) =>
              (['tsv', 'json'] as const).map((format) => (
                <button
                  key={`${what}-${format}`}
                  type="button"
                  role="menuitem"
                  data-copy={`${what}-${format}`}
                  onClick={() => {
                    setMenu(null);
                    p.onCopy(what, format);
                  }}
                >
                  {t('grid.copyAs', { what: t(`grid.copy.${what}`), format: format.toUpperCase() })}
                </button>
              )),
            )}
          </div>
        )}
      </div>
      <div className="menu-anchor">
        <button
          type="button"
          aria-expanded={menu === 'columns'}
          onClick={() => setMenu(menu === 'columns' ? null : 'columns')}
          data-testid="columns-menu"
        >
          {t('grid.columns')}
          {p.columns.hidden.size > 0 ? ` (${t('grid.hiddenCount', { n: p.columns.hidden.size })})` : ''} ▾
        </button>
        {menu === 'columns' && (
          <div className="menu columns-menu" data-testid="columns-panel">
            <button type="button" onClick={p.onFitAll} data-testid="fit-all">
              {t('grid.fitAll')}
            </button>
            {p.columns.order.map((col, at) => {
              const name = p.table.columns[col]?.name ?? '';
              return (
                <div key={name} className="row small" data-column={name}>
                  <label className="check mono">
                    <input
                      type="checkbox"
                      checked={!p.columns.hidden.has(col)}
                      onChange={() => p.columns.toggle(col)}
                      aria-label={t('grid.showColumn', { name })}
                    />{' '}
                    {name}
                  </label>
                  <button
                    type="button"
                    className="link"
                    disabled={at === 0}
                    onClick={() => p.columns.move(col, -1)}
                    aria-label={t('grid.moveLeft', { name })}
                  >
                    ◀
                  </button>
                  <button
                    type="button"
                    className="link"
                    disabled={at === p.columns.order.length - 1}
                    onClick={() => p.columns.move(col, 1)}
                    aria-label={t('grid.moveRight', { name })}
                  >
                    ▶
                  </button>
                </div>
              );
            })}
          </div>
        )}
      </div>
      {p.hasTimes && (
        <label className="check small">
          <input type="checkbox" checked={!p.rawTimes} onChange={(e) => p.onRawTimes(!e.target.checked)} data-testid="times-toggle" />{' '}
          {t('grid.timesIn', { zone: p.zone })}
        </label>
      )}
      <button type="button" aria-pressed={p.details} onClick={() => p.onDetails(!p.details)} data-testid="details-toggle">
        {t('grid.details')}
      </button>
      <span className="muted small" data-testid="sort-note">
        {t('inspect.sortNote')}
      </span>
      {p.copyStatus && (
        <span className="small ok" role="status" data-testid="copy-status">
          {p.copyStatus}
        </span>
      )}
    </div>
  );
}
