/** One folder of the partition tree: its expand toggle, its name (browses it) and, when open, its sub-folders. */
import { useT } from '../../i18n';
import type { TreeState } from './usePartitionTree';

function folderName(prefix: string): string {
  return prefix.replace(/\/$/, '').split('/').pop() ?? prefix;
}

/** A tree item at `depth` (1 for the root), rendering its open sub-folders recursively. */
export function PartitionTreeNode({ prefix, depth, tree }: { prefix: string; depth: number; tree: TreeState }) {
  const t = useT();
  const expanded = tree.open.has(prefix);
  const level = tree.levels.get(prefix);
  const current = tree.current === prefix;
  return (
    <li role="treeitem" aria-expanded={expanded} aria-level={depth} aria-selected={current} data-prefix={prefix}>
      <div className="row" style={{ gap: 4, paddingLeft: (depth - 1) * 12 }}>
        <button
          type="button"
          className="link"
          aria-label={t(expanded ? 'tree.collapse' : 'tree.expand', { name: folderName(prefix) })}
          onClick={() => tree.onToggle(prefix)}
          data-testid="tree-toggle"
        >
          {expanded ? '▾' : '▸'}
        </button>
        <button
          type="button"
          className={current ? 'link mono active' : 'link mono'}
          onClick={() => tree.onBrowse(prefix)}
          data-testid="tree-browse"
        >
          {folderName(prefix)}/
        </button>
      </div>
      {expanded && (
        <ul role="group" className="tree-group">
          {level?.children === null || !level ? <li className="muted small">{t('common.loading')}</li> : null}
          {level?.failed && <li className="warn small">{t('tree.failed')}</li>}
          {level?.children?.map((child) => (
            <PartitionTreeNode key={child} prefix={child} depth={depth + 1} tree={tree} />
          ))}
          {level?.more && <li className="muted small">{t('tree.more')}</li>}
        </ul>
      )}
    </li>
  );
}
