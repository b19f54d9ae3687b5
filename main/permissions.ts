/**
 * Chromium asks before a page gets the camera, geolocation, notifications and so on.
 * Every request is denied except the few the app uses, and only for our own origin:
 * https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
import type { Session } from 'electron';
import { originOf } from './security';

/**
 * What the renderer may use: completion notifications, and writing a link to the clipboard
 * on a click (write-only and sanitized; reading the clipboard is never granted).
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications', 'clipboard-sanitized-write']);

/** True when `permission` is one we use and `requestingUrl` is our page. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission) || !requestingUrl) return false;
  return originOf(requestingUrl) === appOrigin;
}

/** Installs the request and check handlers on a session (the default one holds our window). */
export function restrictPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
  appOrigin: string,
): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, appOrigin));
  // USB, HID and serial devices: never.
  session.setDevicePermissionHandler(() => false);
}
