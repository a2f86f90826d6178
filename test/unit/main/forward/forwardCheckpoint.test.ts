import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forwardCheckpointDefaultPath, forwardCheckpointRead, forwardCheckpointWrite } from '../../../../main/forward/forwardCheckpoint';
import type { ForwardCheckpoint } from '../../../../main/forward/forwardCheckpoint';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'fwd-cp-'));
  dirs.push(d);
  return d;
}

const cp: ForwardCheckpoint = {
  version: 1,
  range: 'r',
  sink: 's',
  position: { key: 'a/b_1_2.snappy', line: 40 },
  done: false,
  acknowledged: 40,
  deadLettered: 0,
};

describe('forward checkpoint', () => {
  it('round-trips through the safe writer and leaves no temp file', async () => {
    const path = join(temp(), 'sub', 'cp.json');
    expect(await forwardCheckpointRead(path, 'r', 's')).toBeNull();
    await forwardCheckpointWrite(path, cp);
    await forwardCheckpointWrite(path, { ...cp, position: { key: 'a/b_1_2.snappy', line: 80 }, acknowledged: 80 });
    expect(await forwardCheckpointRead(path, 'r', 's')).toEqual({ ...cp, position: { key: 'a/b_1_2.snappy', line: 80 }, acknowledged: 80 });
    expect(readdirSync(join(path, '..'))).toEqual(['cp.json']);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('refuses a checkpoint of another range or sink, and a damaged one', async () => {
    const path = join(temp(), 'cp.json');
    await forwardCheckpointWrite(path, cp);
    await expect(forwardCheckpointRead(path, 'other', 's')).rejects.toThrow('The checkpoint belongs to another replay (r → s).');
    writeFileSync(path, '{"version":1,');
    await expect(forwardCheckpointRead(path, 'r', 's')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'The checkpoint file is not valid: not JSON.',
      source: path,
    });
    writeFileSync(path, JSON.stringify({ ...cp, position: { key: 'k', line: -1 } }));
    await expect(forwardCheckpointRead(path, 'r', 's')).rejects.toThrow('The checkpoint file is not valid: bad position.');
  });

  it('keys the default path by range and sink', () => {
    const a = forwardCheckpointDefaultPath('/data', 'r1', 's');
    expect(a).toMatch(/^\/data\/forward\/[0-9a-f]{24}\.checkpoint\.json$/);
    expect(forwardCheckpointDefaultPath('/data', 'r1', 's')).toBe(a);
    expect(forwardCheckpointDefaultPath('/data', 'r2', 's')).not.toBe(a);
    expect(forwardCheckpointDefaultPath('/data', 'r1', 's2')).not.toBe(a);
  });
});
