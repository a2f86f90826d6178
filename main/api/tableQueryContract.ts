/**
 * table.query and table.export (issue 18): a page of an opened table's rows under the grid's sort and filter,
 * over the whole object (DuckDB), not only the rows the grid has loaded, and the file of that view. Spread into
 * `apiInputs` and `ApiResults` by contract.ts.
 */
import { z } from 'zod';
import { fileName, jobId, localPath } from './schemaParts';
import type { JsonCell } from '../../core/model';

/** The grid's sort: one column by name (numbers by value, then text, null last). */
export const tableSortSchema = z.object({ column: z.string().min(1).max(256), desc: z.boolean().default(false) }).strict();

/** The grid's view of a table: its sort and its filter text (`status>=500`, `null`, or text to find). */
export const tableViewShape = {
  tableId: z.string().max(64),
  sort: tableSortSchema.optional(),
  filter: z.string().max(1024).optional(),
};

/**
 * The file a table is written to and how (export.csv and table.export): its name in the output
 * folder, the columns, the CSV options (delimiter, BOM, formula guard, the text of null cells),
 * the consent to overwrite.
 */
export const tableFileShape = {
  fileName,
  outDir: localPath.optional(),
  columns: z.array(z.string().max(256)).max(10_000).optional(),
  delimiter: z.string().length(1).default(','),
  bom: z.boolean().default(false),
  formulaGuard: z.boolean().default(true),
  /** Written for null cells so they differ from '' (e.g. `NULL`, `\N`); default ''. */
  nullText: z
    .string()
    .max(64)
    .regex(/^[^\r\n]*$/)
    .default(''),
  overwrite: z.boolean().default(false),
  jobId,
};

/** A parsed `tableFileShape` (what export.csv and table.export share). */
export type TableFileOptions = z.output<z.ZodObject<typeof tableFileShape>>;

/** Inputs of table.query and table.export. */
export const tableQueryInputs = {
  'table.query': z
    .object({
      ...tableViewShape,
      /** Rows [rowStart, rowEnd) of the sorted, filtered table (0-based, end excluded). */
      rowStart: z.number().int().min(0),
      rowEnd: z.number().int().min(0),
      /** "Go to row N": a file row (0-based) whose position in this order is wanted. */
      locate: z.number().int().min(0).optional(),
      /** The first call copies the table into the engine: a job with progress (`index`, rows) and cancel. */
      jobId,
    })
    .strict()
    .refine((v) => v.rowEnd >= v.rowStart && v.rowEnd - v.rowStart <= 10_000, {
      message: 'rowEnd must be at least rowStart and at most 10,000 rows after it',
      path: ['rowEnd'],
    }),
  /**
   * A table to a new file: .csv, .jsonl or .parquet (by the name's extension). With a sort or a
   * filter, the rows of that view in its order (over the whole object); without, every row.
   */
  'table.export': z.object({ ...tableViewShape, ...tableFileShape }).strict(),
} as const;

/** A page of the sorted, filtered table. */
export interface TableQueryInfo {
  rows: JsonCell[][];
  /** Each row's position in the file (0-based), for the row number and "go to row". */
  rowIndexes: number[];
  /** Rows the filter keeps (all rows without a filter). */
  numRows: number;
  totalRows: number;
  /** Position of `locate` in this order; null when the filter leaves that row out. */
  located?: number | null;
}

/** Results of table.query and table.export. */
export interface TableQueryResults {
  'table.query': TableQueryInfo;
  'table.export': { path: string; bytes: number; rows: number };
}
