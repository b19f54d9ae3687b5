import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { blockRemoteContent, isAllowedPageRequest } from '../../../main/remote-content';
import { APP_ORIGIN } from '../../../main/security';

describe('remote content', () => {
  it('lets the page load from its own origin and local data only', () => {
    expect(isAllowedPageRequest(`${APP_ORIGIN}/assets/index.js`, [APP_ORIGIN])).toBe(true);
    expect(isAllowedPageRequest('data:image/png;base64,AAAA', [APP_ORIGIN])).toBe(true);
    expect(isAllowedPageRequest('https://cdn.example.com/lib.js', [APP_ORIGIN])).toBe(false);
    expect(isAllowedPageRequest('http://localhost:5173/src/main.tsx', [APP_ORIGIN])).toBe(false);
  });

  it("cancels the page's requests to the network, and leaves main's own (the updater) alone", () => {
    const onBeforeRequest = vi.fn();
    blockRemoteContent({ webRequest: { onBeforeRequest } } as never, [APP_ORIGIN]);
    const listener = onBeforeRequest.mock.calls[0]![0] as (d: object, cb: (r: { cancel: boolean }) => void) => void;
    const decide = (details: object) => {
      let cancel: boolean | undefined;
      listener(details, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide({ url: 'https://tracker.example/pixel.gif', webContentsId: 1 })).toBe(true);
    expect(decide({ url: `${APP_ORIGIN}/index.html`, webContentsId: 1 })).toBe(false);
    expect(decide({ url: 'https://github.com/releases/latest.yml' })).toBe(false);
  });
});
