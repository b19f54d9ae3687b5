import { stat } from 'node:fs/promises';
import { isUnchanged } from '../transfer/file-check';
import type { TransferSigner } from '../transfer/transfer-signer';
import { Entry } from './queue-entry';
import type { PersistedEntry } from './queue-store';
import { signShareLink } from './share-link';
import { storedBeforeCrash } from './stored-object';

/**
 * Turns the saved queue back into entries after a start. Unfinished items are queued again
 * (paused ones stay paused), or completed with their link when the store already holds them
 * whole; a file that changed since it was queued starts over, and says so; a file that is gone
 * fails with words.
 */
export async function restoreEntries(saved: readonly PersistedEntry[], signer: TransferSigner): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const p of saved) {
    const finished = p.state === 'completed' || p.state === 'failed' || p.state === 'canceled';
    if (finished) entries.push(new Entry(p));
    else if (await isUnchanged(p)) entries.push(await restoreUnchanged(p, signer));
    else entries.push(await restoreChanged(p, signer));
  }
  return entries;
}

/**
 * The saved items a start takes back (all, unless `restore` picks), restored as restoreEntries
 * says; the others are forgotten (see forgetUploads).
 */
export async function restoreSaved(saved: readonly PersistedEntry[], signer: TransferSigner, restore?: (entry: PersistedEntry) => boolean): Promise<Entry[]> {
  const taken = new Set(restore ? saved.filter(restore) : saved);
  await forgetUploads(
    saved.filter((e) => !taken.has(e)),
    signer,
  );
  return restoreEntries([...taken], signer);
}

/** Saved items this start does not take back: their multipart uploads are aborted, so no parts stay billed. */
export async function forgetUploads(dropped: readonly PersistedEntry[], signer: TransferSigner): Promise<void> {
  await Promise.all(
    dropped.flatMap((p) =>
      p.multipart && p.state !== 'completed'
        ? [signer.abortMultipart({ profileId: p.profileId, key: p.key }, p.multipart.uploadId).catch(() => undefined)]
        : [],
    ),
  );
}

async function restoreUnchanged(p: PersistedEntry, signer: TransferSigner): Promise<Entry> {
  const state = p.state === 'paused' ? 'paused' : 'queued';
  const stored = p.state === 'paused' ? undefined : await storedBeforeCrash(p, signer);
  if (!stored) return new Entry({ ...p, state });
  const link = await signShareLink(signer, p).catch(() => undefined);
  // Without a link (no keys right now, say) it stays queued: uploading it again also ends with one.
  if (!link) return new Entry({ ...p, state });
  const { multipart, ...rest } = p;
  // Gone already on most stores once completed; aborting makes sure no parts stay billed on the others.
  if (multipart) await signer.abortMultipart({ profileId: p.profileId, key: p.key }, multipart.uploadId).catch(() => undefined);
  return new Entry({ ...rest, state: 'completed', etag: stored.etag, integrity: 'verified', link });
}

async function restoreChanged(p: PersistedEntry, signer: TransferSigner): Promise<Entry> {
  const state = p.state === 'paused' ? 'paused' : 'queued';
  const now = await stat(p.path).catch(() => undefined);
  if (p.multipart) await signer.abortMultipart({ profileId: p.profileId, key: p.key }, p.multipart.uploadId).catch(() => undefined);
  const { multipart: _dropped, ...rest } = p;
  if (!now?.isFile()) {
    return new Entry({
      ...rest,
      state: 'failed',
      error: {
        code: 'file-unreadable',
        message: `${p.path} is gone: it was moved or deleted while Signdrop was closed. Add it again if you still want it uploaded.`,
        retryable: false,
      },
    });
  }
  return new Entry({
    ...rest,
    state,
    size: now.size,
    mtimeMs: now.mtimeMs,
    notice: `${p.relativePath} changed while Signdrop was closed, so it uploads again from the start (the new version).`,
  });
}
