// Issue 12 items 1, 7, 10: a JSON-lines object whose lines each have another key is read with
// at most `maxColumns` key columns (the rest as JSON in one "other keys" column), batches sized
// in cells, lines nested too deep skipped with a warning, and `__proto__` read as a plain key.
import { describe, expect, it } from 'vitest';
import { jsonLinesTable } from '../../../../core/formats/jsonLines';
import type { Cell } from '../../../../core/model/cells';

const enc = (s: string) => new TextEncoder().encode(s);
const wideLines = (n: number) => Array.from({ length: n }, (_v, i) => `{"key_${i}":1}\n`).join('');

async function allRows(text: string, options: Parameters<typeof jsonLinesTable>[1] = {}) {
  const table = jsonLinesTable(enc(text), options);
  const batches: number[] = [];
  const rows: Cell[][] = [];
  for await (const batch of table.reader.rowBatches()) {
    batches.push(batch.length);
    rows.push(...batch);
  }
  return { ...table, rows, batches, names: table.reader.columns.map((c) => c.name) };
}

describe('jsonLinesTable column limit', () => {
  it('gives the recurring keys columns beyond maxColumns, the rest as JSON in one "other keys" column, and says how many', async () => {
    const { names, rows, warnings, reader } = await allRows('{"a":1,"b":"x"}\n{"c":2,"a":3}\n{"d":{"e":[1]},"c":null}\n', {
      maxColumns: 2,
      source: 'w.json',
    });
    expect(names).toEqual(['a', 'c', '(other keys)']);
    expect(reader.columns[2]).toEqual({ name: '(other keys)', type: 'json' });
    expect(rows).toEqual([
      ['1', null, '{"b":"x"}'],
      ['3', '2', null],
      [null, null, '{"d":{"e":[1]}}'],
    ]);
    expect(warnings).toEqual([
      {
        message:
          'w.json has 2 keys beyond the 2-column limit; they are kept as JSON in the "(other keys)" column (the column limit is a setting).',
      },
    ]);
  });

  it('has no "other keys" column and no warning when every key fits', async () => {
    const { names, warnings } = await allRows('{"a":1}\n{"b":2}\n', { maxColumns: 2 });
    expect(names).toEqual(['a', 'b']);
    expect(warnings).toEqual([]);
  });

  it('always gives the reserved fields a column and picks an "other keys" name no key uses', async () => {
    const { names, rows } = await allRows('{"(other keys)":"v","x":1}\n{"__time__":5,"y":2}\n{"(other keys)":"w"}\n', { maxColumns: 2 });
    expect(names).toEqual(['__time__', '(other keys)', '(other keys) 2']);
    expect(rows).toEqual([
      [null, 'v', '{"x":1}'],
      [5n, null, '{"y":2}'],
      [null, 'w', null],
    ]);
  });

  it('reads 50,000 lines of different keys as one sparse "other keys" column, not 2,000 empty ones', async () => {
    const { names, rows, warnings } = await allRows(wideLines(50_000));
    expect(names).toEqual(['(other keys)']);
    expect(rows[0]).toEqual(['{"key_0":1}']);
    expect(rows[49_999]).toEqual(['{"key_49999":1}']);
    expect(warnings[0]?.message).toBe(
      'This object has 50000 keys beyond the 2000-column limit; they are kept as JSON in the "(other keys)" column (the column limit is a setting).',
    );
  });

  it('reads 2,500 keys that recur as 2,001 columns in batches of about 100,000 cells', async () => {
    // key_i on line i and on line i + 2,500: every key recurs; the first 2,000 seen get columns.
    const text = Array.from({ length: 5000 }, (_v, i) => `{"key_${i % 2500}":1}\n`).join('');
    const { reader, warnings } = jsonLinesTable(enc(text));
    const names = reader.columns.map((c) => c.name);
    expect(names).toHaveLength(2001);
    expect(names.slice(0, 2)).toEqual(['key_0', 'key_1']);
    expect(names[2000]).toBe('(other keys)');
    expect(warnings[0]?.message).toMatch(/^This object has 500 keys beyond the 2000-column limit/);
    // Checked batch by batch: holding all rows would be 10 million cells.
    const batches: number[] = [];
    const seen: Cell[][] = [];
    let row = 0;
    for await (const batch of reader.rowBatches()) {
      batches.push(batch.length);
      for (const cells of batch) {
        if ([1999, 2000, 4999].includes(row)) seen.push(cells.filter((c) => c !== null));
        if (row === 1999) expect(cells[1999]).toBe('1');
        row++;
      }
    }
    expect(row).toBe(5000);
    expect(seen).toEqual([['1'], ['{"key_2000":1}'], ['{"key_2499":1}']]);
    expect(Math.max(...batches)).toBe(49); // floor(100,000 / 2,001)
  });
});

describe('jsonLinesTable __proto__ key', () => {
  it('shows null in rows without the key and the value in rows with it', async () => {
    const { names, rows } = await allRows('{"a":"1"}\n{"__proto__":"p","a":"2"}\n{"__proto__":{"x":1}}\n{"a":"3"}\n');
    expect(names).toEqual(['a', '__proto__']);
    expect(rows).toEqual([
      ['1', null],
      ['2', 'p'],
      [null, '{"x":1}'],
      ['3', null],
    ]);
  });

  it('keeps a __proto__ key beyond the limit in the "other keys" JSON', async () => {
    const { rows } = await allRows('{"a":"1"}\n{"__proto__":"p"}\n{"a":"2"}\n', { maxColumns: 1 });
    expect(rows).toEqual([
      ['1', null],
      [null, '{"__proto__":"p"}'],
      ['2', null],
    ]);
  });
});

describe('jsonLinesTable depth limit', () => {
  const nested = (depth: number) => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;

  it('skips a line nested deeper than maxDepth with a warning naming the line, and reads the rest', async () => {
    const { rows, warnings } = await allRows(`{"a":"ok"}\n${nested(100_000)}\n{"a":"after"}\n`);
    expect(warnings).toEqual([{ line: 2, message: 'Line 2 is nested deeper than 1000 levels; skipped.' }]);
    expect(rows).toEqual([['ok'], ['after']]);
  });

  it('accepts a line exactly maxDepth deep and does not count brackets inside strings', async () => {
    const quoted = `{"s":"${'[{'.repeat(3000)}\\"]"}`;
    const { rows, warnings } = await allRows(`${nested(1000)}\n${quoted}\n`);
    expect(warnings).toEqual([]);
    expect(rows[0]?.[0]).toBe(`${'['.repeat(999)}${']'.repeat(999)}`);
    expect(rows[1]?.[1]).toBe(`${'[{'.repeat(3000)}"]`);
  });

  it('honours a lower maxDepth', async () => {
    const { warnings } = await allRows(`${nested(4)}\n`, { maxDepth: 3 });
    expect(warnings).toEqual([{ line: 1, message: 'Line 1 is nested deeper than 3 levels; skipped.' }]);
  });
});
