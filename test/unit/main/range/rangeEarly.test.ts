// Which SQL answers from the first objects: checked on DuckDB's own parse trees.
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeEarlyLimit, rangeMayBeEarly } from '../../../../main/range/rangeEarly';

describe('rangeEarlyLimit', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  let scalar: Set<string>;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
    const functions = await connection.runAndReadAll(
      "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE function_type = 'scalar'",
    );
    scalar = new Set((functions.getRowsJson() as string[][]).map((row) => row[0] as string));
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });
  const limitOf = async (sql: string): Promise<number | null> => {
    const tree = await connection.runAndReadAll(`SELECT json_serialize_sql('${sql.replace(/'/g, "''")}')`);
    return rangeEarlyLimit(JSON.parse(String(tree.getRowsJson()[0]?.[0])), scalar);
  };

  it('answers row-by-row queries with a constant LIMIT early', async () => {
    expect(await limitOf('SELECT * FROM logs LIMIT 100')).toBe(100);
    expect(
      await limitOf("select status, upper(ip) || '!' AS x, bytes::BIGINT + 1 FROM logs WHERE status = '500' AND ua IS NOT NULL LIMIT 7"),
    ).toBe(7);
    expect(
      await limitOf(
        "SELECT CASE WHEN status LIKE '5%' THEN 1 ELSE 0 END, _key FROM LOGS WHERE __time__ BETWEEN '2026-12-04' AND '2026-12-05' limit 3",
      ),
    ).toBe(3);
  });

  it('runs everything else over the whole range', async () => {
    for (const sql of [
      'SELECT * FROM logs',
      'SELECT * FROM logs ORDER BY status LIMIT 10',
      'SELECT count(*) FROM logs LIMIT 10',
      'SELECT status, count(*) FROM logs GROUP BY status LIMIT 10',
      'SELECT DISTINCT status FROM logs LIMIT 10',
      'SELECT * FROM logs LIMIT 10 OFFSET 5',
      'SELECT * FROM logs LIMIT 10%',
      'SELECT row_number() OVER () FROM logs LIMIT 10',
      'SELECT * FROM logs WHERE bytes > (SELECT avg(bytes::BIGINT) FROM logs) LIMIT 10',
      'WITH x AS (SELECT * FROM logs) SELECT * FROM x LIMIT 10',
      'SELECT * FROM logs, logs AS b LIMIT 10',
      'SELECT * FROM other LIMIT 10',
      'SELECT * FROM logs LIMIT 0',
      'SELECT * FROM logs LIMIT (SELECT 5)',
      'SELECT * FROM logs USING SAMPLE 10 LIMIT 10',
      'SELECT * FROM logs QUALIFY true LIMIT 10',
      'SELECT * FROM logs LIMIT 5; SELECT 1',
      'SELECT * FROM logs LIMT 5',
      'SELECT list(status) FROM logs LIMIT 1',
    ])
      expect([sql, await limitOf(sql)]).toEqual([sql, null]);
  });

  it('skips the parse for SQL without LIMIT', () => {
    expect(rangeMayBeEarly('SELECT * FROM logs Limit 5')).toBe(true);
    expect(rangeMayBeEarly('SELECT status, count(*) FROM logs GROUP BY status')).toBe(false);
  });
});
