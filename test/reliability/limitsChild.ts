// Child-process scenarios for limits.test.ts: hostile declared sizes must be refused before
// anything of that size is allocated. Prints one JSON line of ChildFigures.
import { readFileSync } from 'node:fs';
import { byteSourceFromBytes } from '../../core/bytes/byteSource';
import { snappyDecode } from '../../core/codecs/snappy';
import { jsonLinesTable } from '../../core/formats/jsonLines';
import { parquetSchemaRead, parquetTable } from '../../core/formats/parquet';
import { tableOpen } from '../../core/formats/tableOpen';
import { nativeRawBlockDecoder } from '../../main/codecs/nativeSnappy';
import { measureStep } from './measure';
import { varint, be32 } from '../unit/core/codecs/snappy/snappyTestBytes';

const fourGb = 4_000_000_000;
const fourGbBlock = Uint8Array.from([...varint(fourGb), 0x00, 0x61, ...new Array(64).fill(0x01)]);

/** A Parquet file: PAR1, then a footer (compact thrift) and its length, then PAR1. */
function parquetWithFooter(footer: number[], footerLengthOverride?: number): Uint8Array {
  const length = footerLengthOverride ?? footer.length;
  return Uint8Array.from([
    0x50,
    0x41,
    0x52,
    0x31,
    ...footer,
    length & 0xff,
    (length >>> 8) & 0xff,
    (length >>> 16) & 0xff,
    (length >>> 24) & 0xff,
    0x50,
    0x41,
    0x52,
    0x31,
  ]);
}

function varintAt(bytes: Uint8Array, at: number): { value: number; end: number } {
  let value = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const b = bytes[pos++] as number;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return { value, end: pos };
  }
}

/**
 * Rewrite the first data page header (at byte 4: field 1 type, 2 uncompressed size, 3 compressed
 * size) to declare `size` uncompressed bytes. The page data loses as many bytes as the header
 * gains, and field 3 says so, so the page still ends where the column chunk expects it.
 */
function pageHeaderAbsurd(file: Uint8Array, size: number): Uint8Array {
  const at = 4;
  if (file[at] !== 0x15 || file[at + 2] !== 0x15) throw new Error('unexpected page header');
  const uncompressed = varintAt(file, at + 3);
  if (file[uncompressed.end] !== 0x15) throw new Error('unexpected page header');
  const compressed = varintAt(file, uncompressed.end + 1);
  const newUncompressed = varint(size * 2);
  const grow = newUncompressed.length - (uncompressed.end - at - 3);
  const newCompressed = varint(compressed.value - grow * 2);
  if (newCompressed.length !== compressed.end - uncompressed.end - 1) throw new Error('compressed size varint changed length');
  const dataEnd = compressed.end + ((compressed.value / 2) | 0);
  const header = [...file.subarray(0, at + 3), ...newUncompressed, 0x15, ...newCompressed];
  // Keep the rest of the header; drop `grow` bytes at the end of the page data.
  const rest = [...file.subarray(compressed.end, dataEnd - grow), ...file.subarray(dataEnd)];
  return Uint8Array.from([...header, ...rest]);
}

const scenarios: Record<string, (arg?: string) => Promise<Record<string, unknown> | void>> = {
  async 'snappy-raw-4gb'() {
    await snappyDecode(fourGbBlock, { source: 'x.snappy' });
  },
  // Even with the limit raised past 4 GB, 70 bytes cannot expand to 4 GB: refused on arithmetic.
  async 'snappy-raw-4gb-limit-raised'() {
    await snappyDecode(fourGbBlock, { source: 'x.snappy', maxDecodeBytes: 8 * 1024 ** 3 });
  },
  async 'snappy-raw-4gb-native'() {
    const native = nativeRawBlockDecoder();
    await snappyDecode(fourGbBlock, { variant: 'raw', rawDecoder: native ?? undefined, maxDecodeBytes: 8 * 1024 ** 3 });
    return { native: native !== null };
  },
  async 'snappy-java-4gb'() {
    await snappyDecode(
      Uint8Array.from([
        0x82,
        0x53,
        0x4e,
        0x41,
        0x50,
        0x50,
        0x59,
        0x00,
        0,
        0,
        0,
        1,
        0,
        0,
        0,
        1,
        ...be32(fourGbBlock.length),
        ...fourGbBlock,
      ]),
    );
  },
  async 'snappy-hadoop-4gb'() {
    await snappyDecode(Uint8Array.from([...be32(fourGb), ...be32(fourGbBlock.length), ...fourGbBlock]), { variant: 'hadoop' });
  },
  async 'snappy-4gb-via-tableOpen'() {
    await tableOpen(byteSourceFromBytes(fourGbBlock, 'a_1484913043351525351_1.snappy'));
  },
  async 'parquet-footer-length-4gb'() {
    await parquetSchemaRead(byteSourceFromBytes(parquetWithFooter([0x15, 0x02, 0x00], 0xfffffff0), 'x.parquet'));
  },
  // A footer whose schema list declares 2^31-1 elements in a few bytes.
  async 'parquet-footer-list-2g'() {
    await parquetSchemaRead(byteSourceFromBytes(parquetWithFooter([0x15, 0x02, 0x19, 0xfc, ...varint(0x7fffffff), 0x00]), 'x.parquet'));
  },
  // A footer declaring a 2 GiB string.
  async 'parquet-footer-string-2g'() {
    await parquetSchemaRead(byteSourceFromBytes(parquetWithFooter([0x15, 0x02, 0x18, ...varint(0x7fffffff), 0x00]), 'x.parquet'));
  },
  async 'parquet-page-absurd'(file) {
    const bytes = pageHeaderAbsurd(new Uint8Array(readFileSync(file as string)), 0x7ffffff0);
    const reader = await parquetTable(byteSourceFromBytes(bytes, 'x.parquet'));
    await reader.readRows(0, 10);
  },
  async 'json-line-100mb'() {
    const size = 100 * 1024 * 1024;
    const line = new Uint8Array(size + 1);
    line.fill(0x61);
    line.set(new TextEncoder().encode('{"a":"'), 0);
    line.set(new TextEncoder().encode('"}\n'), size - 2);
    return runJson(line);
  },
};

let prepared: Uint8Array | null = null;
async function runJson(bytes: Uint8Array): Promise<Record<string, unknown>> {
  prepared = bytes;
  const { reader, warnings } = jsonLinesTable(prepared, { source: 'big.json' });
  return { rows: reader.numRows, warnings: warnings.map((w) => w.message) };
}

async function main(): Promise<void> {
  const [name, arg] = process.argv.slice(2);
  const scenario = scenarios[name as string];
  if (!scenario) throw new Error(`unknown scenario ${name}`);
  if (name === 'json-line-100mb') {
    // Build the input first (it costs its own 100 MB), then measure only the decode.
    const size = 100 * 1024 * 1024;
    const line = new Uint8Array(size + 1);
    line.fill(0x61);
    line.set(new TextEncoder().encode('{"a":"'), 0);
    line.set(new TextEncoder().encode('"}\n'), size - 2);
    await measureStep(() => runJson(line));
    return;
  }
  await measureStep(() => scenario(arg));
}

void main();
