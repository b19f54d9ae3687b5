/** At most this often do queue updates cross IPC: 10 a second keeps 10,000-file batches cheap for React. */
export const EVENT_INTERVAL_MS = 100;

/**
 * Collects updates by id and delivers the latest of each as one batch at most every
 * `intervalMs`, so progress from many files never floods IPC or the renderer.
 */
export function coalesceById<T extends { readonly id: string }>(deliver: (batch: T[]) => void, intervalMs = EVENT_INTERVAL_MS) {
  let pending = new Map<string, T>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    const batch = [...pending.values()];
    pending = new Map();
    if (batch.length > 0) deliver(batch);
  };
  return {
    push(item: T): void {
      pending.set(item.id, item);
      timer ??= setTimeout(flush, intervalMs);
    },
    /** Delivers what is pending now (on shutdown). */
    flush(): void {
      if (timer) clearTimeout(timer);
      flush();
    },
  };
}
