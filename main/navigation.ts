/**
 * Every web contents in the app (our window, and anything a bug or an attacker might create)
 * gets the same guards, installed from `app.on('web-contents-created')`:
 * https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation
 * https://www.electronjs.org/docs/latest/tutorial/security#14-disable-or-limit-creation-of-new-windows
 * https://www.electronjs.org/docs/latest/tutorial/security#12-verify-webview-options-before-creation
 */
import type { App, HandlerDetails, WebContents } from 'electron';
import { isSafeExternalUrl } from './security';

/** Opens a URL in the OS browser: Electron's shell.openExternal, passed in for tests. */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * window.open and target=_blank never create a window: a safe https link goes to the OS
 * browser (checklist #14, #15), anything else is dropped.
 */
export function handleWindowOpen(details: Pick<HandlerDetails, 'url'>, openExternal: OpenExternal): { action: 'deny' } {
  if (isSafeExternalUrl(details.url)) void openExternal(details.url);
  return { action: 'deny' };
}

/** The page never navigates away from the app (checklist #13); a safe https link opens in the OS browser instead. */
export function handleWillNavigate(event: { preventDefault(): void }, url: string, openExternal: OpenExternal): void {
  event.preventDefault();
  if (isSafeExternalUrl(url)) void openExternal(url);
}

/** Installs the guards on one web contents. */
export function guardWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.setWindowOpenHandler((details) => handleWindowOpen(details, openExternal));
  contents.on('will-navigate', (event, url) => handleWillNavigate(event, url, openExternal));
  contents.on('will-redirect', (event, url) => handleWillNavigate(event, url, openExternal));
  // We use no <webview>; webviewTag is off, and this refuses one even if that ever changes (checklist #12).
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Guards every web contents the app ever creates. */
export function guardAllWebContents(app: Pick<App, 'on'>, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, openExternal));
}
