/**
 * The selected row's fields as a tree: `__tag__` fields together, JSON inside strings opened,
 * lists and structs expandable; null shown apart from ''.
 */
import type { JsonCell } from '../../main/api/contract';
import { useT } from '../i18n';
import { rowTree } from '../util/jsonTree';
import type { TreeNode } from '../util/jsonTree';
import { CellValue } from './CellValue';

function Node({ node, path, time }: { node: TreeNode; path: string; time?: string | null }) {
  if (!node.children) {
    return (
      <li data-path={path}>
        <span className="tree-key mono">{node.name}</span>: <span className="mono">{<CellValue cell={node.value ?? null} />}</span>
        {time && (
          <span className="muted small" data-testid="detail-time">
            {' '}
            ({time})
          </span>
        )}
      </li>
    );
  }
  return (
    <li data-path={path}>
      <details open>
        <summary>
          <span className="tree-key mono">{node.name}</span> <span className="muted small">{node.children.length}</span>
        </summary>
        <ul className="detail-tree">
          {node.children.map((child) => (
            <Node key={child.name} node={child} path={`${path}.${child.name}`} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The detail pane of one row (`row` null: nothing selected); epoch fields also as times. */
export function RowDetail({
  names,
  row,
  rowNumber,
  timeOf,
}: {
  names: readonly string[];
  row: readonly JsonCell[] | null;
  rowNumber: number | null;
  timeOf: (col: number) => string | null;
}) {
  const t = useT();
  return (
    <aside className="panel row-detail" aria-label={t('grid.details')} data-testid="row-detail">
      <h3>{rowNumber === null ? t('grid.details') : t('grid.detailsOf', { n: rowNumber })}</h3>
      {row ? (
        <ul className="detail-tree root">
          {rowTree(names, row).map((node) => (
            <Node key={node.name} node={node} path={node.name} time={node.children ? null : timeOf(names.indexOf(node.name))} />
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('grid.detailsEmpty')}</p>
      )}
    </aside>
  );
}
