import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { JobProgress } from '../../../../renderer/components/JobProgress';
import { ProgressBar } from '../../../../renderer/components/ProgressBar';

describe('JobProgress', () => {
  it('is an indeterminate bar before the first report', () => {
    const html = renderToStaticMarkup(<JobProgress progress={null} unit="rows" label="Loading tasks…" />);
    expect(html).toBe(renderToStaticMarkup(<ProgressBar done={null} total={null} unit="rows" label="Loading tasks…" />));
    expect(html).toContain('progress-fill indeterminate');
  });

  it('shows the reported counts with the cancel button', () => {
    const html = renderToStaticMarkup(
      <JobProgress progress={{ done: 3, total: 12 }} unit="rows" label="Reading" onCancel={() => undefined} />,
    );
    expect(html).toContain('aria-valuenow="3"');
    expect(html).toContain('Reading 3 / 12');
    expect(html).toContain('<button type="button">');
  });
});
