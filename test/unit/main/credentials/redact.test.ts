import { describe, expect, it } from 'vitest';
import { redact, redactFields } from '../../../../main/credentials/redact';

describe('redact', () => {
  it('removes known secret values', () => {
    expect(redact('failed with secret abcdEFGH1234 in it', ['abcdEFGH1234'])).toBe('failed with secret *** in it');
    expect(redact('short ab stays', ['ab'])).toBe('short ab stays');
  });

  it.each([
    ['authorization: OSS LTAI123:c2lnbmF0dXJl=', 'LTAI123:c2lnbmF0dXJl='],
    ['{"x-oss-security-token":"CAIS1234secret"}', 'CAIS1234secret'],
    ['x-oss-security-token: CAIS1234secret', 'CAIS1234secret'],
    ['https://b.oss.aliyuncs.com/k?OSSAccessKeyId=LTAI1&Expires=1&Signature=abc%2Bdef&security-token=CAISx', 'abc%2Bdef'],
    ['https://b.oss.aliyuncs.com/k?security-token=CAISxyz&a=1', 'CAISxyz'],
    ['{"accessKeySecret":"s3cr3t-value","accessKeyId":"LTAI"}', 's3cr3t-value'],
    ['stsToken=CAISabc', 'CAISabc'],
    ['<Error><StringToSign>GET\n\nx-oss-security-token:CAISabc\n/b/k</StringToSign></Error>', 'CAISabc'],
  ])('removes secret shapes from %j', (text, secret) => {
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).toContain('***');
  });

  it('keeps ordinary text intact', () => {
    const text = 'oss://bucket/logs/2024/01/01/x.json: NOT_FOUND (check the key)';
    expect(redact(text)).toBe(text);
  });
});

describe('redactFields', () => {
  it('masks secret-named fields only', () => {
    expect(redactFields({ accessKeyId: 'LTAI', accessKeySecret: 'S', securityToken: 'T', bucket: 'b', empty: '' })).toEqual({
      accessKeyId: 'LTAI',
      accessKeySecret: '***',
      securityToken: '***',
      bucket: 'b',
      empty: '',
    });
  });
});
