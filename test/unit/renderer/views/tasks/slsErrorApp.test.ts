import { describe, expect, it } from 'vitest';
import { slsConnectionResolve } from '../../../../../main/sls/slsTarget';
import { toShiplensError } from '../../../../../core/errors';
import { translate } from '../../../../../renderer/i18n';
import type { MessageKey } from '../../../../../renderer/i18n';
import { slsErrorApp } from '../../../../../renderer/views/tasks/slsErrorApp';

const t = (key: MessageKey, vars?: Record<string, string | number>) => translate('en', key, vars);

async function mainError(options: Parameters<typeof slsConnectionResolve>[0]) {
  try {
    await slsConnectionResolve(options, null, async () => ({ accessKeyId: 'id', accessKeySecret: 'secret' }));
  } catch (error) {
    return toShiplensError(error).toInfo();
  }
  throw new Error('no error');
}

describe('slsErrorApp', () => {
  it("replaces the CLI hints for a missing project and endpoint with the app's words", async () => {
    const project = await mainError({});
    expect(project.hint).toContain('Pass <project>/<logstore>/<shipper>');
    expect(slsErrorApp(project, t)).toEqual({
      code: 'INVALID_ARGUMENT',
      source: 'project',
      message: t('tasks.noProject'),
      hint: t('tasks.noProjectHint'),
    });
    const endpoint = await mainError({ project: 'p' });
    expect(endpoint.hint).toContain('--endpoint');
    expect(slsErrorApp(endpoint, t)).toEqual({
      code: 'INVALID_ARGUMENT',
      source: 'endpoint',
      message: t('tasks.noEndpoint'),
      hint: t('tasks.noEndpointHint'),
    });
  });

  it('leaves other errors as main sent them', () => {
    const denied = { code: 'ACCESS_DENIED' as const, message: 'Denied.', source: 'project' };
    expect(slsErrorApp(denied, t)).toBe(denied);
  });
});
