import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/**
 * Keeps pasted in-memory content (a screenshot) as a file in `<dataDir>/pasted/<uuid>/`, so it
 * uploads, retries and resumes like any other file. The name is reduced to a plain file name.
 */
export async function savePasted(dataDir: string, name: string, bytes: Uint8Array, now = new Date()): Promise<string> {
  let safe = basename(name.replace(/\\/g, '/')).replace(/^\.+/, '').trim() || 'pasted';
  // Chromium names every pasted screenshot "image.png": give it a name a recipient can tell apart.
  if (safe === 'image.png') safe = `Pasted image ${now.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '.')}.png`;
  const dir = join(dataDir, 'pasted', randomUUID());
  await mkdir(dir, { recursive: true });
  const path = join(dir, safe);
  await writeFile(path, bytes, { mode: 0o600 });
  return path;
}
