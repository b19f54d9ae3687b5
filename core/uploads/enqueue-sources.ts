/**
 * The one way files join the queue. The window's drops, picks and pastes, the files the OS
 * opens with Signdrop, and the clipboard shortcut all arrive here as sources: paths to files
 * or folders, or in-memory content with a name.
 */
import type { Disposition } from '../../common/disposition';
import { SigndropError } from '../../common/result';
import type { EnqueueResult } from '../../common/uploads';
import { collectFiles } from './collect-files';
import { savePasted } from './pasted-files';
import type { UploadQueue } from './upload-queue';

/** A file or folder on disk, or content held in memory (a pasted screenshot, copied text) and the name to give it. */
export type UploadSource = { readonly path: string } | { readonly name: string; readonly bytes: Uint8Array };

/** The part of the profile service this needs: where uploads go when the caller names no profile. */
export interface ProfileList {
  list(): Promise<readonly { readonly id: string; readonly defaultExpirySeconds: number }[]>;
}

export interface EnqueueSourcesDeps {
  readonly uploads: Pick<UploadQueue, 'enqueue'>;
  readonly profiles: ProfileList;
  /** In-memory sources are kept as files under `<dataDir>/pasted`, so they retry and resume like any file. */
  readonly dataDir: string;
  readonly now?: () => Date;
  /** The user's choices: the default profile, and whether folder walks skip system junk files (on when absent). */
  readonly settings?: { get(): Promise<{ readonly defaultProfileId: string; readonly skipJunkFiles: boolean }> };
}

export interface SourcesRequest {
  readonly sources: readonly UploadSource[];
  /** The default profile (else the first) when absent: files opened from the OS come with no way to choose one. */
  readonly profileId?: string;
  /** The profile's default link lifetime when absent. */
  readonly expiresInSeconds?: number;
  /** Links open in the browser or download; absent, each file's content type decides. */
  readonly disposition?: Disposition;
}

async function target(
  profiles: ProfileList,
  request: SourcesRequest,
  defaultProfileId: string | undefined,
): Promise<{ profileId: string; expiresInSeconds: number }> {
  const { profileId, expiresInSeconds } = request;
  if (profileId !== undefined && expiresInSeconds !== undefined) return { profileId, expiresInSeconds };
  const all = await profiles.list();
  const profile = profileId === undefined ? (all.find((p) => p.id === defaultProfileId) ?? all[0]) : all.find((p) => p.id === profileId);
  if (!profile) {
    const message = profileId === undefined ? 'Add a storage profile in Signdrop first, then open the files again.' : `No profile ${profileId}.`;
    throw SigndropError.of('not-found', message);
  }
  return { profileId: profile.id, expiresInSeconds: expiresInSeconds ?? profile.defaultExpirySeconds };
}

/**
 * Puts the sources in the queue: folders are walked (their relative paths kept), in-memory
 * content is saved as a file first. Unreadable entries and symlink loops are left out and
 * reported in `skipped`; when nothing at all can be uploaded it throws `file-unreadable`
 * with the first reason, and `not-found` when there is no profile to upload with.
 */
export async function enqueueSources(deps: EnqueueSourcesDeps, request: SourcesRequest): Promise<EnqueueResult> {
  const settings = await deps.settings?.get();
  const { profileId, expiresInSeconds } = await target(deps.profiles, request, settings?.defaultProfileId);
  const now = deps.now?.() ?? new Date();
  const paths = await Promise.all(
    request.sources.map(async (source) => ('path' in source ? source.path : savePasted(deps.dataDir, source.name, source.bytes, now))),
  );
  const { files, problems } = await collectFiles(paths, { skipJunk: settings?.skipJunkFiles ?? true });
  if (files.length === 0) throw SigndropError.of('file-unreadable', problems[0]?.message ?? 'Nothing to upload: the folders are empty.');
  const items = await deps.uploads.enqueue({ profileId, expiresInSeconds, files, ...(request.disposition ? { disposition: request.disposition } : {}) });
  return { items, skipped: problems };
}
