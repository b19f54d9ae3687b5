import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { guardAllWebContents, handleWillNavigate, handleWindowOpen } from '../../../main/navigation';

const preventable = () => ({ preventDefault: vi.fn() });

describe('window.open', () => {
  it('never creates a window, and opens a safe https link in the OS browser', () => {
    const open = vi.fn(async () => undefined);
    expect(handleWindowOpen({ url: 'https://example.com/doc' }, open)).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledWith('https://example.com/doc');
  });

  it.each(['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)'])('drops %s', (url) => {
    const open = vi.fn(async () => undefined);
    expect(handleWindowOpen({ url }, open)).toEqual({ action: 'deny' });
    expect(open).not.toHaveBeenCalled();
  });
});

describe('will-navigate', () => {
  it('is always prevented; an https link goes to the browser instead', () => {
    const open = vi.fn(async () => undefined);
    const event = preventable();
    handleWillNavigate(event, 'https://example.com/', open);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith('https://example.com/');
  });

  it('prevents navigation to a file or our own scheme without opening anything', () => {
    const open = vi.fn(async () => undefined);
    for (const url of ['file:///tmp/evil.html', 'app://signdrop/other.html']) {
      const event = preventable();
      handleWillNavigate(event, url, open);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(open).not.toHaveBeenCalled();
  });
});

describe('guardAllWebContents', () => {
  it('guards every web contents the app creates: new windows, navigation, redirects and <webview>', () => {
    const app = new EventEmitter();
    const open = vi.fn(async () => undefined);
    guardAllWebContents(app as never, open);

    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);

    const windowOpen = contents.setWindowOpenHandler.mock.calls[0]![0] as (d: { url: string }) => unknown;
    expect(windowOpen({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = preventable();
      contents.emit(name, event, 'file:///etc/passwd');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
  });
});
