// The simulator's objects read back by independent readers: DuckDB for Parquet, JSON lines
// and CSV; /usr/bin/python3 + python3-snappy (`snappy.uncompress`) for the raw snappy blocks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../core/bytes/byteSource';
import { tableOpen } from '../../core/formats/tableOpen';
import { shippingSimulate } from '../../core/shipping/simulator';
import type { ShippingSimulateDeps } from '../../core/shipping/simulator';
import { shippingRuleDefault } from '../../core/shipping/rule';
import type { ParquetColumn, ShippingRule } from '../../core/model/rule';
import { parquetWriteLite, parquetWriterMetadataKey } from '../../main/shipping/parquetWriter';

const snappyjs = createRequire(import.meta.url)('snappyjs') as { compress(input: Uint8Array): Uint8Array };
const deps: ShippingSimulateDeps = { parquetWrite: parquetWriteLite, compressRaw: (b) => snappyjs.compress(b) };
const taskNs = 1763913600123456789n;

let dir = '';
let con: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shiplens-sim-'));
  con = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  con?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function rule(over: Partial<ShippingRule>): ShippingRule {
  return { ...shippingRuleDefault(), name: 'sim', bucket: 'b', prefix: 'p', ...over };
}

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJS();
}

function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function pythonUncompress(bytes: Uint8Array): Buffer {
  const code = 'import sys, snappy; sys.stdout.buffer.write(snappy.uncompress(sys.stdin.buffer.read()))';
  return execFileSync('/usr/bin/python3', ['-c', code], { input: bytes, maxBuffer: 64 * 1024 * 1024 });
}

const logs = [
  {
    __time__: 1763913590,
    __topic__: 'nginx',
    __source__: '10.0.0.1',
    status: '200',
    bytes: '9007199254740993',
    ok: 'true',
    lat: '0.25',
    ratio: '0.1',
    path: '/a,"b"\nc',
    ua: 'Mozilla/5.0 (中文 😀)',
  },
  { __time__: 1763913591, __source__: '10.0.0.2', status: 'oops', bytes: '-9223372036854775808', ok: 'no', lat: '', ratio: '1e308' },
  {
    __time__: 1763913592,
    __topic__: 't',
    status: '-2147483648',
    bytes: '9223372036854775807',
    ok: 'FALSE',
    lat: '3.4e38',
    ratio: '-0.5',
    path: '',
  },
];

const columns: ParquetColumn[] = [
  { name: '__time__', type: 'int32' },
  { name: '__source__', type: 'string' },
  { name: 'status', type: 'int32' },
  { name: 'bytes', type: 'int64' },
  { name: 'ok', type: 'boolean' },
  { name: 'lat', type: 'float' },
  { name: 'ratio', type: 'double' },
  { name: 'path', type: 'string' },
  { name: 'ua', type: 'string' },
];

describe('simulated Parquet read by DuckDB', () => {
  it.each(['snappy', 'none'] as const)('has the declared optional types, the codec and exact values (%s)', async (compression) => {
    const objects = await shippingSimulate(rule({ format: 'parquet', compression, parquet: { columns } }), logs, taskNs, 7, deps);
    expect(objects).toHaveLength(1);
    const path = save(`p-${compression}.parquet`, objects[0]!.bytes);
    const schema = await query(
      `SELECT name, type, converted_type, repetition_type FROM parquet_schema('${path}') WHERE name <> 'schema' AND num_children IS NULL`,
    );
    expect(schema.map((c) => [c.name, c.type, c.converted_type, c.repetition_type])).toEqual([
      ['__time__', 'INT32', null, 'OPTIONAL'],
      ['__source__', 'BYTE_ARRAY', 'UTF8', 'OPTIONAL'],
      ['status', 'INT32', null, 'OPTIONAL'],
      ['bytes', 'INT64', null, 'OPTIONAL'],
      ['ok', 'BOOLEAN', null, 'OPTIONAL'],
      ['lat', 'FLOAT', null, 'OPTIONAL'],
      ['ratio', 'DOUBLE', null, 'OPTIONAL'],
      ['path', 'BYTE_ARRAY', 'UTF8', 'OPTIONAL'],
      ['ua', 'BYTE_ARRAY', 'UTF8', 'OPTIONAL'],
    ]);
    const codecs = await query(`SELECT DISTINCT compression FROM parquet_metadata('${path}')`);
    expect(codecs).toEqual([{ compression: compression === 'snappy' ? 'SNAPPY' : 'UNCOMPRESSED' }]);
    expect(await query(`SELECT * FROM '${path}'`)).toEqual([
      {
        __time__: 1763913590,
        __source__: '10.0.0.1',
        status: 200,
        bytes: 9007199254740993n,
        ok: true,
        lat: 0.25,
        ratio: 0.1,
        path: '/a,"b"\nc',
        ua: 'Mozilla/5.0 (中文 😀)',
      },
      {
        __time__: 1763913591,
        __source__: '10.0.0.2',
        status: null,
        bytes: -9223372036854775808n,
        ok: null,
        lat: null,
        ratio: 1e308,
        path: null,
        ua: null,
      },
      {
        __time__: 1763913592,
        __source__: '',
        status: -2147483648,
        bytes: 9223372036854775807n,
        ok: false,
        lat: Math.fround(3.4e38),
        ratio: -0.5,
        path: '',
        ua: null,
      },
    ]);
  });

  it("names its writer in the footer (created_by is parquetjs-lite's, not parquet-cpp's)", async () => {
    const [object] = await shippingSimulate(rule({ format: 'parquet', parquet: { columns } }), logs, taskNs, 7, deps);
    const path = save('meta.parquet', object!.bytes);
    expect(await query(`SELECT created_by, num_rows FROM parquet_file_metadata('${path}')`)).toEqual([
      { created_by: 'parquet.js', num_rows: 3n },
    ]);
    const kv = await query(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('${path}')`);
    expect(kv).toEqual([{ k: parquetWriterMetadataKey, v: 'shiplens simulator (parquetjs-lite 0.8.7)' }]);
  });

  it('finds a string whose UTF-8 order differs from its UTF-16 order (no wrong string statistics)', async () => {
    const odd = [
      { __time__: 1, ua: '😀' },
      { __time__: 2, ua: '\uff01' },
    ];
    const [object] = await shippingSimulate(rule({ format: 'parquet', parquet: { columns } }), odd, taskNs, 7, deps);
    const path = save('order.parquet', object!.bytes);
    expect(await query(`SELECT __time__ FROM '${path}' WHERE ua = '😀'`)).toEqual([{ __time__: 1 }]);
  });
});

describe('simulated JSON lines and CSV read back', () => {
  it('decompresses JSON + snappy with python3-snappy to exactly the uncompressed object', async () => {
    const [plain] = await shippingSimulate(rule({ format: 'json', compression: 'none' }), logs, taskNs, 1, deps);
    const [packed] = await shippingSimulate(rule({ format: 'json', compression: 'snappy' }), logs, taskNs, 1, deps);
    expect(packed!.key).toBe(`${plain!.key}.snappy`);
    expect(pythonUncompress(packed!.bytes).equals(Buffer.from(plain!.bytes))).toBe(true);
    const path = save('j.json', plain!.bytes);
    const rows = await query(
      `SELECT * FROM read_json('${path}', format = 'newline_delimited', columns = {__time__: 'BIGINT', __topic__: 'VARCHAR', __source__: 'VARCHAR', status: 'VARCHAR', bytes: 'VARCHAR', path: 'VARCHAR'})`,
    );
    expect(rows).toEqual([
      { __time__: 1763913590n, __topic__: 'nginx', __source__: '10.0.0.1', status: '200', bytes: '9007199254740993', path: '/a,"b"\nc' },
      { __time__: 1763913591n, __topic__: '', __source__: '10.0.0.2', status: 'oops', bytes: '-9223372036854775808', path: null },
      { __time__: 1763913592n, __topic__: 't', __source__: '', status: '-2147483648', bytes: '9223372036854775807', path: '' },
    ]);
  });

  it.each([
    [',', '"', true],
    [';', "'", false],
    ['\t', '"', true],
  ])('reads CSV + snappy (delimiter %j, quote %j, header %s) back with DuckDB', async (delimiter, quote, header) => {
    const csv = { columns: ['__time__', 'status', 'path', 'ua', 'nope'], delimiter, quote, nullValue: 'NULL', header };
    const [packed] = await shippingSimulate(rule({ format: 'csv', compression: 'snappy', csv }), logs, taskNs, 1, deps);
    expect(packed!.key.endsWith('.snappy.csv')).toBe(true);
    const path = save('c.csv', pythonUncompress(packed!.bytes));
    const sqlQuote = quote === "'" ? "''" : quote;
    const types = "{'__time__': 'BIGINT', 'status': 'VARCHAR', 'path': 'VARCHAR', 'ua': 'VARCHAR', 'nope': 'VARCHAR'}";
    const rows = await query(
      `SELECT * FROM read_csv('${path}', delim = '${delimiter}', quote = '${sqlQuote}', escape = '${sqlQuote}', header = ${header}, nullstr = 'NULL', columns = ${types}, auto_detect = false)`,
    );
    expect(rows).toEqual([
      { __time__: 1763913590n, status: '200', path: '/a,"b"\nc', ua: 'Mozilla/5.0 (中文 😀)', nope: null },
      { __time__: 1763913591n, status: 'oops', path: null, ua: null, nope: null },
      { __time__: 1763913592n, status: '-2147483648', path: '', ua: null, nope: null },
    ]);
  });
});

describe("simulated objects read back by shiplens' own readers (tableOpen)", () => {
  async function open(over: Partial<ShippingRule>): Promise<{ columns: string[]; rows: unknown[][]; variant: string | undefined }> {
    const [object] = await shippingSimulate(rule(over), logs, taskNs, 1, deps);
    const table = await tableOpen(byteSourceFromBytes(object!.bytes, object!.key), over.csv ? { dialect: { ...over.csv } } : {});
    expect(table.warnings).toEqual([]);
    expect([table.format, table.compression]).toEqual([over.format, over.compression]);
    return {
      columns: table.reader.columns.map((c) => `${c.name}:${c.type}`),
      rows: await table.reader.readRows(0, 10),
      variant: table.snappyVariant,
    };
  }

  it('reads Parquet + snappy with its types and nulls', async () => {
    const table = await open({ format: 'parquet', compression: 'snappy', parquet: { columns } });
    expect(table.columns).toEqual([
      '__time__:int32',
      '__source__:string',
      'status:int32',
      'bytes:int64',
      'ok:boolean',
      'lat:float',
      'ratio:double',
      'path:string',
      'ua:string',
    ]);
    expect(table.rows).toEqual([
      [1763913590, '10.0.0.1', 200, 9007199254740993n, true, 0.25, 0.1, '/a,"b"\nc', 'Mozilla/5.0 (中文 😀)'],
      [1763913591, '10.0.0.2', null, -9223372036854775808n, null, null, 1e308, null, null],
      // FLOAT at float32's shortest digits (as DuckDB prints it), not the double 3.3999999521443642e38.
      [1763913592, '', -2147483648, 9223372036854775807n, false, 3.4e38, -0.5, '', null],
    ]);
  });

  it("reads CSV + snappy (raw block) with the rule's dialect", async () => {
    const csv = { columns: ['__time__', 'status', 'path', 'nope'], delimiter: ';', quote: "'", nullValue: '', header: false };
    const table = await open({ format: 'csv', compression: 'snappy', csv });
    expect(table.variant).toBe('raw');
    expect(table.rows).toEqual([
      ['1763913590', '200', '/a,"b"\nc', ''],
      ['1763913591', 'oops', '', ''],
      ['1763913592', '-2147483648', '', ''],
    ]);
  });

  it('reads JSON + snappy lines with reserved fields first', async () => {
    const table = await open({ format: 'json', compression: 'snappy' });
    expect(table.variant).toBe('raw');
    expect(table.columns.slice(0, 5)).toEqual(['__time__:int64', '__topic__:string', '__source__:string', 'status:string', 'bytes:string']);
    expect(table.rows[1]!.slice(0, 5)).toEqual([1763913591n, '', '10.0.0.2', 'oops', '-9223372036854775808']);
  });
});
