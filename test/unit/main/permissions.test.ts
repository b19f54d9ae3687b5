import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { isPermissionAllowed, restrictPermissions } from '../../../main/permissions';
import { APP_ORIGIN } from '../../../main/security';

const page = `${APP_ORIGIN}/index.html`;

describe('permission requests', () => {
  it('grants notifications and sanitized clipboard writes to our page only', () => {
    expect(isPermissionAllowed('notifications', page, APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', page, APP_ORIGIN)).toBe(true);
    expect(isPermissionAllowed('notifications', 'https://evil.example/', APP_ORIGIN)).toBe(false);
    expect(isPermissionAllowed('notifications', undefined, APP_ORIGIN)).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midiSysex', 'pointerLock', 'display-capture', 'hid'])(
    'denies %s even to our page',
    (permission) => {
      expect(isPermissionAllowed(permission, page, APP_ORIGIN)).toBe(false);
    },
  );

  it('installs request, check and device handlers that answer the same way', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    restrictPermissions(session as never, APP_ORIGIN);

    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    const answers: boolean[] = [];
    request({}, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: page });
    request({}, 'notifications', (granted: boolean) => answers.push(granted), { requestingUrl: page });
    expect(answers).toEqual([false, true]);

    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check({}, 'geolocation', APP_ORIGIN)).toBe(false);
    expect(check({}, 'notifications', APP_ORIGIN)).toBe(true);

    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean;
    expect(device()).toBe(false);
  });
});
