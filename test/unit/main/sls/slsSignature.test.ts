import { describe, expect, it } from 'vitest';
import { slsCanonicalResource, slsSignedHeaders } from '../../../../main/sls/slsSignature';

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

describe('slsCanonicalResource', () => {
  it('sorts the canonical query', () => {
    expect(slsCanonicalResource('/p', { size: '5', from: '1', offset: '0' })).toBe('/p?from=1&offset=0&size=5');
    expect(slsCanonicalResource('/p', {})).toBe('/p');
  });
});
