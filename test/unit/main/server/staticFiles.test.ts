import { describe, expect, it } from 'vitest';
import { staticPathResolve } from '../../../../main/server/staticFiles';

describe('staticPathResolve', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/app-1.js', 'assets/app-1.js'],
    ['/assets/%E4%B8%AD.png', 'assets/中.png'],
  ])('maps %s to %s', (url, file) => {
    expect(staticPathResolve(url)).toBe(file);
  });
  it.each(['/../x', '/%2e%2e/x', '/a/..%2fb', '/a//b', '/.env', '/a\\b', '/%00', '/%zz', '/C:/x', 'x', '/a/./b'])('refuses %s', (url) => {
    expect(staticPathResolve(url)).toBeNull();
  });
});
