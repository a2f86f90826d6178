/**
 * One JSON-lines object → one row of cells, over a bounded set of columns.
 *
 * A row is built from the object's own keys (never by looking every column up on it), so a
 * row costs its keys, not the column count, and a key named `__proto__` is a column like any
 * other: `object['__proto__']` on a row without it is Object.prototype, shown as `{}` (issue 12).
 * Keys beyond the column limit go into one "other keys" column as the JSON of those keys.
 */
import type { Cell, TableColumn } from '../model/cells';

// Log Service always writes these reserved fields (SPEC §3); they lead the column list.
export const jsonReservedFields = ['__time__', '__topic__', '__source__'];

/** Name of the column holding keys beyond the limit; parentheses keep it apart from real keys. */
export const jsonOtherKeysName = '(other keys)';

/** Where each key's cell goes. */
export interface JsonRowShape {
  columns: TableColumn[];
  /** Key → column index; keys missing here go to `otherColumn`. */
  at: Map<string, number>;
  /** Index of the "other keys" column, or -1 when every key has a column. */
  otherColumn: number;
}

/** `__time__` is Unix seconds (SPEC §3): an integer number or digit string becomes int64. */
function timeCell(value: unknown): Cell {
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) return BigInt(value);
  return value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Other values are strings; non-string values are shown as their JSON text, null stays null. */
function textCell(value: unknown): Cell {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A name for the "other keys" column that no key of the object uses. */
function otherName(taken: (name: string) => boolean): string {
  let name = jsonOtherKeysName;
  for (let n = 2; taken(name); n++) name = `${jsonOtherKeysName} ${n}`;
  return name;
}

/**
 * Columns for the keys that got one (reserved fields first, then first-seen order), plus the
 * "other keys" column when `overflow` is true.
 */
export function jsonRowShape(keys: Iterable<string>, overflow: boolean, taken: (name: string) => boolean): JsonRowShape {
  const all = [...keys];
  const names = [...jsonReservedFields.filter((k) => all.includes(k)), ...all.filter((k) => !jsonReservedFields.includes(k))];
  const columns: TableColumn[] = names.map((name) => ({ name, type: name === '__time__' ? 'int64' : 'string' }));
  const at = new Map(names.map((name, i) => [name, i]));
  if (!overflow) return { columns, at, otherColumn: -1 };
  columns.push({ name: otherName(taken), type: 'json' });
  return { columns, at, otherColumn: columns.length - 1 };
}

/** The cells of one parsed object: absent keys are null, keys without a column become JSON. */
export function jsonRowCells(object: Record<string, unknown>, shape: JsonRowShape): Cell[] {
  const cells = new Array<Cell>(shape.columns.length).fill(null);
  let other = '';
  for (const key of Object.keys(object)) {
    const value = object[key];
    const i = shape.at.get(key);
    if (i === undefined) other += `${other === '' ? '{' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`;
    else cells[i] = key === '__time__' ? timeCell(value) : textCell(value);
  }
  if (other !== '' && shape.otherColumn >= 0) cells[shape.otherColumn] = `${other}}`;
  return cells;
}

/**
 * True when a line JSON.parse accepted nests arrays/objects deeper than `max` levels.
 *
 * V8 parses any depth but JSON.stringify recurses (a 5,000-deep value overflows the stack),
 * so a deeper line is refused when indexed rather than crashing the page that shows it.
 */
export function jsonDepthExceeds(bytes: Uint8Array, start: number, end: number, max: number): boolean {
  let depth = 0;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 0x22) i = stringEnd(bytes, i, end);
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > max) return true;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return false;
}

/** Index of the quote closing the string opened at `open` (the line parsed, so there is one). */
function stringEnd(bytes: Uint8Array, open: number, end: number): number {
  let q = bytes.indexOf(0x22, open + 1);
  while (q >= 0 && q < end) {
    let slashes = 0;
    while (bytes[q - 1 - slashes] === 0x5c) slashes++;
    if (slashes % 2 === 0) return q;
    q = bytes.indexOf(0x22, q + 1);
  }
  return end;
}
