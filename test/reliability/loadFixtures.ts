// Large inputs for load.test.ts, from independent writers: DuckDB (Parquet) and
// /usr/bin/python3 + python3-snappy (a raw snappy block). Generated once per size into
// test/fixtures/generated/load/ (git-ignored).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const loadDir = join(__dirname, '../fixtures/generated/load');

/** A DuckDB-written Parquet object of `rows` rows (SNAPPY, DuckDB's default row groups) in a bucket folder. */
export async function loadParquet(rows: number): Promise<{ bucket: string; key: string }> {
  const bucket = join(loadDir, `parquet-${rows}`);
  const key = `ds=20240101/00_1484913043351525351_${rows}.snappy.parquet`;
  const file = join(bucket, key);
  if (!existsSync(file)) {
    mkdirSync(join(bucket, 'ds=20240101'), { recursive: true });
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await conn.run(`COPY (SELECT 1484913043 + i AS __time__, 'nginx' AS __topic__, '10.0.' || (i % 250) || '.' || (i % 7) AS __source__,
      CASE WHEN i % 10 = 0 THEN 'POST' ELSE 'GET' END AS method, '/api/v1/items?id=' || i AS url, (200 + (i % 4) * 100)::VARCHAR AS status,
      i::BIGINT AS seq, CASE WHEN i % 97 = 0 THEN '=HYPERLINK("x")' ELSE 'Mozilla/5.0' END AS ua
      FROM range(${rows}) t(i)) TO '${file}' (FORMAT PARQUET, COMPRESSION SNAPPY)`);
    conn.closeSync();
  }
  return { bucket, key };
}

/** A raw snappy block of ~`megabytes` MB of JSON lines (python3-snappy), and the plain text's sha256. */
export function loadSnappy(megabytes: number): { file: string; plainBytes: number; sha256: string } {
  const file = join(loadDir, `logs-${megabytes}MB.snappy`);
  const meta = `${file}.json`;
  if (!existsSync(meta)) {
    mkdirSync(loadDir, { recursive: true });
    const script = `
import hashlib, json, snappy, sys
target = ${megabytes} * 1024 * 1024
parts, size, i = [], 0, 0
while size < target:
    block = ''.join('{"__time__":%d,"__topic__":"nginx","__source__":"10.0.%d.%d","url":"/api/v1/items?id=%d","status":"%d","latency":"%0.3f"}\\n' % (1484913043 + j // 10, j % 250, j % 7, (j * 7919) % 100000, 200 + (j % 4) * 100, (j % 1000) / 997.0) for j in range(i, i + 10000))
    parts.append(block); size += len(block); i += 10000
plain = ''.join(parts).encode()[:target]
plain = plain[:plain.rfind(b'\\n') + 1]
open(sys.argv[1], 'wb').write(snappy.compress(plain))
json.dump({'plainBytes': len(plain), 'sha256': hashlib.sha256(plain).hexdigest()}, open(sys.argv[2], 'w'))
`;
    execFileSync('/usr/bin/python3', ['-c', script, file, meta], { stdio: 'inherit' });
  }
  return { file, ...(JSON.parse(readFileSync(meta, 'utf8')) as { plainBytes: number; sha256: string }) };
}
