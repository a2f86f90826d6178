/**
 * Open a URL in the default browser, best effort: `npm start` and `shiplens serve` both print
 * the URL first, so a missing opener or display only means the user clicks it.
 */
import { spawn } from 'node:child_process';

/** Open `url` with the platform opener; does nothing under CI or on Linux without a display. */
export function browserOpen(url: string, env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): void {
  if (env.CI || (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY)) return;
  const command = platform === 'darwin' ? 'open' : platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener: the printed URL is enough.
  }
}
