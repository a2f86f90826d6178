import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  hostAllowed,
  originAllowed,
  serverTokenCreate,
  serverTokenMatches,
} from '../../../../main/server/httpGuards';

describe('serverTokenMatches', () => {
  const token = serverTokenCreate();
  it('accepts only the exact token', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(serverTokenMatches(token, token)).toBe(true);
    expect(serverTokenMatches(token, `${token}x`)).toBe(false);
    expect(serverTokenMatches(token, token.slice(1))).toBe(false);
    expect(serverTokenMatches(token, '')).toBe(false);
    expect(serverTokenMatches(token, undefined)).toBe(false);
    expect(serverTokenMatches(token, 'x'.repeat(5000))).toBe(false);
  });
  it('creates a different token each launch', () => {
    expect(serverTokenCreate()).not.toBe(serverTokenCreate());
  });
});

describe('hostAllowed / originAllowed', () => {
  it.each([
    ['127.0.0.1:8080', true],
    ['localhost:8080', true],
    ['127.0.0.1:8081', false],
    ['evil.com:8080', false],
    ['127.0.0.1', false],
    ['[::1]:8080', false],
    [undefined, false],
    ['127.0.0.1:8080.evil.com', false],
  ])('host %s → %s', (host, ok) => {
    expect(hostAllowed(host, 8080)).toBe(ok);
  });
  it.each([
    [undefined, true],
    ['http://127.0.0.1:8080', true],
    ['http://localhost:8080', true],
    ['null', false],
    ['http://evil.com', false],
    ['https://127.0.0.1:8080', false],
    ['http://127.0.0.1:8080.evil.com', false],
  ])('origin %s → %s', (origin, ok) => {
    expect(originAllowed(origin, 8080)).toBe(ok);
  });
});

describe('contentSecurityPolicy', () => {
  it('is the strict policy', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
});
