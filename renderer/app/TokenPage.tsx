/**
 * The page shown instead of the app when the server refuses this page's token (the URL was
 * opened without its `#token=…`, or the server was restarted with a new one): one clear
 * message on how to get a valid link, not the whole UI with a small UNAUTHORIZED box.
 */
import { useT } from '../i18n';

/** The "needs its link" page. */
export function TokenPage() {
  const t = useT();
  return (
    <main className="token-page" data-testid="token-page">
      <div className="panel stack" style={{ maxWidth: 640, margin: '12vh auto' }}>
        <h1 style={{ fontSize: 20, margin: 0 }}>{t('token.title')}</h1>
        <p>{t('token.why')}</p>
        <ol>
          <li>{t('token.stepTerminal')}</li>
          <li>
            {t('token.stepRestart')} <code className="mono">shiplens serve</code>
          </li>
        </ol>
        <p className="muted small">{t('token.safety')}</p>
      </div>
    </main>
  );
}
