/**
 * Log Service errors in the app's words: main's hints for a missing project or endpoint speak
 * to the CLI ("Pass <project>/<logstore>/<shipper>", "--endpoint"), which an app user cannot do.
 */
import type { ErrorInfo } from '../../../core/errors';
import type { Translate } from '../../i18n';

/** The error with an app hint where main's hint names command-line arguments. */
export function slsErrorApp(error: ErrorInfo, t: Translate): ErrorInfo {
  if (error.code !== 'INVALID_ARGUMENT') return error;
  if (error.source === 'project') return { ...error, message: t('tasks.noProject'), hint: t('tasks.noProjectHint') };
  if (error.source === 'endpoint') return { ...error, message: t('tasks.noEndpoint'), hint: t('tasks.noEndpointHint') };
  return error;
}
