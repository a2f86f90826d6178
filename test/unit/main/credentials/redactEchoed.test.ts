// Issue 12 §12: an STS token (or key id, or secret) echoed back by a server must not reach the
// CLI's error line: credentials resolved for a run are hidden wherever they appear.
import { describe, expect, it } from 'vitest';
import { ShiplensError } from '../../../../core/errors';
import { cliErrorReport } from '../../../../main/cli/cliErrors';
import { credentialsResolve } from '../../../../main/credentials/credentialSources';
import { errorInfoSafe } from '../../../../main/api/dispatch';

const keyId = 'LTAI5tEchoedKeyId0001';
const secret = 'EchoedSecretValue-0123456789abcdef';
const token = 'CAIS9AJ1q6Ft5B2yfSjIr5bSEcYl/EchoedStsToken+9z==';

describe('credentials echoed in errors', () => {
  it('redacts the key id, secret and STS token resolved from the environment in the CLI line and --debug stack', async () => {
    const found = await credentialsResolve({
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: keyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: secret, ALIBABA_CLOUD_SECURITY_TOKEN: token },
      homeDir: '/nonexistent-home',
    });
    expect(found?.securityToken).toBe(token);
    const echoed = new ShiplensError('ACCESS_DENIED', `The security token "${token}" is invalid (key ${keyId}, secret ${secret}).`, {
      source: 'oss://b/k',
      hint: `Token ${token} expired?`,
    });
    const report = cliErrorReport(echoed, { debug: true });
    expect(report.text.split('\n')[0]).toBe(
      'shiplens: oss://b/k: The security token "***" is invalid (key ***, secret ***). (Token *** expired?)',
    );
    for (const value of [keyId, secret, token]) expect(report.text).not.toContain(value);
  });

  it('redacts them in API errors too (browser mode opened by `serve` with those credentials)', () => {
    const info = errorInfoSafe(new ShiplensError('ACCESS_DENIED', `InvalidSecurityToken: ${token}`, { source: keyId }));
    expect(info).toEqual({ code: 'ACCESS_DENIED', message: 'InvalidSecurityToken: ***', source: '***' });
  });
});
