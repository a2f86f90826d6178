/**
 * Rows of cells → RFC 4180 CSV text through papaparse (CRLF, quotes doubled).
 *
 * papaparse writes every field; what shiplens adds is which cells go in: the chosen columns, a
 * null marker, and the formula guard applied here rather than by papaparse, because the null
 * marker is not data — `-` or `\N` must stay as typed, never become `'-`.
 */
import Papa from 'papaparse';
import type { Cell } from '../model/cells';

/** How fields are written. */
export interface CsvRowsConfig {
  /** One character, not a quote or line break. */
  delimiter: string;
  /** Text fields matching this get a `'` prefix and quotes (formula guard); null: off. */
  formulaGuard: RegExp | null;
  /** Text written for a null cell (default '': null and '' then look alike in the file). */
  nullText?: string;
  /**
   * Output columns whose text is a number (DECIMAL as exact digits): never guarded, so
   * `-0.001` stays a number as a negative INT64 does.
   */
  numericText?: ReadonlySet<number>;
}

/** A guarded text field: papaparse writes its `toString()` and asks `quotes` about it. */
class GuardedText {
  constructor(private readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const quoteGuarded = (value: unknown): boolean => value instanceof GuardedText;

/**
 * Rows (optionally a column selection of them) as CSV lines, each ended by CRLF. Text cells the
 * guard matches get a `'` prefix and are quoted, as papaparse's own `escapeFormulae` does;
 * numbers, bigints and booleans are never guarded, so a negative number stays a number.
 */
export function csvRowsText(rows: readonly (readonly Cell[])[], indexes: readonly number[] | null, config: CsvRowsConfig): string {
  if (rows.length === 0) return '';
  const guard = config.formulaGuard;
  const nullText = config.nullText ?? '';
  const data = rows.map((row) => {
    const width = indexes ? indexes.length : row.length;
    const out: unknown[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const cell = (indexes ? row[indexes[c] ?? -1] : row[c]) ?? null;
      if (cell === null) out[c] = nullText;
      else if (guard !== null && typeof cell === 'string' && !config.numericText?.has(c) && guard.test(cell))
        out[c] = new GuardedText(`'${cell}`);
      else out[c] = cell;
    }
    return out;
  });
  const text = Papa.unparse(data, { delimiter: config.delimiter, newline: '\r\n', quoteChar: '"', header: false, quotes: quoteGuarded });
  return `${text}\r\n`;
}
