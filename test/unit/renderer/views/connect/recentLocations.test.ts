import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recentForget, recentList, recentMax, recentRecord } from '../../../../../renderer/views/connect/recentLocations';

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) });
});
afterEach(() => vi.unstubAllGlobals());

describe('recent locations', () => {
  it('keeps each location once, newest first, with the folder last browsed there', () => {
    recentRecord({ kind: 'local', label: '/data/a', bucket: 'a' }, '');
    recentRecord({ kind: 'oss', label: 'oss://logs', bucket: 'logs', profileName: 'prod' }, 'app/2026/');
    recentRecord({ kind: 'local', label: '/data/a', bucket: 'a' }, 'nginx/ds=20261124/');
    expect(recentList()).toEqual([
      { kind: 'local', label: '/data/a', bucket: 'a', prefix: 'nginx/ds=20261124/' },
      { kind: 'oss', label: 'oss://logs', bucket: 'logs', profileName: 'prod', prefix: 'app/2026/' },
    ]);
    expect(recentForget({ kind: 'local', label: '/data/a', bucket: 'a', prefix: '' }).map((r) => r.label)).toEqual(['oss://logs']);
  });

  it('skips an OSS bucket opened without a profile (it cannot be reopened) and keeps at most recentMax', () => {
    recentRecord({ kind: 'oss', label: 'oss://x', bucket: 'x' }, '');
    expect(recentList()).toEqual([]);
    for (let i = 0; i < recentMax + 3; i += 1) recentRecord({ kind: 'local', label: `/d/${i}`, bucket: String(i) }, '');
    expect(recentList().map((r) => r.label)).toEqual(Array.from({ length: recentMax }, (_, i) => `/d/${recentMax + 2 - i}`));
  });

  it('reads nothing from storage that is not a list of locations', () => {
    localStorage.setItem('shiplens.recent', '{"kind":"local"}');
    expect(recentList()).toEqual([]);
    localStorage.setItem(
      'shiplens.recent',
      '[{"kind":"ftp","label":"x","prefix":""},{"kind":"local","label":"/ok","bucket":"ok","prefix":"p/"}]',
    );
    expect(recentList()).toEqual([{ kind: 'local', label: '/ok', bucket: 'ok', prefix: 'p/' }]);
    localStorage.setItem('shiplens.recent', 'not json');
    expect(recentList()).toEqual([]);
  });
});
