import { describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../../main/api/contract';
import {
  addressingOf,
  draftClean,
  draftComplete,
  draftFrom,
  draftToSave,
  pathStyleOf,
} from '../../../../../renderer/views/connect/profileDraft';

const saved = {
  name: 'prod',
  bucket: 'logs',
  endpoint: 'http://127.0.0.1:9000',
  accessKeyId: 'AK1',
  hasSecret: true,
  slsProject: 'p1',
  pathStyle: true,
} as ProfileSummary;

describe('profile draft', () => {
  it('starts a new profile in cn-hangzhou with every text empty and automatic addressing', () => {
    expect(draftFrom(null)).toEqual({
      name: '',
      region: 'cn-hangzhou',
      endpoint: '',
      bucket: '',
      accessKeyId: '',
      accessKeySecret: '',
      securityToken: '',
      defaultRule: '',
      slsEndpoint: '',
      slsProject: '',
      pathStyle: undefined,
    });
  });

  it('fills in a saved profile but never its secret or token', () => {
    const draft = draftFrom(saved);
    expect(draft).toMatchObject({
      name: 'prod',
      bucket: 'logs',
      region: 'cn-hangzhou',
      endpoint: 'http://127.0.0.1:9000',
      accessKeyId: 'AK1',
    });
    expect(draft).toMatchObject({ accessKeySecret: '', securityToken: '', slsProject: 'p1', slsEndpoint: '', pathStyle: true });
  });

  it('maps the three addressing choices to pathStyle and back', () => {
    for (const pathStyle of [undefined, true, false]) expect(pathStyleOf(addressingOf(pathStyle))).toBe(pathStyle);
    expect([undefined, true, false].map(addressingOf)).toEqual(['auto', 'path', 'virtual']);
  });

  it('drops empty optional strings so main keeps what it stored', () => {
    expect(draftClean(draftFrom(saved))).toEqual({
      name: 'prod',
      region: 'cn-hangzhou',
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'logs',
      accessKeyId: 'AK1',
      slsProject: 'p1',
      pathStyle: true,
    });
  });

  it('sends the STS token only when STS is chosen', () => {
    const draft = { ...draftFrom(saved), accessKeySecret: 's', securityToken: 'tok' };
    expect(draftToSave(draft, true)).toMatchObject({ accessKeySecret: 's', securityToken: 'tok' });
    expect(draftToSave(draft, false)).toMatchObject({ accessKeySecret: 's' });
    expect(draftToSave(draft, false)).not.toHaveProperty('securityToken');
  });

  it('needs a name and a bucket', () => {
    expect(draftComplete(draftFrom(saved))).toBe(true);
    expect(draftComplete({ ...draftFrom(saved), name: '' })).toBe(false);
    expect(draftComplete({ ...draftFrom(saved), bucket: '' })).toBe(false);
  });
});
