/**
 * The window's security baseline, each item from Electron's checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security
 */
import type { WebPreferences } from 'electron';

/** The scheme the packaged renderer is served from: a standard, secure origin that is not file:// (checklist #18). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://signdrop`;

/**
 * default-src 'none' and only what the renderer needs: its own scripts and styles,
 * images from itself and data: URLs (QR codes) (checklist #7):
 * https://www.electronjs.org/docs/latest/tutorial/security#7-define-a-content-security-policy
 * electronegativity's CSP_GLOBAL_CHECK flags script-src 'self' for review ("problematic if you
 * host JSONP, Angular or user uploaded files"): 'self' is app://signdrop, which serves only our
 * built bundle (protocol.ts refuses paths outside it), none of those. Justified.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The webPreferences of every window we open; `preload` is the built preload's absolute path. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    // Page scripts and the preload live in separate JavaScript worlds (checklist #3):
    // https://www.electronjs.org/docs/latest/tutorial/context-isolation
    contextIsolation: true,
    // The renderer runs in Chromium's OS sandbox; the preload gets only a small electron API (checklist #4):
    // https://www.electronjs.org/docs/latest/tutorial/sandbox
    sandbox: true,
    // No Node.js in the page (checklist #2).
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Keep same-origin policy and never allow mixed content (checklist #5, #6).
    webSecurity: true,
    allowRunningInsecureContent: false,
    // No experimental features or <webview> (checklist #9, #11).
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/**
 * Only https links leave the app, and only through the OS browser after this check (checklist #15):
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 * No credentials in the URL: a link with user:pass@ is a phishing shape, never ours.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The origin of a URL as scheme://host[:port]. Node's URL gives "null" as the origin of a
 * custom scheme such as app://signdrop, so comparing `.origin` would never match our page.
 */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== 'null') return parsed.origin;
    return parsed.host === '' ? undefined : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}
