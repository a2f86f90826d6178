import { describe, expect, it } from 'vitest';
import { parquetRowSize, shippingSimulate } from '../../../../core/shipping/simulator';
import type { ParquetWriteFn, ShippingSimulateDeps } from '../../../../core/shipping/simulator';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ParquetColumn, ShippingRule } from '../../../../core/model/rule';
import { objectKeyParse } from '../../../../core/shipping/objectKey';

const taskNs = 1484913043351525351n;
const taskNumber = 2850008;
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function rule(over: Partial<ShippingRule>): ShippingRule {
  return { ...shippingRuleDefault(), name: 'r1', bucket: 'test-bucket', prefix: 'log_ship_oss_example', ...over };
}

interface WriteCall {
  columns: ParquetColumn[];
  rows: unknown[][];
  codec: string;
}

function fakeDeps(over: Partial<ShippingSimulateDeps> = {}): ShippingSimulateDeps & { writes: WriteCall[] } {
  const writes: WriteCall[] = [];
  const parquetWrite: ParquetWriteFn = async (columns, rows, options) => {
    writes.push({ columns, rows, codec: options.codec });
    return new Uint8Array([80, 65, 82, 49, rows.length]);
  };
  // A recognisable stand-in: tests of real snappy bytes are in the integration test.
  const compressRaw = (bytes: Uint8Array): Uint8Array => new Uint8Array([0xee, ...bytes]);
  return { parquetWrite, compressRaw, writes, ...over };
}

const logs = [
  { __time__: 1484913040, __topic__: 'nginx', __source__: '10.0.0.1', status: '200', path: '/a,b' },
  { __time__: 1484913041, __source__: '10.0.0.2', status: 404, ua: 'say "hi"\nbye' },
];

describe('shippingSimulate keys', () => {
  it.each([
    ['test-table', '%Y/%m/%d/%H/%M', 'json', 'none', 'test-table/2017/01/20/19/50_1484913043351525351_2850008'],
    [
      'log_ship_oss_example',
      'year=%Y/mon=%m/day=%d/log_%H%M%s',
      'parquet',
      'none',
      'log_ship_oss_example/year=2017/mon=01/day=20/log_195043_1484913043351525351_2850008.parquet',
    ],
    ['log_ship_oss_example', 'ds=%Y%m%d/%H', 'json', 'snappy', 'log_ship_oss_example/ds=20170120/19_1484913043351525351_2850008.snappy'],
    ['log_ship_oss_example', '%Y%m%d/', 'json', 'none', 'log_ship_oss_example/20170120/_1484913043351525351_2850008'],
    ['log_ship_oss_example', '%Y%m%d%H', 'json', 'none', 'log_ship_oss_example/2017012019_1484913043351525351_2850008'],
  ] as const)('writes the SPEC §1 key for %s %s', async (prefix, partitionFormat, format, compression, key) => {
    const r = rule({ prefix, partitionFormat, format, compression, parquet: { columns: [{ name: 'status', type: 'int64' }] } });
    const objects = await shippingSimulate(r, logs, taskNs, taskNumber, fakeDeps());
    expect(objects.map((o) => o.key)).toEqual([key]);
    const parsed = objectKeyParse(key, r);
    expect(parsed.ok && parsed.value.taskTimeNs).toBe(taskNs);
  });

  it('writes no object for a task without logs', async () => {
    expect(await shippingSimulate(rule({}), [], taskNs, 1, fakeDeps())).toEqual([]);
  });
});

describe('shippingSimulate JSON', () => {
  it('writes reserved fields first, __time__ as a number, other values as strings', async () => {
    const [object] = await shippingSimulate(rule({}), logs, taskNs, taskNumber, fakeDeps());
    expect(object?.rows).toBe(2);
    expect(text(object!.bytes)).toBe(
      '{"__time__":1484913040,"__topic__":"nginx","__source__":"10.0.0.1","status":"200","path":"/a,b"}\n' +
        '{"__time__":1484913041,"__topic__":"","__source__":"10.0.0.2","status":"404","ua":"say \\"hi\\"\\nbye"}\n',
    );
  });

  it('keeps the log key order even for integer-like keys, and UTF-8 text unescaped', async () => {
    const [object] = await shippingSimulate(rule({}), [{ __time__: 5, b: 'é', 404: 'x', __proto__x: 'y' }], taskNs, 0, fakeDeps());
    // The input object itself puts "404" first (JS property order); we keep that order.
    expect(text(object!.bytes)).toBe('{"__time__":5,"__topic__":"","__source__":"","404":"x","b":"é","__proto__x":"y"}\n');
  });

  it('compresses the whole file with the injected raw compressor for json + snappy', async () => {
    const [object] = await shippingSimulate(rule({ compression: 'snappy' }), logs.slice(0, 1), taskNs, 0, fakeDeps());
    expect(object!.bytes[0]).toBe(0xee);
    expect(text(object!.bytes.subarray(1))).toBe(
      '{"__time__":1484913040,"__topic__":"nginx","__source__":"10.0.0.1","status":"200","path":"/a,b"}\n',
    );
  });

  it('rejects a log without a numeric __time__ with INVALID_ARGUMENT naming it', async () => {
    await expect(shippingSimulate(rule({}), [{ __time__: 1 }, { __time__: 'soon' }], taskNs, 0, fakeDeps())).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      source: 'logs[1].__time__',
    });
  });
});

describe('shippingSimulate CSV', () => {
  const csv = { columns: ['__time__', 'status', 'path', 'ua', 'missing'], delimiter: ',', quote: '"', nullValue: '-', header: false };

  it('writes the columns in order, quoting only fields that need it, doubling quotes', async () => {
    const [object] = await shippingSimulate(rule({ format: 'csv', csv }), logs, taskNs, taskNumber, fakeDeps());
    expect(object!.key).toBe('log_ship_oss_example/2017/01/20/19/50_1484913043351525351_2850008.csv');
    expect(text(object!.bytes)).toBe('1484913040,200,"/a,b",-,-\n1484913041,404,-,"say ""hi""\nbye",-\n');
  });

  it('writes a header and honours another delimiter and quote', async () => {
    const dialect = { columns: ['path', 'a|b', '__source__'], delimiter: '|', quote: "'", nullValue: '', header: true };
    const [object] = await shippingSimulate(
      rule({ format: 'csv', csv: dialect }),
      [
        { __time__: 1, path: "it's,ok" },
        { __time__: 2, path: 'x\ry' },
      ],
      taskNs,
      0,
      fakeDeps(),
    );
    expect(text(object!.bytes)).toBe("path|'a|b'|__source__\n'it''s,ok'||\n'x\ry'||\n");
  });

  it('quotes an invalid-key value that holds the delimiter', async () => {
    const [object] = await shippingSimulate(
      rule({ format: 'csv', csv: { ...csv, columns: ['x'], nullValue: 'n,a' } }),
      [{ __time__: 1 }],
      taskNs,
      0,
      fakeDeps(),
    );
    expect(text(object!.bytes)).toBe('"n,a"\n');
  });

  it.each([
    [{ delimiter: ',,' }, 'csv.delimiter'],
    [{ quote: '' }, 'csv.quote'],
    [{ quote: ',' }, 'csv.quote'],
    [{ columns: [] }, 'csv.columns'],
  ])('rejects a dialect %j with RULE_INVALID', async (over, source) => {
    await expect(shippingSimulate(rule({ format: 'csv', csv: { ...csv, ...over } }), logs, taskNs, 0, fakeDeps())).rejects.toMatchObject({
      code: 'RULE_INVALID',
      source,
    });
  });
});

describe('shippingSimulate Parquet', () => {
  const columns: ParquetColumn[] = [
    { name: '__time__', type: 'int32' },
    { name: 'status', type: 'int64' },
    { name: 'path', type: 'string' },
    { name: 'ok', type: 'boolean' },
    { name: 'lat', type: 'float' },
    { name: 'seq', type: 'double' },
  ];

  it('converts values to the column types, null when missing or unconvertible', async () => {
    const deps = fakeDeps();
    const input = [
      { __time__: 7, status: '9223372036854775807', path: 'p', ok: 'TRUE', lat: '0.1', seq: '1e3' },
      { __time__: 8, status: '9223372036854775808', ok: 'yes', lat: '1e39', seq: ' 2' },
      { __time__: 9, status: '-12', path: '', ok: 'false', lat: '-2.5', seq: 'NaN' },
    ];
    const objects = await shippingSimulate(
      rule({ format: 'parquet', compression: 'snappy', parquet: { columns } }),
      input,
      taskNs,
      3,
      deps,
    );
    expect(objects.map((o) => [o.key.split('/').pop(), o.rows])).toEqual([['50_1484913043351525351_3.snappy.parquet', 3]]);
    expect(deps.writes).toHaveLength(1);
    expect(deps.writes[0]!.codec).toBe('SNAPPY');
    expect(deps.writes[0]!.columns).toEqual(columns);
    expect(deps.writes[0]!.rows).toEqual([
      [7, 9223372036854775807n, 'p', true, Math.fround(0.1), 1000],
      [8, null, null, null, null, null],
      [9, -12n, '', false, -2.5, null],
    ]);
  });

  it('uses UNCOMPRESSED without snappy and never compresses the whole file', async () => {
    const deps = fakeDeps();
    const [object] = await shippingSimulate(rule({ format: 'parquet', parquet: { columns } }), logs, taskNs, 0, deps);
    expect(deps.writes[0]!.codec).toBe('UNCOMPRESSED');
    expect([...object!.bytes]).toEqual([80, 65, 82, 49, 2]);
  });

  it('rejects duplicate or unknown columns with RULE_INVALID', async () => {
    const dup = [
      { name: 'a', type: 'string' },
      { name: 'a', type: 'int32' },
    ] as ParquetColumn[];
    await expect(
      shippingSimulate(rule({ format: 'parquet', parquet: { columns: dup } }), logs, taskNs, 0, fakeDeps()),
    ).rejects.toMatchObject({ code: 'RULE_INVALID', source: 'parquet.columns[1].name' });
    const bad = [{ name: 'a', type: 'int8' }] as unknown as ParquetColumn[];
    await expect(
      shippingSimulate(rule({ format: 'parquet', parquet: { columns: bad } }), logs, taskNs, 0, fakeDeps()),
    ).rejects.toMatchObject({ code: 'RULE_INVALID', source: 'parquet.columns[0].type' });
  });

  it('estimates a row by its plain-encoded values', () => {
    expect(parquetRowSize(['é', 1, 2n, true, null])).toBe(4 + 2 + 8 + 8 + 1);
  });
});

describe('shippingSimulate cutting', () => {
  const many = Array.from({ length: 5 }, (_, i) => ({ __time__: 100 + i, v: 'x'.repeat(10) }));
  // Each JSON line: {"__time__":10N,"__topic__":"","__source__":"","v":"xxxxxxxxxx"}\n = 65 bytes; two fit exactly in 130.
  it('cuts by uncompressed size; cut objects take successive task numbers', async () => {
    const objects = await shippingSimulate(rule({}), many, taskNs, 41, fakeDeps({ maxObjectBytes: 130 }));
    expect(objects.map((o) => [o.key.split('_').pop(), o.rows, o.bytes.length])).toEqual([
      ['41', 2, 130],
      ['42', 2, 130],
      ['43', 1, 65],
    ]);
    expect(objects.every((o) => o.bytes.length <= 130)).toBe(true);
  });

  it('gives each cut piece its own task time: when the log that did not fit arrived, the last piece the task time', async () => {
    // 10-digit times keep every line 65 bytes: piece 1 is cut when the log at …010 s arrives, piece 2 at …030 s.
    const logs = [1484912990, 1484913000, 1484913010, 1484913020, 1484913030].map((t) => ({ __time__: t, v: 'x'.repeat(3) }));
    const objects = await shippingSimulate(rule({}), logs, taskNs, 41, fakeDeps({ maxObjectBytes: 130 }));
    expect(objects.map((o) => o.key.split('_').slice(-2, -1)[0])).toEqual(['1484913010000000000', '1484913030000000000', String(taskNs)]);
    expect(objects.map((o) => o.key.split('/').slice(-1)[0]?.slice(0, 2))).toEqual(['50', '50', '50']);
    // Cut times never reach the task time of the pieces after them: they stay increasing.
    const late = many.map((log) => ({ ...log, __time__: 9_000_000_000 }));
    const clamped = await shippingSimulate(rule({}), late, taskNs, 0, fakeDeps({ maxObjectBytes: 144 }));
    expect(clamped.map((o) => o.key.split('_').slice(-2, -1)[0])).toEqual([String(taskNs - 2n), String(taskNs - 1n), String(taskNs)]);
  });

  it('counts the CSV header in every object and repeats it', async () => {
    const csv = { columns: ['v'], delimiter: ',', quote: '"', nullValue: '', header: true };
    const objects = await shippingSimulate(rule({ format: 'csv', csv }), many, taskNs, 0, fakeDeps({ maxObjectBytes: 24 }));
    expect(objects.map((o) => text(o.bytes))).toEqual(['v\nxxxxxxxxxx\nxxxxxxxxxx\n', 'v\nxxxxxxxxxx\nxxxxxxxxxx\n', 'v\nxxxxxxxxxx\n']);
  });

  it('gives a log larger than the limit its own object', async () => {
    const objects = await shippingSimulate(rule({}), many.slice(0, 2), taskNs, 0, fakeDeps({ maxObjectBytes: 10 }));
    expect(objects.map((o) => o.rows)).toEqual([1, 1]);
  });

  it('cuts Parquet by the estimated value size and defaults to bufferSizeMb MiB', async () => {
    const deps = fakeDeps({ maxObjectBytes: 30 });
    const r = rule({ format: 'parquet', parquet: { columns: [{ name: 'v', type: 'string' }] } });
    await shippingSimulate(r, many, taskNs, 0, deps); // 14 bytes per row → 2 per object
    expect(deps.writes.map((w) => w.rows.length)).toEqual([2, 2, 1]);
    const all = fakeDeps();
    await shippingSimulate({ ...r, bufferSizeMb: 5 }, many, taskNs, 0, all);
    expect(all.writes.map((w) => w.rows.length)).toEqual([5]);
  });
});
