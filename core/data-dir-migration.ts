import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ProfileStore } from './profiles/profile-store';
import { tryLock } from './storage/file-lock';

/** Moving a few small files takes milliseconds: a migration lock older than this was left by a process that died. */
const STALE_LOCK_MS = 30_000;

/** Whether two paths are the same folder (a case-insensitive disk makes `signdrop` and `Signdrop` one). */
async function sameFolder(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/** Adds the old folder's profiles the shared folder lacks; a name already taken gets " (CLI)". */
async function mergeProfiles(from: string, to: string): Promise<number> {
  const old = await new ProfileStore(from).list();
  const store = new ProfileStore(to);
  let added = 0;
  for (const profile of old) {
    if (await store.get(profile.id)) continue;
    const taken = await store.findByName(profile.name);
    await store.save({ ...profile, name: taken ? `${profile.name} (CLI)` : profile.name });
    added++;
  }
  return added;
}

/**
 * Moves the CLI's old folder (`~/.config/signdrop`) into the shared data folder, once: its
 * profiles are added to the shared ones (keychain items are found by profile id, so they keep
 * working), any other file the shared folder lacks is moved over, and the old folder is renamed
 * `signdrop.migrated` so nothing reads it again. Returns the notice to show, or undefined when
 * there was nothing to move (or another process is moving it right now).
 */
export async function migrateOldCliFolder(oldDir: string | undefined, dataDir: string): Promise<string | undefined> {
  if (
    !oldDir ||
    !(await stat(oldDir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  )
    return undefined;
  await mkdir(dataDir, { recursive: true });
  if (await sameFolder(oldDir, dataDir)) return undefined;
  const release = await tryLock(join(dataDir, '.migrate.lock'), STALE_LOCK_MS);
  if (!release) return undefined;
  try {
    // Checked again under the lock: another process may have finished the move meanwhile.
    if (
      !(await stat(oldDir).then(
        () => true,
        () => false,
      ))
    )
      return undefined;
    const profiles = await mergeProfiles(oldDir, dataDir);
    for (const name of await readdir(oldDir)) {
      if (name === 'profiles.json' || name.endsWith('.lock')) continue;
      const target = join(dataDir, name);
      if (
        !(await stat(target).then(
          () => true,
          () => false,
        ))
      )
        await rename(join(oldDir, name), target);
    }
    // A folder migrated before and created again (an older CLI ran since) is kept beside the first.
    const kept = (await stat(`${oldDir}.migrated`).then(
      () => true,
      () => false,
    ))
      ? `${oldDir}.migrated-${Date.now()}`
      : `${oldDir}.migrated`;
    await rename(oldDir, kept);
    return `Signdrop now keeps its profiles and link history in ${dataDir}, shared with the app; moved ${profiles} ${profiles === 1 ? 'profile' : 'profiles'} there from ${oldDir} (the old folder is kept as ${kept}).`;
  } finally {
    await release();
  }
}
