import { beforeAll, describe, expect, it } from 'vitest';
import { jsonLinesTable } from '../../../../core/formats/jsonLines';
import { fixtureBytes, fixtureJson, fixturesEnsure, textDir, textNames } from './fixtureFiles';

const enc = (s: string) => new TextEncoder().encode(s);

beforeAll(() => fixturesEnsure('genText'));

describe('jsonLinesTable', () => {
  it('reads the generated fixture with reserved fields first, then first-seen order', async () => {
    const { reader, warnings } = jsonLinesTable(fixtureBytes(textDir, textNames.json));
    const expected = fixtureJson<{ columns: string[]; rows: unknown[][] }>(textDir, `${textNames.json}.expected.json`);
    expect(warnings).toEqual([]);
    expect(reader.columns.map((c) => c.name)).toEqual(expected.columns);
    expect(reader.columns[0]).toEqual({ name: '__time__', type: 'int64' });
    expect(reader.numRows).toBe(300);
    const rows = await reader.readRows(0, 1000);
    expect(rows).toEqual(expected.rows.map(([t, ...rest]) => [BigInt(t as number), ...rest]));
    expect(await reader.readRows(299, 10)).toHaveLength(1);
    expect(await reader.readRows(300, 10)).toEqual([]);
  });

  it('reports bad lines with 1-based line numbers and reads the rest (BOM, CRLF, empty lines)', async () => {
    const { reader, warnings } = jsonLinesTable(fixtureBytes(textDir, textNames.jsonMessy));
    expect(warnings.map((w) => w.line)).toEqual([4, 5]);
    expect(warnings[0]?.message).toMatch(/^Line 4: not valid JSON/);
    expect(warnings[1]?.message).toBe('Line 5: not a JSON object; skipped.');
    expect(reader.columns.map((c) => c.name)).toEqual(['__time__', '__topic__', '__source__', 'status', 'n', 'o', 'b', 'z']);
    expect(await reader.readRows(0, 10)).toEqual([
      [1484913043n, 't', '1.2.3.4', '200', null, null, null, null],
      [1484913044n, '', '1.2.3.5', null, '12', '{"a":[1,2]}', 'true', null],
      [1484913046n, 't', '1.2.3.6', '404', null, null, null, null],
    ]);
  });

  it('keeps a non-integer __time__ as text and handles no trailing newline', async () => {
    const { reader } = jsonLinesTable(enc('{"__time__":1.5}\n{"__time__":"x"}\n{"__time__":9007199254740993}'));
    // JSON.parse already rounds 9007199254740993 to a double; the digit-string form stays exact.
    expect(await reader.readRows(0, 3)).toEqual([['1.5'], ['x'], [9007199254740992n]]);
  });

  it('skips a line over the length limit with a warning', async () => {
    const { reader, warnings } = jsonLinesTable(enc(`{"a":"${'x'.repeat(100)}"}\n{"a":"ok"}\n`), { maxLineBytes: 50 });
    expect(warnings).toEqual([{ line: 1, message: 'Line 1 is 108 bytes, over the 50-byte line limit; skipped.' }]);
    expect(await reader.readRows(0, 5)).toEqual([['ok']]);
  });

  it('caps warnings and counts the rest', () => {
    const { warnings } = jsonLinesTable(enc('x\n'.repeat(5)), { maxWarnings: 2 });
    expect(warnings.map((w) => w.line)).toEqual([1, 2, undefined]);
    expect(warnings[2]?.message).toBe('3 more bad lines not listed.');
  });

  it('returns an empty table for empty input and batches all rows', async () => {
    expect(jsonLinesTable(new Uint8Array(0)).reader.numRows).toBe(0);
    const { reader } = jsonLinesTable(enc('{"a":"1"}\n'.repeat(12_001)));
    const sizes: number[] = [];
    for await (const batch of reader.rowBatches()) sizes.push(batch.length);
    expect(sizes).toEqual([5000, 5000, 2001]);
  });

  it('rejects a negative offset with INVALID_ARGUMENT', async () => {
    await expect(jsonLinesTable(enc('{}\n')).reader.readRows(-1, 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
