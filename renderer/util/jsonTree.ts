/**
 * A row as a tree for the detail pane: JSON inside strings (Log Service ships nested values as
 * text), lists and structs become children; `__tag__:a` fields group under `__tag__`.
 */
import type { JsonCell } from '../../main/api/contract';

export interface TreeNode {
  name: string;
  /** Leaf value as read (null kept apart from ''); undefined for a branch. */
  value?: JsonCell;
  /** True when the value came from JSON text inside a string cell. */
  parsed?: boolean;
  children?: TreeNode[];
}

const maxDepth = 32;
const maxParse = 1 << 20;

/** JSON text of an object or a list inside a string, parsed; anything else: undefined. */
export function jsonInString(text: string): unknown {
  const t = text.trim();
  if (t.length < 2 || t.length > maxParse || !((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))))
    return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return undefined;
  }
}

/** One value as a node: objects and lists branch, JSON strings are opened, depth is bounded. */
export function treeNode(name: string, value: unknown, depth = 0, parsed = false): TreeNode {
  if (depth < maxDepth && typeof value === 'string') {
    const inner = jsonInString(value);
    if (inner !== undefined) return treeNode(name, inner, depth + 1, true);
  }
  if (depth < maxDepth && value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    return { name, parsed, children: entries.map(([k, v]) => treeNode(k, v, depth + 1)) };
  }
  const leaf: JsonCell =
    value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  return { name, value: leaf, parsed };
}

/** The detail tree of one row: columns in order, `__tag__:x` fields gathered under `__tag__`. */
export function rowTree(names: readonly string[], row: readonly JsonCell[]): TreeNode[] {
  const nodes: TreeNode[] = [];
  let tags: TreeNode | null = null;
  names.forEach((name, i) => {
    const cell = row[i] ?? null;
    if (name.startsWith('__tag__:')) {
      if (!tags) {
        tags = { name: '__tag__', children: [] };
        nodes.push(tags);
      }
      tags.children?.push(treeNode(name.slice('__tag__:'.length), cell, 1));
    } else {
      nodes.push(treeNode(name, cell));
    }
  });
  return nodes;
}
