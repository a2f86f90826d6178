import { describe, expect, it } from 'vitest';
import { slsPath } from '../../../../main/sls/signedRequest';
import { slsErrorFromResponse, slsErrorRetryable } from '../../../../main/sls/slsErrors';

describe('slsPath', () => {
  it('encodes name segments', () => {
    expect(slsPath`/logstores/${'a b'}/shipper/${'x/y'}`).toBe('/logstores/a%20b/shipper/x%2Fy');
  });
});

describe('slsErrorFromResponse', () => {
  const ctx = { project: 'proj', path: '/logstores/a/shipper/s/tasks', logstore: 'a', shipper: 's', requestId: 'RID1' };
  it('maps credential failures to AUTH_FAILED and RAM denials to ACCESS_DENIED', () => {
    expect(slsErrorFromResponse(401, { errorCode: 'SignatureNotMatch', errorMessage: 'x' }, ctx).code).toBe('AUTH_FAILED');
    expect(slsErrorFromResponse(401, { errorCode: 'InvalidAccessKeyId', errorMessage: 'x' }, ctx).code).toBe('AUTH_FAILED');
    expect(
      slsErrorFromResponse(401, { errorCode: 'Unauthorized', errorMessage: 'The security token you provided is invalid' }, ctx).code,
    ).toBe('AUTH_FAILED');
    expect(
      slsErrorFromResponse(401, { errorCode: 'Unauthorized', errorMessage: 'denied by sts or ram, action: log:RetryShipperTask' }, ctx)
        .code,
    ).toBe('ACCESS_DENIED');
  });
  it('names what is missing', () => {
    const e = slsErrorFromResponse(400, { errorCode: 'ShipperNotExist', errorMessage: 'x' }, ctx);
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('Shipping rule s does not exist on logstore a in project proj. (request RID1)');
    expect(slsErrorFromResponse(404, { errorCode: 'ProjectNotExist' }, ctx).message).toContain('project proj does not exist');
    expect(slsErrorFromResponse(404, { errorCode: 'LogStoreNotExist' }, ctx).message).toContain('Logstore a does not exist');
  });
  it('classifies throttling and server errors, and what is retryable', () => {
    expect(slsErrorFromResponse(429, {}, ctx).code).toBe('THROTTLED');
    expect(slsErrorFromResponse(500, { errorCode: 'InternalServerError' }, ctx).code).toBe('SERVER_ERROR');
    expect(slsErrorFromResponse(400, { errorCode: 'ParameterInvalid', errorMessage: 'bad' }, ctx).code).toBe('INVALID_ARGUMENT');
    expect(slsErrorRetryable(502, null)).toBe(true);
    expect(slsErrorRetryable(429, null)).toBe(true);
    expect(slsErrorRetryable(400, { errorCode: 'RequestTimeout' })).toBe(true);
    expect(slsErrorRetryable(400, { errorCode: 'ParameterInvalid' })).toBe(false);
    expect(slsErrorRetryable(401, { errorCode: 'SignatureNotMatch' })).toBe(false);
  });
});
