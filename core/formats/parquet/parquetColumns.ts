/**
 * The columns of a Parquet file as the table shows them: the top-level columns with their
 * types and cell functions, and the check that every column chunk names a schema leaf.
 */
import { parquetSchema } from 'hyparquet';
import type { FileMetaData, SchemaElement, SchemaTree } from 'hyparquet';
import type { ByteSource } from '../../bytes/byteSource';
import { ShiplensError } from '../../errors';
import type { Cell, ColumnType, TableColumn } from '../../model/cells';
import { parquetReadError } from './parquetErrors';
import { parquetCellFor, parquetNestedCellFor } from './parquetValues';

/** A cell from one value of a column. */
export type ParquetCellOf = (value: unknown) => Cell;

/** Column type as the table shows it, from a top-level schema element. */
function columnTypeOf(element: SchemaElement): ColumnType {
  const logical = element.logical_type?.type;
  const converted = element.converted_type;
  if (element.num_children) return 'json';
  if (logical === 'TIMESTAMP' || converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS' || element.type === 'INT96')
    return 'timestamp';
  if (logical === 'DATE' || converted === 'DATE') return 'date';
  if (logical === 'DECIMAL' || converted === 'DECIMAL') return 'decimal';
  if (logical === 'JSON' || converted === 'JSON') return 'json';
  switch (element.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
      return 'int32';
    case 'INT64':
      return 'int64';
    case 'FLOAT':
      return 'float';
    case 'DOUBLE':
      return 'double';
    // SLS writes strings as plain BINARY (SPEC §3): shown as UTF-8 text.
    case 'BYTE_ARRAY':
      return 'string';
    case 'FIXED_LEN_BYTE_ARRAY':
      return 'binary';
    default:
      return 'unknown';
  }
}

/** Indexes in the flattened schema of the root's direct children, in schema order. */
export function parquetTopIndexes(schema: SchemaElement[]): number[] {
  const out: number[] = [];
  const skip = (index: number): number => {
    let next = index + 1;
    for (let c = 0; c < (schema[index]?.num_children ?? 0); c++) next = skip(next);
    return next;
  };
  for (let c = 0, i = 1; c < (schema[0]?.num_children ?? 0) && i < schema.length; c++, i = skip(i)) out.push(i);
  return out;
}

function leafPaths(tree: SchemaTree, out = new Set<string>()): Set<string> {
  if (tree.children.length === 0) out.add(tree.path.join('.'));
  for (const child of tree.children) leafPaths(child, out);
  return out;
}

/** Top-level columns with their schema elements. */
function topColumns(metadata: FileMetaData): (TableColumn & { element: SchemaElement })[] {
  return parquetTopIndexes(metadata.schema).map((i) => {
    const element = metadata.schema[i] as SchemaElement;
    return { name: element.name, type: columnTypeOf(element), element };
  });
}

/** The table's columns and, for each, the function that turns its values into cells. */
export function parquetColumnsOf(metadata: FileMetaData, timeZone?: string): { columns: TableColumn[]; cells: ParquetCellOf[] } {
  const top = topColumns(metadata);
  const columns: TableColumn[] = top.map(({ name, type }) => ({ name, type }));
  const trees = parquetSchema(metadata).children;
  const cells = top.map(({ element }, i) => {
    const tree = trees[i];
    return element.num_children && tree ? parquetNestedCellFor(tree, timeZone) : parquetCellFor(element, timeZone);
  });
  return { columns, cells };
}

/**
 * Every column chunk must name a distinct schema leaf. hyparquet reads chunks in parallel and
 * awaits only those it can place in the schema, so a chunk naming no leaf (or a leaf twice)
 * would fail as an unhandled rejection, which ends a Node process (fuzzing found it).
 */
export function parquetChunksCheck(source: ByteSource, metadata: FileMetaData): void {
  let leaves: Set<string>;
  try {
    leaves = leafPaths(parquetSchema(metadata));
  } catch (error) {
    throw parquetReadError(source, error);
  }
  metadata.row_groups.forEach((group, g) => {
    const seen = new Set<string>();
    for (const chunk of group.columns) {
      const path = chunk.meta_data?.path_in_schema;
      const name = Array.isArray(path) ? path.join('.') : '';
      if (!leaves.has(name) || seen.has(name)) {
        throw new ShiplensError(
          'PARQUET_CORRUPT',
          `Row group ${g} has a column chunk for ${JSON.stringify(name)}, which the schema does not hold once.`,
          {
            source: source.name,
            hint: 'The file is damaged; download it again or check the writer.',
          },
        );
      }
      seen.add(name);
    }
  });
}
