/**
 * The page loads nothing from the network: it is served from app:// (or the dev server in
 * `npm start`), and uploads go through main, never through the page. The CSP says so too;
 * this refuses such a request even if the CSP were ever loosened:
 * https://www.electronjs.org/docs/latest/tutorial/security#1-only-load-secure-content
 */
import type { Session } from 'electron';
import { originOf } from './security';

/** Schemes a page request may use besides the app's own origin. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome-extension:']);

/** True for requests a page may make: its own origin, the dev server in development, local data. */
export function isAllowedPageRequest(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  if (origin !== undefined && allowedOrigins.includes(origin)) return true;
  try {
    return LOCAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Cancels page requests to anywhere else. Requests made by main itself (the updater) carry
 * no web contents and are left alone.
 */
export function blockRemoteContent(session: Pick<Session, 'webRequest'>, allowedOrigins: readonly string[]): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const fromPage = details.webContentsId !== undefined;
    callback({ cancel: fromPage && !isAllowedPageRequest(details.url, allowedOrigins) });
  });
}
