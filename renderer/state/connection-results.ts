import { useSyncExternalStore } from 'react';

/**
 * What the last connection test of each profile found wrong, in words; nothing for a profile
 * whose last test passed or that was never tested in this window. Every place that tests a
 * profile (Test connection, the form's test before saving) reports here, so a drop can ask
 * before uploading to a profile that just failed.
 */
const problems = new Map<string, string>();
const listeners = new Set<() => void>();

/** Records a test's outcome: the problem's message, or undefined when the connection worked. */
export function recordConnectionTest(profileId: string, problem: string | undefined): void {
  if (problems.get(profileId) === problem) return;
  if (problem === undefined) problems.delete(profileId);
  else problems.set(profileId, problem);
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The problem the last test of `profileId` found, kept current as tests run. */
export function useConnectionProblem(profileId: string | undefined): string | undefined {
  return useSyncExternalStore(subscribe, () => (profileId === undefined ? undefined : problems.get(profileId)));
}
