/**
 * Issues of a DataWorks job or policy, each with its JSON path, in the UI language.
 */
import type { JobIssue } from '../../../core/maxcompute';
import { useStore } from '../../state/store';

/** The issues list: JSON path and message. */
export function McIssues({ issues, testId }: { issues: JobIssue[]; testId: string }) {
  const language = useStore((s) => s.language);
  return (
    <ul className="small" data-testid={testId}>
      {issues.map((i, n) => (
        <li key={n} className={i.severity === 'error' ? 'danger' : 'warn'}>
          <code>{i.path}</code>: {i.message[language]}
        </li>
      ))}
    </ul>
  );
}
