import { useCallback, useEffect, useState } from 'react';

/** Long enough to read a few words, short enough not to cover the next one. */
export const TOAST_VISIBLE_MS = 4000;

export interface Toast {
  readonly message: string | undefined;
  show(message: string): void;
}

/** One short message at a time ("3 links copied"); a new one replaces the last and restarts the clock. */
export function useToast(): Toast {
  const [shown, setShown] = useState<{ message: string; at: number }>();
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setShown(undefined), TOAST_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  const show = useCallback((message: string) => setShown({ message, at: Date.now() }), []);
  return { message: shown?.message, show };
}
