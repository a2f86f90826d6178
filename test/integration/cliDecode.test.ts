// shiplens info | decode | schema | head | export on every SPEC §2 combination (in-process),
// with fixtures from independent writers (python3-snappy, DuckDB, snappy-java).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesEnsure } from '../unit/core/formats/fixtureFiles';
import { cliCapture, fixtureDir, oneLineError } from './cliHelpers';

const text = join(fixtureDir, 'text');
const parquet = join(fixtureDir, 'parquet');
const snappy = join(fixtureDir, 'snappy');
const csvColumns = '__time__,ip,msg,status';
let tmp: string;

interface Combo {
  name: string;
  file: string;
  format: string;
  compression: string;
  variant?: string;
  extra: string[];
}

const combos: Combo[] = [
  { name: 'JSON', file: join(text, '19_1484913043351525351_2850008'), format: 'json', compression: 'none', extra: [] },
  {
    name: 'JSON + snappy',
    file: join(text, '19_1484913043351525351_2850008.snappy'),
    format: 'json',
    compression: 'snappy',
    variant: 'raw',
    extra: [],
  },
  {
    name: 'CSV',
    file: join(text, '19_1484913043351525351_2850008.csv'),
    format: 'csv',
    compression: 'none',
    extra: ['--csv-columns', csvColumns],
  },
  {
    name: 'CSV + snappy',
    file: join(text, '19_1484913043351525351_2850008.snappy.csv'),
    format: 'csv',
    compression: 'snappy',
    variant: 'raw',
    extra: ['--csv-columns', csvColumns],
  },
  { name: 'Parquet', file: join(parquet, '19_1484913043351525351_2850009.parquet'), format: 'parquet', compression: 'none', extra: [] },
  {
    name: 'Parquet + snappy',
    file: join(parquet, '19_1484913043351525351_2850008.snappy.parquet'),
    format: 'parquet',
    compression: 'snappy',
    extra: [],
  },
];

type Value = string | number | boolean | null;

function expectedOf(combo: Combo): { columns: string[]; rows: Value[][]; int64: Set<string> } {
  if (combo.format === 'parquet') {
    const e = JSON.parse(readFileSync(`${combo.file}.json`, 'utf8')) as {
      columns: string[];
      rows: Value[][];
      text: (string | null)[][];
      schema: { name: string; type: string }[];
    };
    // FLOAT as DuckDB prints it (float32's shortest digits: 0.1, not the double 0.10000000149011612).
    const rows = e.rows.map((row, r) => row.map((v, i) => (e.schema[i]?.type === 'FLOAT' && v !== null ? Number(e.text[r]?.[i]) : v)));
    return { columns: e.columns, rows, int64: new Set(e.schema.filter((s) => s.type === 'INT64').map((s) => s.name)) };
  }
  const plain = combo.file.replace('.snappy', '');
  const e = JSON.parse(readFileSync(`${plain}.expected.json`, 'utf8')) as { columns: string[]; rows: Value[][] };
  return { columns: e.columns, rows: e.rows, int64: new Set() };
}

/** Independent JSON line: INT64 (a decimal string in the DuckDB expectation) as bare digits. */
function jsonLine(columns: string[], row: Value[], int64: Set<string>): string {
  return `{${columns.map((c, i) => `${JSON.stringify(c)}:${int64.has(c) && row[i] !== null ? String(row[i]) : JSON.stringify(row[i] ?? null)}`).join(',')}}\n`;
}

/** Independent RFC 4180 writer with the spreadsheet formula guard (papaparse quotes guarded cells). */
function csvLine(row: Value[], int64: Set<number> = new Set()): string {
  return (
    row
      .map((v, i) => {
        if (v === null) return '';
        if (typeof v !== 'string' || int64.has(i)) return String(v);
        const guarded = /^[=+\-@\t\r]/.test(v);
        const s = guarded ? `'${v}` : v;
        return guarded || /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
      })
      .join(',') + '\r\n'
  );
}

beforeAll(() => {
  fixturesEnsure('genText');
  fixturesEnsure('genParquet');
  fixturesEnsure('genSnappy');
  tmp = mkdtempSync(join(tmpdir(), 'shiplens-cli-'));
});

describe.each(combos)('$name', (combo) => {
  it('info --json names the format, compression and snappy variant', async () => {
    const r = await cliCapture(['info', combo.file, '--json']);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      format: combo.format,
      compression: combo.compression,
      detectedBy: 'suffix',
      size: readFileSync(combo.file).length,
    });
    expect(info.snappyVariant).toBe(combo.variant);
    if (combo.variant === 'raw') expect(info.uncompressedSize).toBe(readFileSync(combo.file.replace('.snappy', '')).length);
    if (combo.format === 'parquet')
      expect(info.parquet).toMatchObject({
        numRows: 6,
        rowGroups: 1,
        codecs: [combo.compression === 'snappy' ? 'SNAPPY' : 'UNCOMPRESSED'],
      });
  });

  it('head -n 3 --json prints exactly the first rows, one per line', async () => {
    const e = expectedOf(combo);
    const r = await cliCapture(['head', combo.file, '-n', '3', '--json', ...combo.extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      e.rows
        .slice(0, 3)
        .map((row) => jsonLine(e.columns, row, e.int64))
        .join(''),
    );
  });

  it('head prints an aligned table with a header line', async () => {
    const e = expectedOf(combo);
    const r = await cliCapture(['head', combo.file, '-n', '2', ...combo.extra]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.split(/\s+/)).toEqual(e.columns);
  });

  it('export writes every row as RFC 4180 CSV through a .part file', async () => {
    const e = expectedOf(combo);
    const out = join(tmp, `${combo.name.replace(/\W+/g, '_')}.csv`);
    const r = await cliCapture(['export', combo.file, '-o', out, ...combo.extra]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${out}: ${e.rows.length} rows, ${readFileSync(out).length} bytes\n`);
    const int64 = new Set(e.columns.flatMap((c, i) => (e.int64.has(c) ? [i] : [])));
    expect(readFileSync(out, 'utf8')).toBe(csvLine(e.columns) + e.rows.map((row) => csvLine(row, int64)).join(''));
    // No part of any name is left (the writer's parts are `<out>.<random>.part`).
    expect(readdirSync(tmp).filter((f) => f.startsWith(basename(out)) && f.endsWith('.part'))).toEqual([]);
    const again = await cliCapture(['export', combo.file, '-o', out, ...combo.extra]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(oneLineError);
    expect(again.stderr).toContain('already exists');
  });

  it('schema lists the columns', async () => {
    const e = expectedOf(combo);
    const r = await cliCapture(['schema', combo.file, '--json', ...combo.extra]);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { columns: { name: string }[]; format: string };
    expect(schema.format).toBe(combo.format);
    expect(schema.columns.map((c) => c.name)).toEqual(e.columns);
  });

  it('decode gives the uncompressed bytes (or refuses Parquet with one line)', async () => {
    const r = await cliCapture(['decode', combo.file, '-o', '-']);
    if (combo.format === 'parquet') {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(oneLineError);
      expect(r.stderr).toContain('shiplens head');
      return;
    }
    expect(r.code).toBe(0);
    expect(Buffer.from(r.stdoutBytes).equals(readFileSync(combo.file.replace('.snappy', '')))).toBe(true);
  });
});

describe('renamed files', () => {
  it('--format/--compression read a renamed CSV + snappy object', async () => {
    const renamed = join(tmp, 'download.bin');
    copyFileSync(combos[3]?.file as string, renamed);
    const r = await cliCapture([
      'head',
      renamed,
      '-n',
      '1',
      '--json',
      '--format',
      'csv',
      '--compression',
      'snappy',
      '--csv-columns',
      csvColumns,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"__time__":"1484913043","ip":"10.0.0.0","msg":"m0","status":"-"}\n');
  });

  it('--null reads the invalid-key value as null', async () => {
    const r = await cliCapture(['head', combos[2]?.file as string, '-n', '1', '--json', '--csv-columns', csvColumns, '--null', '-']);
    expect(r.stdout).toBe('{"__time__":"1484913043","ip":"10.0.0.0","msg":"m0","status":null}\n');
  });
});

describe('decode', () => {
  it('decodes every snappy container by sniffing (snappy-java, framing, Hadoop)', async () => {
    const plain = readFileSync(join(snappy, 'table.txt'));
    for (const name of ['table.raw.snappy', 'table.framing.sz', 'table.java.snappy', 'table.hadoop.snappy', 'table.hadoop-java.snappy']) {
      const r = await cliCapture(['decode', join(snappy, name), '-o', '-', '--compression', 'snappy']);
      expect(r.code, name).toBe(0);
      expect(Buffer.from(r.stdoutBytes).equals(plain), name).toBe(true);
    }
  });

  it('writes <name without .snappy> atomically and refuses to overwrite without --force', async () => {
    const r = await cliCapture(['decode', combos[1]?.file as string], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('19_1484913043351525351_2850008.json: 26200 bytes (raw block decoded, from 3800 bytes)\n');
    expect(readFileSync(join(tmp, '19_1484913043351525351_2850008.json')).equals(readFileSync(combos[0]?.file as string))).toBe(true);
    const again = await cliCapture(['decode', combos[1]?.file as string], { cwd: tmp });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(oneLineError);
    expect((await cliCapture(['decode', combos[1]?.file as string, '--force'], { cwd: tmp })).code).toBe(0);
  });
});

describe('corrupt inputs: exit 1 and exactly one line, no stack', () => {
  const cases: [string, () => string, string[], RegExp][] = [
    ['truncated Parquet', () => join(parquet, 'truncated_1484913043351525351_1.snappy.parquet'), ['schema'], /truncated/i],
    ['footer length past the file', () => join(parquet, 'footerPastEnd_1484913043351525351_2.snappy.parquet'), ['schema'], /footer length/],
    ['not Parquet', () => join(parquet, 'tiny_1484913043351525351_5.parquet'), ['head'], /too short for Parquet/],
    ['empty .snappy', () => write('empty.snappy', new Uint8Array(0)), ['decode', '-o', '-'], /empty/i],
    [
      'random bytes named .snappy',
      () => write('random.snappy', new Uint8Array(Array.from({ length: 4096 }, (_v, i) => (i * 2654435761) >>> 24))),
      ['decode', '-o', '-'],
      /snappy/i,
    ],
    [
      'truncated raw block',
      () => write('cut.snappy', readFileSync(combos[1]?.file as string).subarray(0, 2000)),
      ['head'],
      /truncat|ends/i,
    ],
    [
      'block declaring 4 GB',
      () => write('huge.snappy', new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x10, 0x00, 0x41])),
      ['decode', '-o', '-'],
      /^shiplens: [^\n]*huge\.snappy: The snappy block declares 4,294,967,296 bytes uncompressed but is only 7 bytes — the header is corrupt or this is not a raw snappy block\./,
    ],
    [
      '.snappy.csv declaring 2^32 - 1 bytes',
      () => write('huge.snappy.csv', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x41])),
      ['head', '--csv-columns', 'a'],
      /declares 4,294,967,295 bytes uncompressed but is only 7 bytes — the header is corrupt or this is not a raw snappy block\..*No size limit helps/,
    ],
    [
      'un-suffixed block declaring 4 GB with --compression snappy',
      () => write('huge-download', new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x10, 0x00, 0x41])),
      ['decode', '-o', '-', '--compression', 'snappy'],
      /declares 4,294,967,296 bytes uncompressed but is only 7 bytes/,
    ],
    [
      'block declaring more than --max-decode-bytes',
      () => join(snappy, 'logs-large.raw.snappy'),
      ['decode', '-o', '-', '--max-decode-bytes', '1M'],
      /limit|large/i,
    ],
    [
      'object over --max-decode-bytes: the hint names the flag, not another tool',
      () => join(snappy, 'logs-large.raw.snappy'),
      ['head', '--max-decode-bytes', '1K'],
      /Raise the decode size limit \(Settings in the app, --max-decode-bytes on the command line\)/,
    ],
    ['missing file', () => join(tmp, 'nope.snappy'), ['info'], /does not exist/],
  ];
  function write(name: string, bytes: Uint8Array): string {
    const file = join(tmp, name);
    writeFileSync(file, bytes);
    return file;
  }
  it.each(cases)('%s', async (_name, file, command, message) => {
    const path = file();
    const [cmd, ...rest] = command;
    const r = await cliCapture([cmd as string, path, ...rest]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(oneLineError);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--debug adds the stack trace', async () => {
    const r = await cliCapture(['--debug', 'schema', join(parquet, 'truncated_1484913043351525351_1.snappy.parquet')]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').length).toBeGreaterThan(3);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('usage errors: exit 2', () => {
  it.each([
    [['nosuch']],
    [['head']],
    [['head', 'x', '--format', 'xml']],
    [['head', 'x', '-n', 'ten']],
    [['head', 'x', '--header', '--csv-columns', 'a']],
    [['export', 'x']],
    [['head', 'x', '--csv-delimiter', 'ab']],
    [[]],
  ])('%j', async (args) => {
    const r = await cliCapture(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.length).toBeGreaterThan(0);
  });
});

describe('--max-size, the deprecated spelling of --max-decode-bytes', () => {
  it('still caps the decode (and parses like it), but --help names only --max-decode-bytes', async () => {
    const large = join(snappy, 'logs-large.raw.snappy');
    const capped = await cliCapture(['head', large, '--max-size', '1K']);
    expect(capped.code).toBe(1);
    expect(capped.stderr).toMatch(/Raise the decode size limit \(Settings in the app, --max-decode-bytes on the command line\)/);
    expect((await cliCapture(['head', large, '--max-size', '1K', '--max-decode-bytes', '1G'])).code).toBe(0);
    const over = await cliCapture(['decode', large, '--max-size', '5G', '-o', '-']);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('at most 4G (the largest decoded buffer shiplens can hold and write)');
    const help = await cliCapture(['head', '--help']);
    expect(help.stdout).toContain('--max-decode-bytes <size>');
    expect(help.stdout).not.toContain('--max-size');
  });
});
