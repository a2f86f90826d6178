import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiInputs, apiMethods } from '../../../../main/api/contract';
import { apiDispatch, apiMethodKnown, errorInfoSafe } from '../../../../main/api/dispatch';
import { ShiplensError } from '../../../../core/errors';
import { secretRemember } from '../../../../main/services/secrets';
import type { ApiServices } from '../../../../main/services/types';

/** Services that record every property touched (a validated-out call must touch none). */
function recordingServices(): { services: ApiServices; touched: string[] } {
  const touched: string[] = [];
  const trap = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_t, prop) => {
        touched.push(`${path}.${String(prop)}`);
        return trap(`${path}.${String(prop)}`);
      },
      apply: () => {
        touched.push(`${path}()`);
        throw new ShiplensError('INTERNAL', 'fake service');
      },
    });
  return { services: trap('services') as ApiServices, touched };
}

const badArgs: [string, unknown, string][] = [
  ['browse.list', { prefix: 5 }, 'prefix'],
  ['browse.list', { prefix: '', maxKeys: 0 }, 'maxKeys'],
  ['browse.list', { prefix: '', delimiter: '|' }, 'delimiter'],
  ['browse.list', { prefix: '', extra: 1 }, '(argument)'],
  ['object.inspect', { key: '' }, 'key'],
  ['object.inspect', { key: 'a', format: 'xml' }, 'format'],
  ['table.open', { key: 'x'.repeat(1025) }, 'key'],
  ['table.open', { key: 'k', jobId: '../etc' }, 'jobId'],
  ['table.open', { key: 'k', dialect: { delimiter: ',,' } }, 'dialect.delimiter'],
  ['table.rows', { tableId: 't', offset: -1, limit: 1 }, 'offset'],
  ['table.rows', { tableId: 't', offset: 0, limit: 10_001 }, 'limit'],
  ['table.raw', { tableId: 't', offset: 0, length: 1.5 }, 'length'],
  ['export.csv', { tableId: 't', fileName: '' }, 'fileName'],
  ['export.csv', { tableId: 't', fileName: 'a.csv', delimiter: '' }, 'delimiter'],
  ['decompress.file', { uploadId: 'a/b' }, 'uploadId'],
  ['settings.set', { maxDecodeBytes: 5 }, 'maxDecodeBytes'],
  ['settings.set', { language: 'fr' }, 'language'],
  ['connection.openOss', { bucket: 'ab' }, 'bucket'],
  ['profiles.save', { name: '', bucket: 'abc' }, 'name'],
  ['jobs.cancel', {}, 'jobId'],
  ['rules.simulate', { rule: {}, logs: [], taskTimeNs: '-1', taskNumber: 0 }, 'taskTimeNs'],
  ['app.info', { x: 1 }, '(argument)'],
  ['app.info', 'string', '(argument)'],
  ['browse.list', [1, 2], '(argument)'],
];

describe('apiDispatch', () => {
  it.each(badArgs)('rejects bad arguments of %s (case %#) with INVALID_ARGUMENT, before any service', async (method, arg, field) => {
    const { services, touched } = recordingServices();
    const response = await apiDispatch(services, method, arg);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('INVALID_ARGUMENT');
    expect(response.error.source).toBe(field);
    expect(response.error.message).toContain(`"${field}"`);
    expect(touched).toEqual([]);
  });

  it.each(['nope', '__proto__', 'constructor', 'toString', 'app.info ', '', 42, null])('answers UNKNOWN_METHOD for %j', async (method) => {
    const { services, touched } = recordingServices();
    const response = await apiDispatch(services, method, {});
    expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(touched).toEqual([]);
  });

  it('turns a handler throw into the error info, never a throw', async () => {
    const { services } = recordingServices();
    const response = await apiDispatch(services, 'settings.get', {});
    expect(response).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'fake service' } });
  });

  it('never throws and never reaches a service on fuzzed junk', async () => {
    const junk = fc.anything({
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
    });
    const method = fc.oneof(fc.constantFrom(...apiMethods), fc.string(), fc.anything());
    await fc.assert(
      fc.asyncProperty(method, junk, async (m, arg) => {
        const { services, touched } = recordingServices();
        const response = await apiDispatch(services, m, arg);
        expect(typeof response.ok).toBe('boolean');
        if (!apiMethodKnown(m)) {
          expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
          expect(touched).toEqual([]);
        } else if (!apiInputs[m].safeParse(arg ?? {}).success) {
          expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
          expect(touched).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('errorInfoSafe', () => {
  it('drops stacks and causes and redacts remembered secrets', () => {
    secretRemember('TopSecretValue123');
    const error = new Error('auth failed for TopSecretValue123');
    const info = errorInfoSafe(error);
    expect(info.code).toBe('INTERNAL');
    expect(info.message).toBe('auth failed for ***');
    expect(JSON.stringify(info)).not.toContain('dispatch.test');
    expect(Object.keys(info).sort()).toEqual(['code', 'hint', 'message']);
  });
});
