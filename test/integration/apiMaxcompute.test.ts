// maxcompute.* through apiDispatch on real services: validation errors, job import, schedule, policies, save.
import { mkdtemp, readFile, readdir, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDispatch } from '../../main/api/dispatch';
import type { ApiServices } from '../../main/services/types';
import { servicesCreate } from '../../main/services/wiring';
import { jobSchema, policySchema } from '../unit/core/maxcompute/jobSchema';
import { repoRoot } from './cliHelpers';
import { tempDir } from './serverHelpers';

let root: string;
let services: ApiServices;

beforeAll(async () => {
  root = await tempDir('maxcompute');
  services = servicesCreate({ mode: 'browser', dataDir: join(root, 'data'), outputDir: join(root, 'out') });
});

describe('maxcompute.*', () => {
  it('imports the document job and validates it; generates from fields', async () => {
    const text = readFileSync(join(repoRoot, 'test/fixtures/maxcompute/documentJob.json'), 'utf8');
    const imported = await apiDispatch(services, 'maxcompute.job', { text });
    expect(imported).toMatchObject({ ok: true, value: { issues: [], writeMode: { statement: 'INSERT OVERWRITE' } } });
    const generated = await apiDispatch(services, 'maxcompute.job', {
      fields: { datasource: 'sls', logstore: 'app-log', table: 't', columns: ['ip', 'status'] },
      types: { status: 'int64' },
    });
    if (!generated.ok) throw new Error(generated.error.message);
    const value = generated.value as { json: string; tableSql: string };
    expect(jobSchema.safeParse(JSON.parse(value.json)).success).toBe(true);
    expect(value.tableSql).toContain("`status` BIGINT COMMENT 'log field status'");
    expect(await apiDispatch(services, 'maxcompute.job', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('expands a schedule and refuses a bad interval as a coded error', async () => {
    const r = await apiDispatch(services, 'maxcompute.schedule', {
      begin: '$[yyyymmddhh24miss-10/24/60]',
      end: '$[yyyymmddhh24miss-5/24/60]',
      fromMs: Date.parse('2017-01-20T23:58:00+08:00'),
      runs: 1,
    });
    expect(r).toMatchObject({
      ok: true,
      value: { runs: [{ run: '20170121000000', begin: '20170120235000', end: '20170120235500' }], gaps: 0 },
    });
    expect(
      await apiDispatch(services, 'maxcompute.schedule', {
        begin: '$[yyyymmddhh24miss]',
        end: '$[yyyymmddhh24miss]',
        every: '7s',
        fromMs: 0,
        runs: 1,
      }),
    ).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: '"7s" is not an interval.', hint: 'Use minutes or hours, e.g. 5m or 1h' },
    });
  });

  it('generates policies or says what is wrong', async () => {
    const ok = await apiDispatch(services, 'maxcompute.policy', { kind: 'trust', shippingAccountId: '1234567890123456' });
    if (!ok.ok) throw new Error(ok.error.message);
    expect(policySchema.safeParse(JSON.parse((ok.value as { json: string }).json)).success).toBe(true);
    const bad = await apiDispatch(services, 'maxcompute.policy', { kind: 'passrole', bucketAccountId: '1', roleName: 'r' });
    expect(bad).toMatchObject({ ok: true, value: { json: null, issues: [{ path: 'bucketAccountId', code: 'VALUE' }] } });
  });

  it('saves into the output folder without overwriting, and refuses names outside it', async () => {
    const saved = await apiDispatch(services, 'maxcompute.save', { fileName: 'job.json', text: '{}\n' });
    expect(saved).toEqual({ ok: true, value: { path: join(root, 'out', 'job.json'), bytes: 3 } });
    expect(await readFile(join(root, 'out', 'job.json'), 'utf8')).toBe('{}\n');
    expect(await apiDispatch(services, 'maxcompute.save', { fileName: 'job.json', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'FILE_EXISTS' },
    });
    const outside = await apiDispatch(services, 'maxcompute.save', { fileName: '../x.json', text: 'x' });
    expect(outside.ok).toBe(false);
    // A folder link inside the output folder leads elsewhere: refused, nothing written there.
    const elsewhere = await mkdtemp(join(tmpdir(), 'shiplens-elsewhere-'));
    await symlink(elsewhere, join(root, 'out', 'lnk'));
    expect(await apiDispatch(services, 'maxcompute.save', { fileName: 'lnk/job.json', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'PATH_OUTSIDE_ROOT' },
    });
    expect(await readdir(elsewhere)).toEqual([]);
  });
});
