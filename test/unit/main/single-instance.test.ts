import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import type { App } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { listenForOpenedFiles, PathInbox } from '../../../main/desktop/opened-files';
import { claimSingleInstance, filesFromArgv } from '../../../main/single-instance';

// An EventEmitter stands in for Electron's app; its typed `on` overloads are not an EventEmitter's.
const fakeApp = (gotLock: boolean, isPackaged = true) =>
  Object.assign(new EventEmitter(), { requestSingleInstanceLock: vi.fn(() => gotLock), isPackaged }) as never as App & EventEmitter;

describe('filesFromArgv', () => {
  it('takes the file arguments of a packaged launch, resolved against its folder, minus switches', () => {
    const argv = ['/opt/Signdrop/signdrop', '--hidden', 'notes.txt', '/tmp/photo.jpg', '--allow-file-access-from-files'];
    expect(filesFromArgv(argv, { isPackaged: true, cwd: '/home/ada' })).toEqual([resolve('/home/ada', 'notes.txt'), '/tmp/photo.jpg']);
  });

  it('skips the app folder in development (electron . file)', () => {
    expect(filesFromArgv(['/usr/bin/electron', '.', '/tmp/a.pdf'], { isPackaged: false, cwd: '/src' })).toEqual(['/tmp/a.pdf']);
  });
});

describe('claimSingleInstance', () => {
  it('tells a second instance to quit', () => {
    expect(claimSingleInstance(fakeApp(false), { onFiles: vi.fn(), focus: vi.fn() })).toBe(false);
  });

  it("hands a second launch's files to the first instance and brings its window forward", () => {
    const app = fakeApp(true);
    const onFiles = vi.fn();
    const focus = vi.fn();
    expect(claimSingleInstance(app, { onFiles, focus })).toBe(true);

    app.emit('second-instance', {}, ['C:\\Signdrop\\Signdrop.exe', 'report.pdf'], '/home/ada/Documents');
    expect(focus).toHaveBeenCalledOnce();
    expect(onFiles).toHaveBeenCalledWith([resolve('/home/ada/Documents', 'report.pdf')]);
  });

  it('only focuses when the second launch has no files', () => {
    const app = fakeApp(true);
    const onFiles = vi.fn();
    claimSingleInstance(app, { onFiles, focus: vi.fn() });
    app.emit('second-instance', {}, ['/opt/Signdrop/signdrop'], '/');
    expect(onFiles).not.toHaveBeenCalled();
  });
});

describe('open-file (macOS)', () => {
  it('takes over the event and passes the file on', () => {
    const app = new EventEmitter();
    const onFiles = vi.fn();
    listenForOpenedFiles(app as never, onFiles);
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, '/Users/ada/Desktop/slides.key');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(onFiles).toHaveBeenCalledWith(['/Users/ada/Desktop/slides.key']);
  });
});

describe('PathInbox', () => {
  it('holds files that arrive before the engine is ready, then passes everything on', () => {
    const inbox = new PathInbox();
    inbox.add(['/a']);
    inbox.add(['/b']);
    const sink = vi.fn();
    inbox.connect(sink);
    inbox.add(['/c']);
    inbox.add([]);
    expect(sink.mock.calls).toEqual([[['/a', '/b']], [['/c']]]);
  });
});
