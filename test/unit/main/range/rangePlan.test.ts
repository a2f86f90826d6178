import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rangePlan } from '../../../../main/range/rangePlan';
import { rangeRuleFromOptions, rangeSpecCreate } from '../../../../main/range/rangeSpec';
import { LocalFolderStorage } from '../../../../main/storage/localFolderStorage';

// Keys written by hand (SPEC §1): partition %Y/%m/%d/%H/%M in +08:00, 5-minute tasks.
const root = mkdtempSync(path.join(tmpdir(), 'rangePlan-'));
const ms = (iso: string) => Date.parse(iso);
const ns = (iso: string) => `${ms(iso)}000000`.padStart(19, '0');
function put(key: string, bytes: number): void {
  mkdirSync(path.dirname(path.join(root, key)), { recursive: true });
  writeFileSync(path.join(root, key), Buffer.alloc(bytes));
}
put(`logs/2026/12/04/09/55_${ns('2026-12-04T01:55:00Z')}_0.snappy`, 10); // before the window
put(`logs/2026/12/04/10/00_${ns('2026-12-04T02:00:00Z')}_0.snappy`, 11); // at from: in
put(`logs/2026/12/04/10/05_${ns('2026-12-04T02:05:00Z')}_1.snappy`, 12);
put(`logs/2026/12/04/10/05_${ns('2026-12-04T02:05:00Z')}_0.snappy`, 13);
put(`logs/2026/12/04/11/00_${ns('2026-12-04T03:00:00Z')}_0.snappy`, 14); // lag: holds logs of 10:55-11:00
put(`logs/2026/12/04/11/14_${ns('2026-12-04T03:14:00Z')}_0.snappy`, 15); // lag within 300 s + 10 min
put(`logs/2026/12/04/11/15_${ns('2026-12-04T03:15:00Z')}_0.snappy`, 16); // past the lag: out
put(`logs/2026/12/04/10/10_${ns('2026-12-04T02:10:00Z')}_0.csv`, 17); // another format: skipped
put('logs/2026/12/04/10/README', 18); // not a shipped key: skipped
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rangePlan', () => {
  const rule = rangeRuleFromOptions({ partitionFormat: '%Y/%m/%d/%H/%M', storage: 'json', compression: 'snappy', timeZone: '+08:00' });
  const spec = rangeSpecCreate({ prefix: 'logs/', rule, fromMs: ms('2026-12-04T02:00:00Z'), toMs: ms('2026-12-04T03:00:00Z') });

  it('keeps task times in [from, to + interval + slack), in task-time then key order', async () => {
    const plan = await rangePlan(new LocalFolderStorage(root), spec);
    expect(plan.objects.map((o) => `${o.key}:${o.size}`)).toEqual([
      `logs/2026/12/04/10/00_${ns('2026-12-04T02:00:00Z')}_0.snappy:11`,
      `logs/2026/12/04/10/05_${ns('2026-12-04T02:05:00Z')}_0.snappy:13`,
      `logs/2026/12/04/10/05_${ns('2026-12-04T02:05:00Z')}_1.snappy:12`,
      `logs/2026/12/04/11/00_${ns('2026-12-04T03:00:00Z')}_0.snappy:14`,
      `logs/2026/12/04/11/14_${ns('2026-12-04T03:14:00Z')}_0.snappy:15`,
    ]);
    expect(plan.totals).toEqual({ objects: 5, bytes: 65, partitions: 4 });
    expect(plan.objects[0]).toMatchObject({
      partitionPath: '2026/12/04/10/00',
      taskTimeNs: ns('2026-12-04T02:00:00Z'),
      format: 'json',
      compression: 'snappy',
      hiveColumns: {},
    });
    expect(plan.skipped.map((s) => s.key).sort()).toEqual([
      `logs/2026/12/04/10/10_${ns('2026-12-04T02:10:00Z')}_0.csv`,
      'logs/2026/12/04/10/README',
    ]);
    expect(plan.listing.prefixes).toEqual(['logs/2026/12/04/10/', 'logs/2026/12/04/11/']);
  });

  it('gives Hive columns of a name=value format', async () => {
    put(`hive/ds=20261204/hr=10/m05_${ns('2026-12-04T02:05:00Z')}_0.snappy`, 5);
    const hiveRule = rangeRuleFromOptions({ partitionFormat: 'ds=%Y%m%d/hr=%H/m%M', timeZone: '+08:00' });
    const plan = await rangePlan(
      new LocalFolderStorage(root),
      rangeSpecCreate({ prefix: 'hive', rule: hiveRule, fromMs: spec.fromMs, toMs: spec.toMs }),
    );
    expect(plan.objects.map((o) => o.hiveColumns)).toEqual([{ ds: '20261204', hr: '10' }]);
  });

  it('refuses an empty window and an unknown directive', () => {
    expect(() => rangeSpecCreate({ ...spec, toMs: spec.fromMs })).toThrow(expect.objectContaining({ code: 'TIME_INVALID' }));
    expect(() => rangeRuleFromOptions({ partitionFormat: '%Y/%q' })).toThrow(expect.objectContaining({ code: 'PARTITION_FORMAT_INVALID' }));
  });
});
