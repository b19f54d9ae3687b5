import { stat } from 'node:fs/promises';
import { isUnchanged } from '../transfer/file-check';
import type { TransferSigner } from '../transfer/transfer-signer';
import { Entry } from './queue-entry';
import type { PersistedEntry } from './queue-store';

/**
 * Turns the saved queue back into entries after a start. Unfinished items are queued again
 * (paused ones stay paused); a file that changed since it was queued starts over, and says so;
 * a file that is gone fails with words.
 */
export async function restoreEntries(saved: readonly PersistedEntry[], signer: TransferSigner): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const p of saved) {
    const finished = p.state === 'completed' || p.state === 'failed' || p.state === 'canceled';
    if (finished) {
      entries.push(new Entry(p));
      continue;
    }
    const state = p.state === 'paused' ? 'paused' : 'queued';
    if (await isUnchanged(p)) {
      entries.push(new Entry({ ...p, state }));
      continue;
    }
    const now = await stat(p.path).catch(() => undefined);
    if (p.multipart) await signer.abortMultipart({ profileId: p.profileId, key: p.key }, p.multipart.uploadId).catch(() => undefined);
    const { multipart: _dropped, ...rest } = p;
    if (!now?.isFile()) {
      entries.push(
        new Entry({
          ...rest,
          state: 'failed',
          error: {
            code: 'file-unreadable',
            message: `${p.path} is gone: it was moved or deleted while Signdrop was closed. Add it again if you still want it uploaded.`,
            retryable: false,
          },
        }),
      );
      continue;
    }
    entries.push(
      new Entry({
        ...rest,
        state,
        size: now.size,
        mtimeMs: now.mtimeMs,
        notice: `${p.relativePath} changed while Signdrop was closed, so it uploads again from the start (the new version).`,
      }),
    );
  }
  return entries;
}
