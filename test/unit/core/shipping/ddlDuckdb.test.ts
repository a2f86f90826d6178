import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ddlGenerate } from '../../../../core/shipping/ddl';
import { objectKeyBuild, objectKeyParse } from '../../../../core/shipping/objectKey';
import { shippingRuleDefault } from '../../../../core/shipping/rule';
import type { ShippingRule } from '../../../../core/model/rule';

// DuckDB is an independent reader: it discovers Hive partitions from the directory names alone.
const rule: ShippingRule = {
  ...shippingRuleDefault(),
  name: 'hive-pq',
  bucket: 'test-bucket',
  prefix: 'log_ship_oss_example',
  partitionFormat: 'year=%Y/mon=%m/day=%d/log_%H%M%s',
  format: 'parquet',
  compression: 'snappy',
  parquet: {
    columns: [
      { name: '__time__', type: 'int32' },
      { name: 'ip', type: 'string' },
      { name: 'status', type: 'int64' },
      { name: 'seq', type: 'double' },
    ],
  },
};
const duckType: Record<string, string> = { int32: 'INTEGER', string: 'VARCHAR', int64: 'BIGINT', double: 'DOUBLE' };
// Three tasks over two days (CST): 2017-01-20 19:50:43, 2017-01-20 23:59:10, 2017-01-21 00:04:10.
const tasks = [1484913043351525351n, 1484927950000000001n, 1484928250000000002n];

let root = '';
let con: DuckDBConnection;
const keys: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'shiplens-ddl-'));
  con = await (await DuckDBInstance.create(':memory:')).connect();
  const select = rule
    .parquet!.columns.map((c, i) => `CAST(${[1484913043, "'10.0.0.1'", 200, 1.5][i]} + 0 * range AS ${duckType[c.type]}) AS "${c.name}"`)
    .join(', ')
    .replace("CAST('10.0.0.1' + 0 * range AS VARCHAR)", "CAST('10.0.0.1' AS VARCHAR)");
  for (const [n, ns] of tasks.entries()) {
    const key = objectKeyBuild(rule, ns, 2850000 + n);
    keys.push(key);
    const file = join(root, key);
    mkdirSync(dirname(file), { recursive: true });
    await con.run(`COPY (SELECT ${select} FROM range(${n + 1})) TO '${file}' (FORMAT PARQUET, COMPRESSION SNAPPY)`);
  }
});
afterAll(() => {
  con?.closeSync();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('ddlGenerate against DuckDB hive_partitioning', () => {
  it('lays the simulated keys out as Hive partitions', () => {
    expect(keys).toEqual([
      'log_ship_oss_example/year=2017/mon=01/day=20/log_195043_1484913043351525351_2850000.snappy.parquet',
      'log_ship_oss_example/year=2017/mon=01/day=20/log_235910_1484927950000000001_2850001.snappy.parquet',
      'log_ship_oss_example/year=2017/mon=01/day=21/log_000410_1484928250000000002_2850002.snappy.parquet',
    ]);
    expect(
      keys.map((k) => {
        const p = objectKeyParse(k);
        return p.ok && p.value.hiveColumns;
      }),
    ).toEqual([
      { year: '2017', mon: '01', day: '20' },
      { year: '2017', mon: '01', day: '20' },
      { year: '2017', mon: '01', day: '21' },
    ]);
  });

  it('declares exactly the columns DuckDB infers: data columns, then the partition columns', async () => {
    const glob = join(root, rule.prefix, '**', '*.parquet');
    const reader = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${glob}', hive_partitioning = true)`);
    const inferred = reader.getRowObjectsJS().map((r) => String(r.column_name));
    const ddl = ddlGenerate(rule, 'hive');
    const dataNames = rule.parquet!.columns.map((c) => c.name);
    // DuckDB lists partition columns by name; Hive needs them in directory order (the DDL's).
    expect(inferred.slice(0, dataNames.length)).toEqual(dataNames);
    expect(inferred.slice(dataNames.length).sort()).toEqual([...ddl.partitionColumns].sort());
    expect(ddl.partitionColumns).toEqual(['year', 'mon', 'day']);
    for (const name of dataNames) expect(ddl.sql).toContain(`\`${name}\``);
  });

  it('reads the rows per partition as the DDL location implies', async () => {
    const glob = join(root, rule.prefix, '**', '*.parquet');
    const reader = await con.runAndReadAll(
      `SELECT CAST(year AS VARCHAR) || '-' || lpad(CAST(mon AS VARCHAR), 2, '0') || '-' || lpad(CAST(day AS VARCHAR), 2, '0') AS d, count(*) AS n FROM read_parquet('${glob}', hive_partitioning = true, hive_types_autocast = false) GROUP BY ALL ORDER BY d`,
    );
    expect(reader.getRowObjectsJS()).toEqual([
      { d: '2017-01-20', n: 3n },
      { d: '2017-01-21', n: 3n },
    ]);
    expect(ddlGenerate(rule, 'hive').sql).toContain(`LOCATION 'oss://test-bucket/${rule.prefix}/'`);
  });
});
