import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { logGroupListDecode, lz4BlockDecode } from '../../../../main/forward/logstoreDecode';
import { logGroupListEncode, lz4Block } from '../../../servers/slsConsumerGroups';

// Independent LZ4 block codec: Debian python3-lz4 (liblz4), `apt-get install python3-lz4`.
function python(script: string, input: Buffer): Buffer {
  return execFileSync('/usr/bin/python3', ['-c', `import sys, lz4.block\ndata = sys.stdin.buffer.read()\n${script}`], { input });
}

// One LogGroup written out by hand from the public log.proto (field numbers and wire types).
const handLogGroupList = Buffer.from([
  0x0a,
  0x1b, //                 LogGroupList.logGroupList (1, LEN) 27 bytes
  0x0a,
  0x13, //                   LogGroup.Logs (1, LEN) 19 bytes
  0x08,
  0x80,
  0xe2,
  0xcf,
  0xaa,
  0x06, // Log.Time (1, varint) 1700000000
  0x12,
  0x06,
  0x0a,
  0x01,
  0x61,
  0x12,
  0x01,
  0x62, // Log.Contents (2): Key "a", Value "b"
  0x25,
  0x07,
  0x00,
  0x00,
  0x00, //   Log.Time_ns (4, fixed32) 7
  0x1a,
  0x01,
  0x74, //             LogGroup.Topic (3) "t"
  0x22,
  0x01,
  0x73, //             LogGroup.Source (4) "s"
]);

describe('PullLogs body decoding', () => {
  it('reads a hand-written LogGroupList protobuf', () => {
    expect(logGroupListDecode(handLogGroupList, 't')).toEqual([
      { __time__: 1700000000, __time_ns_part__: 7, __topic__: 't', __source__: 's', a: 'b' },
    ]);
  });

  it('the test server writes the same bytes as the hand-written protobuf', () => {
    const encoded = logGroupListEncode([
      { receiveSec: 0, Logs: [{ Time: 1700000000, Time_ns: 7, Contents: [{ Key: 'a', Value: 'b' }] }], Topic: 't', Source: 's' },
    ]);
    expect(Buffer.from(encoded).toString('hex')).toBe(handLogGroupList.toString('hex'));
  });

  it('decodes LZ4 blocks written by liblz4 (python3-lz4), compressible and not', () => {
    const raw = Buffer.from(`${'{"k":"value","n":1}'.repeat(500)}tail-${'x'.repeat(300)}`);
    const block = python('sys.stdout.buffer.write(lz4.block.compress(data, store_size=False))', raw);
    expect(block.length).toBeLessThan(raw.length / 5);
    expect(Buffer.from(lz4BlockDecode(block, raw.length, 't')).equals(raw)).toBe(true);
    const random = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919) % 251));
    const stored = python('sys.stdout.buffer.write(lz4.block.compress(data, store_size=False))', random);
    expect(Buffer.from(lz4BlockDecode(stored, random.length, 't')).equals(random)).toBe(true);
  });

  it("the test server's LZ4 blocks decode with liblz4", () => {
    for (const raw of [Buffer.from('abc'.repeat(1000)), Buffer.from(Array.from({ length: 270 }, (_, i) => (i * 31) % 256))]) {
      const back = python(`sys.stdout.buffer.write(lz4.block.decompress(data, uncompressed_size=${raw.length}))`, lz4Block(raw));
      expect(back.equals(raw)).toBe(true);
    }
  });

  it('refuses a block whose size disagrees with x-log-bodyrawsize, and a damaged protobuf', () => {
    const block = lz4Block(Buffer.from('abc'.repeat(100)));
    expect(() => lz4BlockDecode(block, 299, 'p/l shard 0')).toThrow(
      'PullLogs body is not a valid LZ4 block: it decodes to 300 bytes, x-log-bodyrawsize says 299.',
    );
    expect(() => lz4BlockDecode(block, 100 * 1024 * 1024, 'p/l shard 0')).toThrow('over the 67108864-byte limit');
    expect(() => logGroupListDecode(handLogGroupList.subarray(0, 10), 'p/l shard 0')).toThrow(/^PullLogs body is not a LogGroupList: /);
  });
});
