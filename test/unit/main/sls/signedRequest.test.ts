import { describe, expect, it } from 'vitest';
import {
  slsCanonicalResource,
  slsEndpointFromRegion,
  slsEndpointResolve,
  slsPath,
  slsSignedHeaders,
} from '../../../../main/sls/signedRequest';
import { slsErrorFromResponse, slsErrorRetryable } from '../../../../main/sls/slsErrors';

// Expected signatures computed independently with /usr/bin/python3 following
// aliyun-log-python-sdk auth.py v1_sign (hmac-sha1 over the documented string to sign).
const date = new Date('Mon, 09 Nov 2015 06:03:03 GMT');
const conn = { endpoint: 'cn-hangzhou.log.aliyuncs.com', project: 'ali-test-project', accessKeyId: 'akid', accessKeySecret: 'secretKey' };

describe('slsSignedHeaders', () => {
  it('signs a GET with a query exactly as the Python SDK does', () => {
    const query = { from: '1448748198', to: '1448948198', status: 'fail', offset: '0', size: '500' };
    const h = slsSignedHeaders(
      conn,
      'GET',
      '/logstores/app-log/shipper/oss-json/tasks',
      query,
      null,
      date,
      'ali-test-project.cn-hangzhou.log.aliyuncs.com',
    );
    expect(h.authorization).toBe('LOG akid:vvup+TPboj1ldsnOmch+o2cMDq0=');
    expect(h['x-log-apiversion']).toBe('0.6.0');
    expect(h['x-log-signaturemethod']).toBe('hmac-sha1');
    expect(h['x-log-bodyrawsize']).toBe('0');
    expect(h['content-md5']).toBeUndefined();
  });

  it('signs a PUT with a JSON body and an STS token', () => {
    const body = Buffer.from('["a1","b2"]');
    const h = slsSignedHeaders({ ...conn, securityToken: 'tok' }, 'PUT', '/logstores/app-log/shipper/oss-json/tasks', {}, body, date, 'x');
    expect(h['content-md5']).toBe('1BE873B47F9A919FF12D24FB3E6C1B1C');
    expect(h['x-acs-security-token']).toBe('tok');
    expect(h['x-log-bodyrawsize']).toBe('11');
    expect(h.authorization).toBe('LOG akid:UyQLLTQNbl95w/EJAZkLUPuF6kM=');
  });

  it('never puts the secret into a header', () => {
    const h = slsSignedHeaders(conn, 'GET', '/logstores', {}, null, date, 'h');
    expect(JSON.stringify(h)).not.toContain('secretKey');
  });
});

describe('endpoints and paths', () => {
  it('puts the project into Host and keeps loopback TCP targets literal', () => {
    expect(slsEndpointResolve('cn-hangzhou.log.aliyuncs.com', 'proj')).toEqual({
      protocol: 'https:',
      hostHeader: 'proj.cn-hangzhou.log.aliyuncs.com',
      connectHost: 'proj.cn-hangzhou.log.aliyuncs.com',
      port: 443,
    });
    expect(slsEndpointResolve('http://127.0.0.1:8123', 'proj')).toEqual({
      protocol: 'http:',
      hostHeader: 'proj.127.0.0.1:8123',
      connectHost: '127.0.0.1',
      port: 8123,
    });
    expect(slsEndpointFromRegion('cn-shanghai')).toBe('cn-shanghai.log.aliyuncs.com');
  });

  it('refuses bad project names and protocols', () => {
    expect(() => slsEndpointResolve('x.log.aliyuncs.com', 'Bad_Name')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => slsEndpointResolve('ftp://x', 'proj')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('encodes name segments and sorts the canonical query', () => {
    expect(slsPath`/logstores/${'a b'}/shipper/${'x/y'}`).toBe('/logstores/a%20b/shipper/x%2Fy');
    expect(slsCanonicalResource('/p', { size: '5', from: '1', offset: '0' })).toBe('/p?from=1&offset=0&size=5');
    expect(slsCanonicalResource('/p', {})).toBe('/p');
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
