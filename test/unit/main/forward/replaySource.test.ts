import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForwardItem } from '../../../../main/forward/forwardTypes';
import { replayItems } from '../../../../main/forward/replaySource';
import type { ReplayOptions } from '../../../../main/forward/replaySource';
import type { RangePlan } from '../../../../main/range/rangePlan';
import { LocalFolderStorage } from '../../../../main/storage/localFolderStorage';

let root = '';
const keys = ['2026/11/25/10/05_1795572300000000000_1', '2026/11/25/10/10_1795572600000000000_2'];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fwd-replay-'));
  keys.forEach((key, i) => {
    mkdirSync(join(root, key, '..'), { recursive: true });
    // Plain JSON lines (no compression): three logs each, the first of the second object outside the window.
    const lines = [0, 1, 2].map((j) =>
      JSON.stringify({ __time__: i === 1 && j === 0 ? 1795573500 : 1795572000 + i * 300 + j, seq: `${i}-${j}` }),
    );
    writeFileSync(join(root, key), `${lines.join('\n')}\n`);
  });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function plan(): ReplayOptions['plan'] {
  const objects = keys.map((key) => ({ key, format: 'json', compression: 'none' })) as unknown as RangePlan['objects'];
  const rule = {
    partitionFormat: '%Y/%m/%d/%H/%M',
    format: 'json',
    compression: 'none',
    timeZone: '+08:00',
    bufferIntervalSec: 300,
  } as const;
  return { objects, spec: { prefix: '', rule, fromMs: 1795572000_000, toMs: 1795572900_000 } };
}

async function all(options: Partial<ReplayOptions>): Promise<{ items: ForwardItem[]; skipped: number }> {
  let skipped = 0;
  const items: ForwardItem[] = [];
  for await (const chunk of replayItems({
    storage: new LocalFolderStorage(root),
    plan: plan(),
    resume: null,
    onSkip: () => skipped++,
    ...options,
  }))
    items.push(...chunk);
  return { items, skipped };
}

describe('replayItems', () => {
  it('reads the objects in order with key + line positions, and skips logs outside the window', async () => {
    const { items, skipped } = await all({});
    expect(items.map((i) => [i.position.key.slice(14, 16), i.position.line, i.record.seq])).toEqual([
      ['05', 1, '0-0'],
      ['05', 2, '0-1'],
      ['05', 3, '0-2'],
      ['10', 2, '1-1'],
      ['10', 3, '1-2'],
    ]);
    expect(skipped).toBe(1);
    expect(items[0]?.record).toEqual({ __time__: 1795572000, seq: '0-0' });
    expect(items[0]?.json).toBe('{"__time__":1795572000,"seq":"0-0"}');
  });

  it('resumes after the checkpoint: later lines of its object, then the next objects', async () => {
    const { items } = await all({ resume: { key: keys[0] as string, line: 2 } });
    expect(items.map((i) => i.record.seq)).toEqual(['0-2', '1-1', '1-2']);
    const end = await all({ resume: { key: keys[1] as string, line: 3 } });
    expect(end.items).toEqual([]);
  });

  it('refuses a checkpoint naming an object the range no longer has', async () => {
    await expect(all({ resume: { key: 'gone/00_1_1', line: 1 } })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'The checkpoint names gone/00_1_1, which is not an object of this range.',
    });
  });
});
