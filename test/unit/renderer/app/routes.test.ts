import { describe, expect, it } from 'vitest';
import { routeFormat, routeOf, routeParse } from '../../../../renderer/app/routes';

describe('routes', () => {
  it('writes a folder into the hash segment by segment and reads it back', () => {
    const prefix = 'nginx access/ds=20261124/a#b?c%/中文/';
    const hash = routeFormat({ view: 'browse', prefix });
    expect(hash).toBe('#/browse/nginx%20access/ds%3D20261124/a%23b%3Fc%25/%E4%B8%AD%E6%96%87/');
    expect(routeParse(hash)).toEqual({ view: 'browse', prefix });
    expect(routeParse('#/browse/')).toEqual({ view: 'browse', prefix: '' });
    expect(routeParse('#/browse')).toEqual({ view: 'browse', prefix: '' });
  });

  it('names other views without a folder', () => {
    expect(routeFormat(routeOf('tasks', 'logs/'))).toBe('#/tasks');
    expect(routeParse('#/tasks')).toEqual({ view: 'tasks', prefix: '' });
    expect(routeParse('#/decompress')).toEqual({ view: 'decompress', prefix: '' });
  });

  it('ignores the token hash, unknown views and malformed escapes', () => {
    expect(routeParse('#token=abc')).toBeNull();
    expect(routeParse('')).toBeNull();
    expect(routeParse('#/settings')).toBeNull();
    expect(routeParse('#/tasks/extra')).toBeNull();
    expect(routeParse('#/browse/%E4%B8')).toBeNull();
  });
});
