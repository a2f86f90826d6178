import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProgressBar, phaseText } from '../../../../renderer/components/ProgressBar';
import { translate } from '../../../../renderer/i18n';

function text(html: string): string {
  return /<span class="progress-text">(.*?)<\/span>/.exec(html)?.[1] ?? '<none>';
}

describe('ProgressBar', () => {
  it('shows no number and an indeterminate bar while nothing is reported (Tasks: sls.tasks sends no progress)', () => {
    const html = renderToStaticMarkup(<ProgressBar done={null} total={null} unit="rows" label="Loading tasks…" />);
    expect(text(html)).toBe('Loading tasks…');
    expect(html).toContain('progress-fill indeterminate');
    expect(html).not.toContain('aria-valuenow');
  });

  it('hides a bare 0 of an unknown total, shows counts once there are some', () => {
    expect(text(renderToStaticMarkup(<ProgressBar done={0} total={null} unit="rows" label="Reading" />))).toBe('Reading');
    expect(text(renderToStaticMarkup(<ProgressBar done={1500} total={null} unit="rows" label="Reading" />))).toBe('Reading 1,500');
    const html = renderToStaticMarkup(<ProgressBar done={0} total={7} unit="rows" />);
    expect(text(html)).toBe(' 0 / 7');
    expect(html).toContain('aria-valuenow="0"');
    expect(html).toContain('style="width:0%"');
  });

  it('names job phases in the UI language', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
    expect(phaseText(t, 'decode')).toBe('解码中');
    expect(phaseText(t, 'something-new')).toBe('something-new');
    expect(phaseText(t, undefined)).toBeUndefined();
  });
});
