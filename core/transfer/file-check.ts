import { stat } from 'node:fs/promises';
import { SigndropError } from '../../common/result';

/** What the file looked like when it was queued. */
export interface FileSnapshot {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Whether a stat result is still the version that was queued (same size and modification time). */
export const sameVersion = (now: { size: number; mtimeMs: number }, queued: FileSnapshot): boolean =>
  now.size === queued.size && now.mtimeMs === queued.mtimeMs;

/** The queued file can no longer be read: gone (ENOENT), or its permissions changed. */
export const fileUnreadable = (path: string, code: string | undefined): SigndropError =>
  SigndropError.of(
    'file-unreadable',
    code === 'ENOENT' || code === undefined
      ? `${path} is gone (${code ?? 'not found'}): it was moved or deleted after it was added. Add it again if you still want it uploaded.`
      : `${path} can no longer be read (${code}): check its permissions, then retry.`,
  );

/** The queued file is no longer the version the user chose; `how` says when that showed. */
export const fileChanged = (path: string, how: string): SigndropError =>
  SigndropError.of('file-changed', `${path} changed ${how}; add it again to upload the new version.`);

/**
 * Fails (not retryable) when the file was deleted, moved or changed since it was queued:
 * uploading a different version than the user chose would hand out a link to the wrong bytes.
 */
export async function checkUnchanged(file: FileSnapshot): Promise<void> {
  const now = await stat(file.path).catch((e: NodeJS.ErrnoException) => e);
  if (now instanceof Error) throw fileUnreadable(file.path, now.code);
  if (!sameVersion(now, file))
    throw fileChanged(file.path, `after it was added (${now.size !== file.size ? `size ${file.size} → ${now.size} bytes` : 'modified'})`);
}

/** Like checkUnchanged, but answers instead of throwing (used when resuming after a restart). */
export async function isUnchanged(file: FileSnapshot): Promise<boolean> {
  return checkUnchanged(file).then(
    () => true,
    () => false,
  );
}
