/**
 * Which SQL can answer before the whole range is read: a row-by-row query over `logs`
 * (`SELECT <scalar expressions> FROM logs [WHERE <scalar condition>] LIMIT n`) — no ORDER BY,
 * aggregate, GROUP BY, DISTINCT, window, subquery, OFFSET or CTE. Its rows are the first n
 * rows of the objects in plan order, so it can run over each object as it is decoded and stop
 * at n rows: a valid answer for a LIMIT without ORDER BY, found without reading the rest.
 *
 * The SQL is never parsed here: DuckDB's own parse tree (`json_serialize_sql`) is checked.
 * Anything not known to be row-by-row (a macro, an unknown expression class) is not early: it
 * runs over the whole range as before, so the answer stays exact either way.
 */

type Node = Record<string, unknown>;

const rowClasses = new Set([
  'COLUMN_REF',
  'CONSTANT',
  'COMPARISON',
  'CONJUNCTION',
  'OPERATOR',
  'CAST',
  'CASE',
  'STAR',
  'BETWEEN',
  'COLLATE',
]);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when every expression below `value` is computed from its own row only. */
function rowWise(value: unknown, scalar: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.every((v) => rowWise(v, scalar));
  if (!isNode(value)) return true;
  const cls = value.class;
  if (typeof cls === 'string') {
    if (cls === 'FUNCTION') {
      const name = typeof value.function_name === 'string' ? value.function_name.toLowerCase() : '';
      if (!scalar.has(name) || value.distinct === true || value.filter !== null || value.export_state === true) return false;
    } else if (!rowClasses.has(cls)) return false;
  }
  return Object.values(value).every((v) => rowWise(v, scalar));
}

/** The LIMIT's row count when it is a plain positive integer constant without OFFSET, else null. */
function limitOf(modifiers: unknown): number | null {
  if (!Array.isArray(modifiers) || modifiers.length !== 1) return null;
  const m = modifiers[0] as unknown;
  if (!isNode(m) || m.type !== 'LIMIT_MODIFIER' || m.offset !== null || !isNode(m.limit)) return null;
  const limit = m.limit;
  if (limit.class !== 'CONSTANT' || !isNode(limit.value) || limit.value.is_null !== false) return null;
  const n = Number(limit.value.value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/**
 * The n of an early-finishing query from DuckDB's parse tree of it (`json_serialize_sql`) and
 * the names of DuckDB's scalar functions (lower case), or null when it must read the whole range.
 */
export function rangeEarlyLimit(tree: unknown, scalar: ReadonlySet<string>): number | null {
  if (!isNode(tree) || tree.error !== false || !Array.isArray(tree.statements) || tree.statements.length !== 1) return null;
  const statement = tree.statements[0] as unknown;
  if (!isNode(statement) || !isNode(statement.node)) return null;
  const node = statement.node;
  if (node.type !== 'SELECT_NODE' || node.aggregate_handling !== 'STANDARD_HANDLING') return null;
  if (node.having !== null || node.qualify !== null || node.sample !== null) return null;
  if (!Array.isArray(node.group_expressions) || node.group_expressions.length > 0) return null;
  if (!Array.isArray(node.group_sets) || node.group_sets.length > 0) return null;
  const ctes = isNode(node.cte_map) ? node.cte_map.map : null;
  if (!Array.isArray(ctes) || ctes.length > 0) return null;
  const from = node.from_table;
  if (!isNode(from) || from.type !== 'BASE_TABLE' || from.sample !== null || from.at_clause !== null) return null;
  if (String(from.table_name).toLowerCase() !== 'logs' || from.schema_name !== '' || from.catalog_name !== '') return null;
  const limit = limitOf(node.modifiers);
  if (limit === null) return null;
  return rowWise(node.select_list, scalar) && rowWise(node.where_clause, scalar) ? limit : null;
}

/** Cheap first look: only SQL that mentions LIMIT can be early (saves a parse for the rest). */
export function rangeMayBeEarly(sql: string): boolean {
  return /\blimit\b/i.test(sql);
}

/** True when the parse tree expands `*` anywhere (`*`, `COLUMNS(...)`): its columns follow the table's. */
export function rangeEarlyHasStar(tree: unknown): boolean {
  if (Array.isArray(tree)) return tree.some(rangeEarlyHasStar);
  if (!isNode(tree)) return false;
  return tree.class === 'STAR' || Object.values(tree).some(rangeEarlyHasStar);
}
