// Regression (reliability pass): a DuckDB-written file whose footer num_rows is above 2^53 or
// negative opened fine and only failed in readRows as INVALID_ARGUMENT. The footer's counts
// and column-chunk ranges are now checked at open: PARQUET_CORRUPT naming the file.
import { parquetMetadata } from 'hyparquet';
import type { FileMetaData } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { byteSourceFromBytes } from '../../../../../core/bytes/byteSource';
import { isShiplensError } from '../../../../../core/errors';
import { parquetSchemaRead, parquetTable } from '../../../../../core/formats/parquet';
import type { TableWarning } from '../../../../../core/model/cells';
import { fixtureBytes, fixturesEnsure, parquetDir, parquetNames } from '../fixtureFiles';

fixturesEnsure('genParquet');

const name = parquetNames.multiGroup;
const original = fixtureBytes(parquetDir, name);

function varint(value: bigint): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return out;
}

/** Thrift compact i64: zigzag, then varint. */
function compactI64(n: bigint): number[] {
  return varint(n >= 0n ? n * 2n : -n * 2n - 1n);
}

function footerOf(bytes: Uint8Array): { footer: Uint8Array; dataEnd: number } {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
  return { footer: bytes.subarray(bytes.length - 8 - length, bytes.length - 8), dataEnd: bytes.length - 8 - length };
}

/**
 * A copy with FileMetaData.num_rows (field 3, i64, right after the schema list and before the
 * row_groups list: header bytes 0x16 … 0x19) re-encoded as `to`, and the footer length fixed.
 */
function numRowsPatch(bytes: Uint8Array, to: bigint): Uint8Array {
  const { footer, dataEnd } = footerOf(bytes);
  const from = BigInt(metadataOf(bytes).num_rows);
  const pattern = [0x16, ...compactI64(from), 0x19];
  const hits: number[] = [];
  for (let i = 0; i + pattern.length <= footer.length; i++) if (pattern.every((b, k) => footer[i + k] === b)) hits.push(i);
  expect(hits).toHaveLength(1);
  const at = hits[0] as number;
  const patched = [...footer.subarray(0, at + 1), ...compactI64(to), ...footer.subarray(at + pattern.length - 1)];
  const out = new Uint8Array(dataEnd + patched.length + 8);
  out.set(bytes.subarray(0, dataEnd));
  out.set(patched, dataEnd);
  new DataView(out.buffer).setUint32(dataEnd + patched.length, patched.length, true);
  out.set([0x50, 0x41, 0x52, 0x31], out.length - 4);
  return out;
}

/** hyparquet's decode of the footer (it reads the length and magic after it too). */
function metadataOf(bytes: Uint8Array): FileMetaData {
  return parquetMetadata(bytes.slice(footerOf(bytes).dataEnd));
}

async function failure(run: () => Promise<unknown>): Promise<{ code: string; message: string; source?: string }> {
  try {
    await run();
    return { code: 'value', message: '' };
  } catch (error) {
    if (!isShiplensError(error)) return { code: `untyped ${String(error)}`, message: '' };
    return { code: error.code, message: error.message, source: error.source };
  }
}

describe('Parquet footer counts and ranges are checked at open (parquetFooterRegression)', () => {
  const rows = BigInt(metadataOf(original).num_rows);

  it('the patcher is exact: re-encoding the same num_rows opens as the original', async () => {
    expect(rows).toBe(50_000n);
    const same = numRowsPatch(original, rows);
    expect(Buffer.from(same).equals(Buffer.from(original))).toBe(true);
    const table = await parquetTable(byteSourceFromBytes(same, name));
    expect(table.numRows).toBe(50_000);
  });

  // Issue 14: DuckDB and Arrow read a file whose footer num_rows disagrees with its row groups;
  // the row groups win, with a warning (it was PARQUET_CORRUPT before).
  it.each([
    [2n ** 53n + 7n, '9007199254740999'],
    [2n ** 63n - 1n, '9223372036854775807'],
    [-5n, '-5'],
    [50_001n, '50001'],
    [0n, '0'],
  ])('num_rows %s: the 5 row groups win (50,000 rows read), with a warning in the schema and the table', async (to, said) => {
    const bytes = numRowsPatch(original, to);
    expect(BigInt(metadataOf(bytes).num_rows)).toBe(to);
    const warning = `The Parquet footer declares ${said} rows, but its 5 row groups hold 50000; read 50000 rows.`;
    const schema = await parquetSchemaRead(byteSourceFromBytes(bytes, name));
    expect([schema.numRows, schema.warnings]).toEqual([50_000, [warning]]);
    const warnings: TableWarning[] = [];
    const table = await parquetTable(byteSourceFromBytes(bytes, name), { warnings });
    expect([table.numRows, warnings]).toEqual([50_000, [{ message: warning }]]);
    const last = await table.readRows(49_999, 10);
    expect(last.map((row) => row[0])).toEqual([9007199254740992n + 49_999n]);
  });

  function metadataWith(edit: (metadata: FileMetaData) => void): FileMetaData {
    const metadata = metadataOf(original);
    edit(metadata);
    return metadata;
  }

  it('a column chunk past the footer, or before the head magic, is PARQUET_CORRUPT (metadata handed in)', async () => {
    const { dataEnd } = footerOf(original);
    const source = byteSourceFromBytes(original, name);
    const past = metadataWith((m) => {
      const meta = m.row_groups[1]?.columns[2]?.meta_data;
      if (meta) meta.total_compressed_size = BigInt(dataEnd);
    });
    const outcome = await failure(() => parquetTable(source, { metadata: past }));
    expect(outcome).toMatchObject({ code: 'PARQUET_CORRUPT', source: name });
    expect(outcome.message).toMatch(
      new RegExp(
        `^Row group 1, column 2 \\(flag\\) claims bytes \\d+\\+${dataEnd}, outside the data of the file \\(bytes 4 to ${dataEnd}\\)\\.$`,
      ),
    );
    const before = metadataWith((m) => {
      const meta = m.row_groups[0]?.columns[0]?.meta_data;
      if (meta) {
        meta.dictionary_page_offset = undefined;
        meta.data_page_offset = 2n;
      }
    });
    expect(await failure(() => parquetTable(source, { metadata: before }))).toMatchObject({ code: 'PARQUET_CORRUPT', source: name });
  });

  it('a row group with a negative count is PARQUET_CORRUPT (metadata handed in)', async () => {
    const negative = metadataWith((m) => {
      const group = m.row_groups[2];
      if (group) group.num_rows = -1n;
    });
    expect(await failure(() => parquetTable(byteSourceFromBytes(original, name), { metadata: negative }))).toEqual({
      code: 'PARQUET_CORRUPT',
      message: 'Row group 2 declares -1 rows, which is not a row count (0 to 2^53 - 1).',
      source: name,
    });
  });
});
