import { describe, expect, it, vi } from 'vitest';
import { applyClipboardShortcut } from '../../../main/desktop/clipboard-shortcut';
import { readClipboardSources } from '../../../main/desktop/clipboard-content';
import { DEFAULT_DESKTOP_SETTINGS } from '../../../main/desktop/desktop-settings';

const shortcuts = (free = true) => {
  const held = new Set<string>();
  return {
    held,
    register: vi.fn((accelerator: string, _onPress: () => void) => {
      if (!free) return false;
      held.add(accelerator);
      return true;
    }),
    unregister: vi.fn((accelerator: string) => void held.delete(accelerator)),
    isRegistered: (accelerator: string) => held.has(accelerator),
  };
};

describe('clipboard shortcut', () => {
  it('is off by default and registers nothing', () => {
    const s = shortcuts();
    expect(DEFAULT_DESKTOP_SETTINGS.clipboardShortcut.enabled).toBe(false);
    expect(applyClipboardShortcut(s, undefined, DEFAULT_DESKTOP_SETTINGS.clipboardShortcut, vi.fn())).toEqual({ ok: true, value: null });
    expect(s.register).not.toHaveBeenCalled();
  });

  it('when turned on, the key combination uploads the clipboard; turned off, it is released', () => {
    const s = shortcuts();
    const onPress = vi.fn();
    const on = { enabled: true, accelerator: 'CommandOrControl+Shift+U' };
    expect(applyClipboardShortcut(s, undefined, on, onPress).ok).toBe(true);
    s.register.mock.calls[0]![1]();
    expect(onPress).toHaveBeenCalledOnce();

    applyClipboardShortcut(s, on, { ...on, enabled: false }, onPress);
    expect(s.held.size).toBe(0);
  });

  it('says so when another app holds the combination', () => {
    const result = applyClipboardShortcut(shortcuts(false), undefined, { enabled: true, accelerator: 'Alt+Space' }, vi.fn());
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('Alt+Space is already used') } });
  });
});

const entry = (type: string, value: Blob) => ({ types: [type], getType: async (t: string) => (t === type ? value : Promise.reject(new Error('absent'))) });
const clipboardOf = (...entries: ReturnType<typeof entry>[]) => ({ read: async () => entries });
const now = new Date('2026-03-01T10:00:00Z');

describe('clipboard content', () => {
  it('uploads copied files as themselves', async () => {
    const list = new Blob(['file:///home/ada/a.pdf\r\nfile:///home/ada/b%20c.txt\r\n']);
    expect(await readClipboardSources(clipboardOf(entry('text/uri-list', list)), now)).toEqual([{ path: '/home/ada/a.pdf' }, { path: '/home/ada/b c.txt' }]);
  });

  it('turns a copied image into a PNG and copied text into a .txt, named by the time', async () => {
    const png = await readClipboardSources(clipboardOf(entry('image/png', new Blob([new Uint8Array([137, 80, 78, 71])]))), now);
    expect(png).toEqual([{ name: 'clipboard-2026-03-01T10-00-00-000Z.png', bytes: new Uint8Array([137, 80, 78, 71]) }]);
    const text = await readClipboardSources(clipboardOf(entry('text/plain', new Blob(['hello']))), now);
    expect(text).toEqual([{ name: 'clipboard-2026-03-01T10-00-00-000Z.txt', bytes: new TextEncoder().encode('hello') }]);
  });

  it('reports an empty clipboard', async () => {
    expect(await readClipboardSources(clipboardOf(entry('text/plain', new Blob(['  ']))), now)).toEqual([]);
    expect(await readClipboardSources(clipboardOf(), now)).toEqual([]);
  });
});
