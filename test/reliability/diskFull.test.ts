// Issue 12 §3-§5 soak: decode and export onto a disk too small for them (a tmpfs), and next to
// hostile `.part` files. Every run must end with exit 1 naming the disk, no file, no part and
// every block of the disk given back; hostile parts and their victims stay as they were.
// `npm test` runs small sizes; `npm run soak` (SHIPLENS_SOAK=1) bigger ones and more rounds.
// Mounting a tmpfs needs root: without it the disk-full cases are skipped (stated below).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, statfsSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliCapture } from '../integration/cliHelpers';

const soak = Boolean(process.env.SHIPLENS_SOAK);
const sizes = soak ? { lines: 1_000_000, diskMb: 32, rounds: 3 } : { lines: 30_000, diskMb: 1, rounds: 2 };
const timeoutMs = soak ? 600_000 : 60_000;
const work = mkdtempSync(path.join(os.tmpdir(), 'shiplens-disk-full-'));
const disk = path.join(work, 'disk');
const input = path.join(work, 'in.json');
const mounted = tmpfsMount();

// At load time, so the disk-full cases can be skipped by name when mounting is not permitted.
function tmpfsMount(): boolean {
  mkdirSync(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizes.diskMb}m`, 'tmpfs', disk], { stdio: 'ignore' });
    return true;
  } catch {
    console.log('disk full: tmpfs mount not permitted here (needs root); disk-full cases skipped');
    return false;
  }
}

function line(i: number): string {
  return `{"n":${i},"msg":"row ${i} of the disk-full soak"}\n`;
}

beforeAll(() => {
  writeFileSync(input, Array.from({ length: sizes.lines }, (_, i) => line(i)).join(''));
  // python3-snappy writes the compressed input (an independent writer, raw block format).
  execFileSync('/usr/bin/python3', [
    '-c',
    'import snappy,sys; open(sys.argv[2],"wb").write(snappy.compress(open(sys.argv[1],"rb").read()))',
    input,
    `${input}.snappy`,
  ]);
}, timeoutMs);

afterAll(() => {
  if (mounted) execFileSync('umount', [disk]);
  rmSync(work, { recursive: true, force: true });
});

function freeBlocks(): number {
  return statfsSync(disk).bfree;
}

describe.runIf(mounted)(`a full disk (${soak ? 'soak' : 'short'} sizes: ${sizes.lines} lines onto ${sizes.diskMb} MiB)`, () => {
  it.each(['decode', 'export'])(
    `%s fails cleanly ${sizes.rounds} times: exit 1 naming the disk, no file, no part, no block kept`,
    async (command) => {
      const free = freeBlocks();
      const started = performance.now();
      for (let round = 0; round < sizes.rounds; round++) {
        const args =
          command === 'decode'
            ? ['decode', `${input}.snappy`, '-o', path.join(disk, 'out.json')]
            : ['export', input, '-o', path.join(disk, 'out.csv')];
        const result = await cliCapture(args);
        expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: '' });
        expect(result.stderr).toMatch(
          new RegExp(
            `^shiplens: ${disk}/out\\.(json|csv): The disk is full: no space left in ${disk}\\. \\(Free some space or choose another folder\\.\\)\\n$`,
          ),
        );
        expect(readdirSync(disk)).toEqual([]);
        expect(freeBlocks()).toBe(free);
      }
      console.log(
        `disk full ${command} ${JSON.stringify({ rounds: sizes.rounds, inputBytes: readFileSync(input).length, msPerRound: Math.round((performance.now() - started) / sizes.rounds), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}`,
      );
    },
    timeoutMs,
  );
});

describe('hostile .part files next to the target', () => {
  it(
    'decode and export leave planted links, their victims and foreign parts untouched',
    async () => {
      const dir = mkdtempSync(path.join(work, 'hostile-'));
      writeFileSync(path.join(dir, 'victim'), 'victim\n');
      symlinkSync(path.join(dir, 'victim'), path.join(dir, 'x.json.part'));
      symlinkSync(path.join(dir, 'missing'), path.join(dir, 'y.csv.part'));
      writeFileSync(path.join(dir, 'z.csv.part'), 'foreign\n');
      expect((await cliCapture(['decode', `${input}.snappy`, '-o', path.join(dir, 'x.json')])).code).toBe(0);
      expect((await cliCapture(['export', input, '-o', path.join(dir, 'y.csv')])).code).toBe(0);
      expect((await cliCapture(['export', input, '-o', path.join(dir, 'z.csv')])).code).toBe(0);
      expect(readFileSync(path.join(dir, 'x.json')).equals(readFileSync(input))).toBe(true);
      const csv = readFileSync(path.join(dir, 'y.csv'), 'utf8');
      expect(csv.startsWith('n,msg\r\n0,row 0 of the disk-full soak\r\n')).toBe(true);
      expect(csv.split('\r\n')).toHaveLength(sizes.lines + 2);
      expect(readFileSync(path.join(dir, 'victim'), 'utf8')).toBe('victim\n');
      expect(readlinkSync(path.join(dir, 'x.json.part'))).toBe(path.join(dir, 'victim'));
      expect(readlinkSync(path.join(dir, 'y.csv.part'))).toBe(path.join(dir, 'missing'));
      expect(readFileSync(path.join(dir, 'z.csv.part'), 'utf8')).toBe('foreign\n');
      expect(readdirSync(dir).sort()).toEqual(['victim', 'x.json', 'x.json.part', 'y.csv', 'y.csv.part', 'z.csv', 'z.csv.part']);
    },
    timeoutMs,
  );
});
