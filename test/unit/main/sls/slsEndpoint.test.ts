import { describe, expect, it } from 'vitest';
import { slsEndpointFromRegion, slsEndpointResolve } from '../../../../main/sls/slsEndpoint';

describe('endpoints', () => {
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
});
