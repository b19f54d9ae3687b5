import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileSource } from '../../common/api';
import type { ProfileView } from '../../common/profile';
import { useConnectionProblem } from './connection-results';
import type { UploadActions } from './use-upload-actions';

/** A drop waiting for the user's answer, because the profile's last connection test failed. */
export interface DropQuestion {
  /** Names this question among those asked in the window: a new question is a new dialog. */
  readonly id: number;
  /** What the test found, in words. */
  readonly problem: string;
  readonly count: number;
  confirm(): void;
  cancel(): void;
}

export interface DropGate {
  /** Where dropped and pasted files go. */
  onFiles(files: readonly FileSource[]): Promise<void>;
  /** "Choose files…": main's dialog, then the same way as a drop. */
  pickFiles(): Promise<void>;
  /** Files dropped before any profile existed: they upload once the first profile is saved. */
  readonly held: number;
  readonly question: DropQuestion | undefined;
}

/**
 * Stands between a drop (or a paste, or files chosen in the dialog) and the queue: without a profile the files are kept until one is saved;
 * onto a profile whose last test failed, the user is asked first, so a dead endpoint is not
 * discovered by waiting on a row.
 */
export function useDropGate({ enqueue, chooseFiles }: Pick<UploadActions, 'enqueue' | 'chooseFiles'>, profile: ProfileView | undefined): DropGate {
  const problem = useConnectionProblem(profile?.id);
  const [held, setHeld] = useState<readonly FileSource[]>([]);
  const [asking, setAsking] = useState<{ readonly id: number; readonly files: readonly FileSource[] }>();
  const asked = useRef(0);
  const ask = useCallback((files: readonly FileSource[]) => setAsking({ id: ++asked.current, files }), []);
  const hasProfile = profile !== undefined;

  const onFiles = useCallback(
    async (files: readonly FileSource[]) => {
      // A closed dialog chooses nothing: nothing to keep or to ask about.
      if (files.length === 0) return;
      if (!hasProfile) setHeld((h) => [...h, ...files]);
      else if (problem !== undefined) ask(files);
      else await enqueue(files);
    },
    [hasProfile, problem, enqueue, ask],
  );
  const pickFiles = useCallback(async () => onFiles(await chooseFiles()), [chooseFiles, onFiles]);
  // The first profile was just saved (enqueue now names it): what was dropped on the welcome screen
  // goes, after the same question if it was saved without a working connection.
  useEffect(() => {
    if (!hasProfile || held.length === 0) return;
    setHeld([]);
    if (problem !== undefined) ask(held);
    else void enqueue(held);
  }, [hasProfile, held, problem, enqueue, ask]);

  // An answer settles only its own question: a dialog closed by Escape reports its close a task
  // later, when a quick second drop may already be asking, and must not cancel that one.
  const settle = (id: number) => setAsking((current) => (current?.id === id ? undefined : current));
  const question =
    asking && problem !== undefined
      ? {
          id: asking.id,
          problem,
          count: asking.files.length,
          confirm: () => {
            settle(asking.id);
            void enqueue(asking.files);
          },
          cancel: () => settle(asking.id),
        }
      : undefined;
  return { onFiles, pickFiles, held: held.length, question };
}
