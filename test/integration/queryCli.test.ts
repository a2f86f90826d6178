// shiplens query over a python3-snappy day: exact answers against the generator's tally.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCapture, cliSpawn, repoRoot } from './cliHelpers';
import { cst, dayGenerate } from './queryHelpers';
import type { Day } from './queryHelpers';

let day: Day;
let dataDir: string;
const env = (): Record<string, string> => ({ SHIPLENS_DATA_DIR: dataDir });
const format = ['--partition-format', '%Y/%m/%d/%H/%M', '--compression', 'snappy'];
const query = (from: string, to: string, ...rest: string[]) =>
  cliCapture(['query', join(day.dir, 'logs'), '--from', from, '--to', to, ...format, ...rest], { env: env() });
const jsonRows = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(() => {
  day = dayGenerate(['--objects', '288', '--rows', '20']);
  dataDir = mkdtempSync(join(tmpdir(), 'range-data-'));
});
afterAll(() => {
  rmSync(day.dir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('shiplens query', () => {
  it('answers the whole day exactly: count, sum, per status, per hour in the rule zone', async () => {
    const r = await query(
      '2026-12-04',
      '2026-12-05',
      '--json',
      '--sql',
      'SELECT status, count(*) AS n, sum(bytes::BIGINT) AS s FROM logs GROUP BY status ORDER BY status',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const byStatus = Object.fromEntries(jsonRows(r.stdout).map((row) => [row.status, row.n]));
    expect(byStatus).toEqual(day.tally.byStatus);
    expect(jsonRows(r.stdout).reduce((n, row) => n + (row.s as number), 0)).toBe(day.tally.bytesSum);
    const hours = await query(
      '2026-12-04',
      '2026-12-05',
      '--json',
      '--sql',
      "SELECT strftime(__time__, '%Y-%m-%d %H') AS h, count(*) AS n FROM logs GROUP BY 1 ORDER BY 1",
    );
    expect(Object.fromEntries(jsonRows(hours.stdout).map((row) => [row.h, row.n]))).toEqual(day.tally.byHour);
  });

  it('answers the day exactly again from the columnar cache (SHIPLENS_RANGE_CONVERT=wait converts before exit)', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'range-data-'));
    try {
      const sql = 'SELECT status, count(*) AS n, sum(bytes::BIGINT) AS s FROM logs GROUP BY status ORDER BY status';
      const args = ['query', join(day.dir, 'logs'), '--from', '2026-12-04', '--to', '2026-12-05', ...format, '--json', '--sql', sql];
      const cold = await cliCapture(args, { env: { SHIPLENS_DATA_DIR: fresh, SHIPLENS_RANGE_CONVERT: 'wait' } });
      expect(cold.code).toBe(0);
      const cache = join(fresh, 'range-cache');
      expect(readdirSync(cache).filter((f) => /^[0-9a-f]{40}-\d+\.[0-9a-f]{12}\.parquet$/.test(f))).toHaveLength(288);
      // The day's objects asked for a pack, written by the same conversion (rangeCachePacks.ts).
      expect(readdirSync(cache).filter((f) => /^pack-[0-9a-f]{40}-\d+\.[0-9a-f]{12}\.parquet$/.test(f))).toHaveLength(1);
      const warm = await cliCapture(args, { env: { SHIPLENS_DATA_DIR: fresh } });
      expect(warm.stdout).toBe(cold.stdout);
      const byStatus = Object.fromEntries(jsonRows(warm.stdout).map((row) => [row.status, row.n]));
      expect(byStatus).toEqual(day.tally.byStatus);
      expect(jsonRows(warm.stdout).reduce((n, row) => n + (row.s as number), 0)).toBe(day.tally.bytesSum);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('answers from the quick bundle (bin/shiplens.cjs) with the exact bytes and exit codes of the full bundle', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'range-data-'));
    try {
      const location = join(day.dir, 'logs');
      const window = ['--from', '2026-12-04 10:00', '--to', '2026-12-04 11:00', ...format];
      const lines = [
        ['query', location, ...window, '--json', '--sql', 'SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY status'],
        ['query', location, ...window, '--sql', 'SELECT _key, __time__, status FROM logs ORDER BY __time__, _key LIMIT 3'],
        ['query', location, ...window, '--dry-run'],
        ['query', location, ...window, '--sql', 'SELECT nope FROM logs'],
        ['query', location, ...window, '--emit', 'duckdb'],
        ['query', location, '--from', '2026-12-04', '--to', '2026-12-05'],
        ['query', '--help'],
      ];
      const env = { SHIPLENS_DATA_DIR: fresh, SHIPLENS_RANGE_CONVERT: 'off' };
      expect(existsSync(join(repoRoot, 'out', 'main', 'cliQuickQuery.cjs'))).toBe(true);
      const outcomes = new Set<number>();
      for (const args of lines) {
        const quick = await cliSpawn([join(repoRoot, 'bin', 'shiplens.cjs'), ...args], { raw: true, env });
        const full = await cliSpawn(args, { env });
        expect(quick, args.join(' ')).toEqual(full);
        outcomes.add(full.code);
      }
      expect([...outcomes].sort()).toEqual([0, 1, 2]);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);

  it('applies [from, to) exactly: a row at from is in, a row at to is out', async () => {
    const r = await query(
      '2026-12-04T10:00:00+08:00',
      '2026-12-04T10:00:30+08:00',
      '--json',
      '--sql',
      'SELECT __time__, status, _key FROM logs ORDER BY __time__, _key',
    );
    const expected = day.rows.filter((row) => row.time >= cst('2026-12-04T10:00:00') && row.time < cst('2026-12-04T10:00:30'));
    expect(expected.map((e) => e.time)).toEqual([cst('2026-12-04T10:00:00'), cst('2026-12-04T10:00:15')]);
    expect(jsonRows(r.stdout)).toEqual(
      expected.map((e) => ({
        __time__: e.time === cst('2026-12-04T10:00:00') ? '2026-12-04 10:00:00+08:00' : '2026-12-04 10:00:15+08:00',
        status: e.status,
        _key: e.key.slice('logs/'.length),
      })),
    );
  });

  it('applies bounds between whole seconds exactly: from .001 leaves the row at :00 out, to .001 keeps the row at :15', async () => {
    const r = await query(
      '2026-12-04T10:00:00.001+08:00',
      '2026-12-04T10:00:15.001+08:00',
      '--json',
      '--sql',
      'SELECT __time__, status FROM logs ORDER BY __time__, _key',
    );
    const expected = day.rows.filter(
      (row) => row.time * 1000 >= cst('2026-12-04T10:00:00') * 1000 + 1 && row.time * 1000 < cst('2026-12-04T10:00:15') * 1000 + 1,
    );
    expect(expected.map((e) => e.time)).toEqual([cst('2026-12-04T10:00:15')]);
    expect(jsonRows(r.stdout)).toEqual(expected.map((e) => ({ __time__: '2026-12-04 10:00:15+08:00', status: e.status })));
  });

  it('reads lag objects: late rows of the window in tasks created after it', async () => {
    const r = await query(
      '2026-12-04 10:00',
      '2026-12-04 10:45',
      '--json',
      '--sql',
      'SELECT _key, count(*) AS n FROM logs GROUP BY _key ORDER BY _key',
    );
    const expected = new Map<string, number>();
    for (const row of day.rows)
      if (row.time >= cst('2026-12-04T10:00:00') && row.time < cst('2026-12-04T10:45:00'))
        expected.set(row.key.slice(5), (expected.get(row.key.slice(5)) ?? 0) + 1);
    expect(jsonRows(r.stdout).map((row) => [row._key, row.n])).toEqual([...expected.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    // The 10:50 task holds two 10:38:20 rows: the plan reached past the window's end for them.
    expect(expected.get(day.tally.objects[129]?.slice(5) as string)).toBe(2);
  });

  it('prints BIGINT as exact digits and reads times with an offset the same as in the zone', async () => {
    const r = await query(
      '2026-12-04T02:00:00Z',
      '2026-12-04T02:05:00Z',
      '--json',
      '--sql',
      'SELECT 9007199254740993::BIGINT AS big, count(*) AS n, min(_task_time) AS t FROM logs',
    );
    expect(r.stdout).toBe(`{"big":9007199254740993,"n":20,"t":"2026-12-04 10:05:00.123+08:00"}\n`);
  });

  it('lists the plan with --dry-run (key and size, then totals) and says when it is empty', async () => {
    const r = await query('2026-12-04 10:00', '2026-12-04 10:10', '--dry-run');
    const lines = r.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `total: ${lines.length - 1} objects, ${lines.slice(0, -1).reduce((n, l) => n + Number(l.split('\t')[1]), 0)} bytes, ${lines.length - 1} partitions`,
    );
    expect(lines[0]).toMatch(/^2026\/12\/04\/10\/00_1796349600\d{9}_\d\.snappy\t\d+$/);
    const empty = await query('2027-01-01', '2027-01-02', '--sql', 'SELECT 1');
    expect(empty).toMatchObject({ code: 0, stdout: '' });
    expect(empty.stderr).toContain('no objects in the range');
  });

  it('reports bad SQL with the engine message and the column list (exit 1)', async () => {
    const r = await query('2026-12-04 10:00', '2026-12-04 10:10', '--sql', 'SELECT nope FROM logs');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Referenced column "nope" not found');
    expect(r.stderr).toContain(
      'Columns of logs: __topic__ VARCHAR, __source__ VARCHAR, status VARCHAR, bytes VARCHAR, ip VARCHAR, path VARCHAR, msg VARCHAR, ua VARCHAR, __time__ TIMESTAMP WITH TIME ZONE, _key VARCHAR, _task_time TIMESTAMP WITH TIME ZONE',
    );
    expect(r.stderr.split('\n')).toHaveLength(2);
    // The SQL reaches the range's files only: no other file, no writing elsewhere.
    for (const sql of ["SELECT * FROM read_text('/etc/hostname')", `COPY (SELECT 1) TO '${join(dataDir, 'x.csv')}'`]) {
      const locked = await query('2026-12-04 10:00', '2026-12-04 10:10', '--sql', sql);
      expect(locked.code).toBe(1);
      expect(locked.stderr).toContain('file system operations are disabled by configuration');
    }
  });

  it('writes -o .csv/.parquet/.jsonl and never overwrites', async () => {
    const out = mkdtempSync(join(tmpdir(), 'range-out-'));
    const sql = ['--sql', 'SELECT status, count(*) AS n FROM logs GROUP BY status ORDER BY status'];
    const expected = Object.entries(day.tally.byStatus).sort();
    expect((await query('2026-12-04', '2026-12-05', '-o', join(out, 'a.csv'), ...sql)).code).toBe(0);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe(`status,n\n${expected.map(([s, n]) => `${s},${n}`).join('\n')}\n`);
    expect((await query('2026-12-04', '2026-12-05', '-o', join(out, 'a.jsonl'), ...sql)).code).toBe(0);
    expect(readFileSync(join(out, 'a.jsonl'), 'utf8')).toBe(expected.map(([s, n]) => `{"status":"${s}","n":${n}}\n`).join(''));
    expect((await query('2026-12-04', '2026-12-05', '-o', join(out, 'a.parquet'), ...sql)).code).toBe(0);
    expect(readFileSync(join(out, 'a.parquet')).subarray(0, 4).toString()).toBe('PAR1');
    writeFileSync(join(out, 'keep.csv'), 'mine');
    const again = await query('2026-12-04', '2026-12-05', '-o', join(out, 'keep.csv'), ...sql);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(join(out, 'keep.csv'), 'utf8')).toBe('mine');
    rmSync(out, { recursive: true, force: true });
  });

  it('hands the range to MaxCompute: SnappyRawCodec, exactly the planned partitions, the window pushed down', async () => {
    const r = await cliCapture(
      [
        '--endpoint',
        'oss-cn-hangzhou-internal.aliyuncs.com',
        'query',
        join(day.dir, 'logs'),
        '--from',
        '2026-12-04 10:00',
        '--to',
        '2026-12-04 12:00',
        ...format,
        '--emit',
        'maxcompute',
        '--sql',
        'SELECT count(*) FROM logs',
      ],
      { env: env() },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("TBLPROPERTIES ('io.compression.codecs'='com.aliyun.odps.io.compress.SnappyRawCodec');");
    const adds = r.stdout.split('\n').filter((l) => l.startsWith('ALTER TABLE'));
    // Tasks 10:00 … 12:15 (300 s + 10 min of lag): the hour folders 10, 11 and 12.
    expect(adds).toEqual(
      ['10', '11', '12'].map(
        (h) =>
          `ALTER TABLE logs_oss ADD IF NOT EXISTS PARTITION (dt='20261204${h}') LOCATION 'oss://oss-cn-hangzhou-internal.aliyuncs.com/<bucket>/2026/12/04/${h}/';`,
      ),
    );
    expect(r.stdout).toContain(
      `WHERE dt >= '2026120410' AND dt <= '2026120412' AND CAST(\`__time__\` AS BIGINT) >= ${cst('2026-12-04T10:00:00')} AND CAST(\`__time__\` AS BIGINT) < ${cst('2026-12-04T12:00:00')})\nSELECT count(*) FROM logs;\n`,
    );
    const spark = await cliCapture(
      ['query', join(day.dir, 'logs'), '--from', '2026-12-04 10:00', '--to', '2026-12-04 12:00', ...format, '--emit', 'spark'],
      { env: env() },
    );
    expect(spark.stdout).toContain('Spark SQL cannot read JSON + snappy objects');
  });

  it('refuses a plan beyond --max-objects before reading, and reports a skipped corrupt object on stderr', async () => {
    const big = await query('2026-12-04 10:00', '2026-12-04 12:00', '--max-objects', '5', '--sql', 'SELECT 1');
    expect(big.code).toBe(1);
    expect(big.stderr).toMatch(
      /^shiplens: .*logs: The range holds 27 objects \(\d+ bytes\), more than --max-objects 5\. \(Narrow --from\/--to, raise --max-objects, or hand it to a distributed engine with --emit maxcompute\|spark\|trino\|duckdb\.\)\n$/,
    );
    const bad = day.tally.objects[130] as string;
    const saved = readFileSync(join(day.dir, bad));
    writeFileSync(join(day.dir, bad), saved.subarray(0, 30));
    try {
      const fresh = mkdtempSync(join(tmpdir(), 'range-data-'));
      const stop = await cliCapture(
        [
          'query',
          join(day.dir, 'logs'),
          '--from',
          '2026-12-04 10:00',
          '--to',
          '2026-12-04 12:00',
          ...format,
          '--sql',
          'SELECT count(*) AS n FROM logs',
          '--json',
        ],
        { env: { SHIPLENS_DATA_DIR: fresh } },
      );
      expect(stop.code).toBe(1);
      expect(stop.stderr).toContain(`shiplens: ${bad.slice(5)}: `);
      const skip = await cliCapture(
        [
          'query',
          join(day.dir, 'logs'),
          '--from',
          '2026-12-04 10:00',
          '--to',
          '2026-12-04 12:00',
          ...format,
          '--sql',
          'SELECT count(*) AS n FROM logs',
          '--json',
          '--on-error',
          'skip',
        ],
        { env: { SHIPLENS_DATA_DIR: fresh } },
      );
      expect(skip.code).toBe(0);
      expect(skip.stderr).toMatch(new RegExp(`^shiplens: ${bad.slice(5).replace(/[.]/g, '\\.')}: skipped: .+\\n$`));
      const kept = day.rows.filter(
        (r) => r.key !== bad && r.time >= cst('2026-12-04T10:00:00') && r.time < cst('2026-12-04T12:00:00'),
      ).length;
      expect(skip.stdout).toBe(`{"n":${kept}}\n`);
      rmSync(fresh, { recursive: true, force: true });
    } finally {
      writeFileSync(join(day.dir, bad), saved);
    }
  });
});
