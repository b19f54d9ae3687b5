import { useEffect, useRef, useState, type RefObject } from 'react';

/** The current time, updated every `intervalMs`: for countdowns. */
export function useNow(intervalMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** Files pasted with Ctrl/Cmd+V anywhere in the window (files copied in the file manager, or a screenshot). */
export function usePastedFiles(onFiles: (files: File[]) => Promise<void>): void {
  useEffect(() => {
    const paste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return; // plain text pastes into inputs as usual
      e.preventDefault();
      void onFiles(files); // enqueue reports its own failures
    };
    document.addEventListener('paste', paste);
    return () => document.removeEventListener('paste', paste);
  }, [onFiles]);
}

/** Keyboard shortcuts: "mod" is Cmd on macOS and Ctrl elsewhere, e.g. { 'mod+shift+c': copyAll }. */
export function useShortcuts(bindings: Readonly<Record<string, () => void>>): void {
  useEffect(() => {
    const isMac = /Mac/.test(navigator.platform);
    const keydown = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      const combo = `${mod ? 'mod+' : ''}${e.shiftKey ? 'shift+' : ''}${e.key.toLowerCase()}`;
      const action = bindings[combo];
      if (action) {
        e.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', keydown);
    return () => window.removeEventListener('keydown', keydown);
  }, [bindings]);
}

/**
 * Opens a <dialog> as a modal while the component is mounted: showModal keeps focus inside and
 * closes on Escape (the dialog's onClose), and on unmount focus goes back to what opened it.
 */
export function useModal(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const d = dialog.current;
    d?.showModal();
    return () => {
      if (d?.open) d.close();
      opener?.focus();
    };
  }, []);
  return dialog;
}
