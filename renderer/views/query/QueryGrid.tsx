/** A range query's answer in the Inspect view's virtual grid: every row, fetched as it scrolls into sight. */
import { useMemo } from 'react';
import type { RangeQueryInfo } from '../../../main/api/rangeContract';
import { DataTable } from '../inspect/grid/DataTable';
import { queryGridSource } from './queryFrame';

const noMore = (): void => undefined;

/** The answer's grid (a new answer is a new grid). */
export function QueryGrid({ result }: { result: RangeQueryInfo }) {
  const source = useMemo(() => queryGridSource(result), [result]);
  return (
    <div className="query-grid" data-testid="query-table">
      <DataTable
        key={source.table.tableId}
        table={source.table}
        frame={source.frame}
        loaded={result.rows.length}
        onNeedMore={noMore}
        fixed={source.fixed}
      />
    </div>
  );
}
