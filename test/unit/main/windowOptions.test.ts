import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, navigationAllowed, responseHeadersWithCsp, windowOptionsBuild } from '../../../main/windowOptions';

describe('windowOptionsBuild', () => {
  it('locks the renderer down', () => {
    const options = windowOptionsBuild('/app/out/main/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('responseHeadersWithCsp', () => {
  it('replaces any CSP with the strict one', () => {
    const headers = responseHeadersWithCsp({ 'content-security-policy': ['default-src *'], 'X-Other': 'a' });
    expect(headers).toEqual({
      'X-Other': ['a'],
      'Content-Security-Policy': [contentSecurityPolicy],
      'X-Content-Type-Options': ['nosniff'],
    });
    expect(contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'/); // only WebAssembly compilation is allowed, never JS eval
  });
});

describe('navigationAllowed', () => {
  const index = 'file:///app/out/renderer/index.html';
  it.each([
    [index, true],
    [`${index}#/x`, true],
    ['https://example.com/', false],
    ['file:///etc/passwd', false],
    ['http://127.0.0.1:1234/', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, ok) => {
    expect(navigationAllowed(url, index)).toBe(ok);
  });
});
