// A hint the engine leaves to each face (hintKey) is worded by the app, in its language; any
// other hint is shown as the error carries it.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { errorHintKeys } from '../../../../core/errors';
import type { ErrorInfo } from '../../../../core/errors';
import { ErrorBox, errorHintText } from '../../../../renderer/components/ErrorBox';
import { translate } from '../../../../renderer/i18n';

const certificate: ErrorInfo = {
  code: 'ACCESS_DENIED',
  message: "The HEC server's TLS certificate was not accepted (SELF_SIGNED_CERT_IN_CHAIN).",
  hint: 'Give the CA certificate that signed it, or turn verification off explicitly',
  hintKey: 'tlsCaOrInsecure',
  source: 'localhost:8088',
};

describe('errorHintText', () => {
  it('words a certificate hint for the Forward view, never with CLI flags, in English and Chinese', () => {
    const en = errorHintText((key, vars) => translate('en', key, vars), certificate);
    expect(en).toBe(
      'Choose the CA certificate that signed it in “CA certificate file (PEM)” of the Forward view, then test the connection again',
    );
    const zh = errorHintText((key, vars) => translate('zh-CN', key, vars), { ...certificate, hintKey: 'tlsCa' });
    expect(zh).toBe('在“转发”视图的“CA 证书文件（PEM）”中选择签发它的 CA 证书，然后重新测试连接');
    expect(`${en} ${zh}`).not.toContain('--');
  });

  it('words every hint key in both languages; those the view can act on name its fields, not flags', () => {
    for (const hintKey of errorHintKeys) {
      const error: ErrorInfo = { code: 'INVALID_ARGUMENT', message: 'x', hint: 'neutral', hintKey };
      for (const lang of ['en', 'zh-CN'] as const) {
        const text = errorHintText((key, vars) => translate(lang, key, vars), error);
        expect(text).not.toBe('neutral');
        expect(text).not.toContain('errorHint.');
        if (!['hecBodyTooLarge', 'pullBatchEvents'].includes(hintKey)) expect(text).not.toContain('--');
      }
    }
    expect(
      errorHintText((key, vars) => translate('en', key, vars), { code: 'AUTH_FAILED', message: 'x', hintKey: 'hecTokenRejected' }),
    ).toBe('Check the token in “HEC token” (or the profile’s) and that it is enabled in Splunk');
    expect(
      errorHintText((key, vars) => translate('zh-CN', key, vars), { code: 'INVALID_ARGUMENT', message: 'x', hintKey: 'hecIndex' }),
    ).toBe('检查“HEC 索引”：该令牌必须有权写入此索引');
  });

  it("keeps the error's own hint when it has no key", () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('en', key);
    expect(errorHintText(t, { code: 'IO', message: 'x', hint: 'Try again' })).toBe('Try again');
    expect(errorHintText(t, { code: 'IO', message: 'x' })).toBeUndefined();
  });

  it('is the hint ErrorBox shows', () => {
    const html = renderToStaticMarkup(<ErrorBox error={certificate} />);
    expect(html).toContain('of the Forward view, then test the connection again</div>');
    expect(html).not.toContain('turn verification off');
  });
});
