import { join } from 'node:path';
import type { StoredProfile } from '../../common/profile';
import { keyPrefix } from '../s3/lifecycle';
import { holdProcessLock } from '../storage/process-lock';
import type { OpenUpload, TransferSigner } from '../transfer/transfer-signer';
import { CLI_QUEUE_FILE, CLI_QUEUE_LOCK, QueueStore, type PersistedEntry } from './queue-store';

/** A multipart upload aborted because no queue item owned it. */
export interface AbortedOrphan {
  readonly profileId: string;
  readonly bucket: string;
  readonly key: string;
  readonly initiated: Date;
}

export interface OrphanSweep {
  /** Aborted uploads; `skipped` says why nothing was looked at (a CLI upload is running), `failed` what could not be listed or aborted. */
  readonly aborted: AbortedOrphan[];
  readonly skipped?: string;
  readonly failed: string[];
}

export interface OrphanSweepOptions {
  readonly signer: TransferSigner;
  readonly dataDir: string;
  readonly profiles: readonly StoredProfile[];
  /** When this run started: an upload initiated since then may be one this run is starting. */
  readonly startedAt: Date;
  /** The app queue's items as they stand now (in memory, saved or not). */
  readonly queued: () => readonly PersistedEntry[];
}

const TOKEN_PATTERNS: Record<string, string> = {
  uuid: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
  random: '[0-9a-f]{12}',
  yyyy: '\\d{4}',
  mm: '\\d{2}',
  dd: '\\d{2}',
};

/**
 * Keys a key template can render (common/key-template.ts), loosely: literal parts as they are,
 * dates, uuids and random parts by their shape, names as anything. With the default template
 * (`{uuid}/{filename}`) the fixed prefix is empty, so the shape alone keeps other tools' uploads
 * in the same bucket out of reach.
 */
export function keyTemplatePattern(template: string): RegExp {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = template
    .normalize('NFC')
    .replace(/^\/+/, '')
    .split(/(\.\{ext\}|\{[a-z]+\})/);
  const body = parts
    .map((p) => {
      if (p === '.{ext}') return '(?:\\..+)?';
      const token = /^\{([a-z]+)\}$/.exec(p)?.[1];
      return token ? (TOKEN_PATTERNS[token] ?? '.+') : escape(p);
    })
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/**
 * Aborts the multipart uploads the app started under its profiles' key prefixes that no queue
 * item owns: a crash between CreateMultipartUpload and the queue's save leaves one that nothing
 * will ever resume, billed forever and invisible in most consoles. Owned are the upload ids of
 * the app's items and of the CLI's saved queue (both share the data folder), and the key of an
 * item whose Create is on its way. Uploads initiated since this start are left alone. The CLI's
 * queue lock is held meanwhile; a CLI upload that holds it (alive) may be creating uploads it has
 * not saved yet, so then nothing is aborted until the next start.
 */
export async function abortOrphanUploads(o: OrphanSweepOptions): Promise<OrphanSweep> {
  const release = await holdProcessLock(join(o.dataDir, CLI_QUEUE_LOCK)).catch(() => undefined);
  if (!release) return { aborted: [], failed: [], skipped: 'a signdrop upload is running from the command line' };
  const aborted: AbortedOrphan[] = [];
  const failed: string[] = [];
  try {
    const cli = (await new QueueStore(o.dataDir, () => [], undefined, CLI_QUEUE_FILE).load().catch(() => ({ entries: [] }))).entries;
    for (const profile of o.profiles) {
      try {
        const open = await o.signer.listMultipartUnder(profile.id, keyPrefix(profile.keyTemplate));
        const orphans = unowned(open, [...o.queued(), ...cli], keyTemplatePattern(profile.keyTemplate), o.startedAt);
        const results = await Promise.allSettled(orphans.map((u) => o.signer.abortMultipart({ profileId: profile.id, key: u.key }, u.uploadId)));
        results.forEach((r, i) => {
          const u = orphans[i]!;
          if (r.status === 'fulfilled') aborted.push({ profileId: profile.id, bucket: profile.bucket, key: u.key, initiated: u.initiated });
          else failed.push(`${profile.bucket}/${u.key}: ${(r.reason as Error).message}`);
        });
      } catch (e) {
        failed.push(`bucket "${profile.bucket}": ${(e as Error).message}`);
      }
    }
  } finally {
    await release();
  }
  return { aborted, failed };
}

/** The open uploads of this template's shape, initiated before `startedAt`, that no item owns. */
function unowned(open: readonly OpenUpload[], items: readonly PersistedEntry[], shape: RegExp, startedAt: Date): OpenUpload[] {
  const ids = new Set(items.flatMap((e) => (e.multipart ? [e.multipart.uploadId] : [])));
  // An item uploading without an upload id yet is waiting for its Create's answer.
  const creating = new Set(items.filter((e) => e.state === 'uploading' && !e.multipart).map((e) => e.key));
  return open.filter((u) => shape.test(u.key) && u.initiated.getTime() < startedAt.getTime() && !ids.has(u.uploadId) && !creating.has(u.key));
}

/** What a sweep did, for the log: keys and buckets, never keys of another kind (no secrets, no URLs). */
export function describeSweep(sweep: OrphanSweep): string | undefined {
  if (sweep.skipped) return `looked for no orphaned multipart uploads this time: ${sweep.skipped}.`;
  const said: string[] = [];
  if (sweep.aborted.length > 0)
    said.push(
      `aborted ${sweep.aborted.length} multipart upload(s) that no queue item owned (left by a crash): ${sweep.aborted.map((a) => `${a.bucket}/${a.key} (started ${a.initiated.toISOString()})`).join(', ')}.`,
    );
  if (sweep.failed.length > 0) said.push(`could not clean up orphaned multipart uploads: ${sweep.failed.join('; ')}.`);
  return said.length > 0 ? said.join(' ') : undefined;
}
