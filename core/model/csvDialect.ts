/** How a shipped CSV object is read: the rule's dialect (SPEC §3). */

/** The shipped-CSV dialect (shipped CSV has no header by default: SPEC §3). */
export interface CsvDialect {
  /** One character. */
  delimiter: string;
  /** One character; also the escape (a quote inside a field is doubled: SPEC §3). */
  quote: string;
  /** First row holds column names (Log Service default: off). */
  header: boolean;
  /** Names for a header-less file (the rule's column list). */
  columns?: string[];
  /** The rule's invalid-key value, written when a key is missing. */
  nullValue: string;
}

/** Log Service defaults (SPEC §3: `,` `"`, empty invalid-key value, no header). */
export const csvDialectDefault: CsvDialect = { delimiter: ',', quote: '"', header: false, nullValue: '' };
