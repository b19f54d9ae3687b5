import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupBatchNotifications } from '../../../main/desktop/batch-notification';
import { FakeQueue, upload } from './fake-queue';

const fake = {
  supported: true,
  shown: [] as { options: { title: string; body: string }; click: () => void }[],
};
// Electron's Notification, as setupBatchNotifications receives it.
const electron = {
  Notification: class {
    static isSupported = () => fake.supported;
    private onClick: () => void = () => undefined;
    constructor(readonly options: { title: string; body: string }) {}
    on(event: string, listener: () => void) {
      if (event === 'click') this.onClick = listener;
      return this;
    }
    show() {
      fake.shown.push({ options: this.options, click: () => this.onClick() });
    }
  },
} as never;

const run = (queue: FakeQueue, ids: string[], outcome: (id: string) => void) => {
  queue.add(...ids.map((id) => upload(id)));
  for (const id of ids) queue.update(id, { state: 'uploading' });
  for (const id of ids) outcome(id);
};

beforeEach(() => {
  fake.supported = true;
  fake.shown = [];
});

describe('batch notifications', () => {
  it('one notification per batch; clicking it brings the window forward', () => {
    const queue = new FakeQueue();
    const showWindow = vi.fn();
    setupBatchNotifications(electron, queue, { isWindowFocused: () => false, showWindow });
    run(queue, ['a', 'b', 'c'], (id) => queue.complete(id));
    expect(fake.shown.map((n) => n.options.title)).toEqual(['3 files uploaded — links ready']);
    fake.shown[0]!.click();
    expect(showWindow).toHaveBeenCalledOnce();
  });

  it('a failure is told even in the focused window; a single success there is not', () => {
    const queue = new FakeQueue();
    setupBatchNotifications(electron, queue, { isWindowFocused: () => true, showWindow: vi.fn() });
    run(queue, ['a'], (id) => queue.complete(id));
    expect(fake.shown).toEqual([]);
    run(queue, ['b', 'c'], (id) => (id === 'b' ? queue.fail(id) : queue.complete(id)));
    expect(fake.shown.map((n) => n.options)).toEqual([{ title: '1 of 2 uploads failed', body: 'b.pdf: Access denied: the key cannot write to this bucket.' }]);
  });

  it('stays silent where the OS has no notifications', () => {
    fake.supported = false;
    const queue = new FakeQueue();
    setupBatchNotifications(electron, queue, { isWindowFocused: () => false, showWindow: vi.fn() });
    run(queue, ['a'], (id) => queue.fail(id));
    expect(fake.shown).toEqual([]);
  });
});
