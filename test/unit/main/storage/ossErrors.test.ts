import { describe, expect, it } from 'vitest';
import { ossClientOptions, ossRegionNormalize, ossWhere } from '../../../../main/storage/ossClient';
import { ossErrorIsTokenExpired, ossErrorMap } from '../../../../main/storage/ossErrors';
import { contentRangeParse } from '../../../../main/storage/ossRange';

const ctx = { bucket: 'logs-bkt', where: 'oss-cn-shanghai.aliyuncs.com', key: 'a/b.json' };

describe('ossErrorMap', () => {
  it.each([
    [{ status: 403, code: 'SignatureDoesNotMatch' }, 'AUTH_FAILED'],
    [{ status: 403, code: 'InvalidAccessKeyId' }, 'AUTH_FAILED'],
    [{ status: 403, code: 'SecurityTokenExpired' }, 'AUTH_FAILED'],
    [{ status: 403, code: 'RequestTimeTooSkewed' }, 'AUTH_FAILED'],
    [{ status: 403, code: 'AccessDenied' }, 'ACCESS_DENIED'],
    [{ status: 403 }, 'ACCESS_DENIED'],
    [{ status: 404, code: 'NoSuchBucket' }, 'NOT_FOUND'],
    [{ status: 404, code: 'NoSuchKey' }, 'NOT_FOUND'],
    [{ status: 416, code: 'InvalidRange' }, 'TRUNCATED'],
    [{ status: 429 }, 'THROTTLED'],
    [{ status: 503, code: 'ServiceUnavailable' }, 'SERVER_ERROR'],
    [{ status: -2, name: 'ResponseTimeoutError' }, 'TIMEOUT'],
    [{ name: 'ConnectionTimeoutError' }, 'TIMEOUT'],
    [{ status: -1, name: 'RequestError', code: 'ECONNREFUSED' }, 'NETWORK'],
    [{ code: 'ECONNRESET' }, 'NETWORK'],
    [{ status: 400, code: 'InvalidArgument' }, 'SERVER_ERROR'],
  ])('%j → %s', (raw, code) => {
    expect(ossErrorMap(Object.assign(new Error('raw xml: <StringToSign>secret</StringToSign>'), raw), ctx).code).toBe(code);
  });

  it('names the bucket and region for a missing bucket, and never copies the raw message', () => {
    const error = ossErrorMap(
      Object.assign(new Error('raw xml: x-oss-security-token:CAISsecret'), { status: 404, code: 'NoSuchBucket' }),
      ctx,
    );
    expect(error.hint).toContain('logs-bkt');
    expect(error.hint).toContain('oss-cn-shanghai');
    expect(JSON.stringify(error.toInfo())).not.toContain('CAISsecret');
  });

  it('says "check your network or endpoint" for network failures', () => {
    expect(ossErrorMap({ status: -1, name: 'RequestError' }, ctx).hint).toMatch(/network or endpoint/);
  });

  it('recognises expired-token answers', () => {
    expect(ossErrorIsTokenExpired({ code: 'SecurityTokenExpired' })).toBe(true);
    expect(ossErrorIsTokenExpired({ code: 'InvalidAccessKeyId' })).toBe(true);
    expect(ossErrorIsTokenExpired({ code: 'AccessDenied' })).toBe(false);
  });
});

describe('ossClientOptions', () => {
  const creds = { accessKeyId: 'id', accessKeySecret: 'secret' };
  it('builds region, internal, accelerate and custom endpoints', () => {
    expect(ossRegionNormalize('cn-hangzhou')).toBe('oss-cn-hangzhou');
    expect(ossRegionNormalize('oss-cn-hangzhou')).toBe('oss-cn-hangzhou');
    expect(ossClientOptions({ bucket: 'b', region: 'cn-beijing', internal: true, timeoutMs: 1000 }, creds)).toMatchObject({
      region: 'oss-cn-beijing',
      internal: true,
      secure: true,
    });
    expect(ossWhere({ bucket: 'b', region: 'cn-beijing', internal: true, timeoutMs: 1 })).toBe('oss-cn-beijing-internal.aliyuncs.com');
    expect(ossClientOptions({ bucket: 'b', accelerate: true, timeoutMs: 1 }, creds)).toMatchObject({
      endpoint: 'https://oss-accelerate.aliyuncs.com',
    });
    expect(ossClientOptions({ bucket: 'b', endpoint: 'http://127.0.0.1:9000', timeoutMs: 1 }, creds)).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      secure: false,
    });
    expect(ossClientOptions({ bucket: 'b', endpoint: 'oss.example.com', timeoutMs: 1 }, creds)).toMatchObject({ secure: true });
    expect(ossClientOptions({ bucket: 'b', region: 'cn-beijing', timeoutMs: 1 }, { ...creds, securityToken: 'tok' })).toMatchObject({
      stsToken: 'tok',
      retryMax: 0,
    });
  });
});

describe('contentRangeParse', () => {
  it('parses and rejects', () => {
    expect(contentRangeParse('bytes 0-9/100')).toEqual({ start: 0, end: 9, total: 100 });
    expect(contentRangeParse('bytes 5-9/*')).toEqual({ start: 5, end: 9, total: null });
    expect(contentRangeParse(undefined)).toBeNull();
    expect(contentRangeParse('bytes */100')).toBeNull();
  });
});
