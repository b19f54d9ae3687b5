import { join } from 'node:path';
import type { CredentialStore } from './credentials/credential-store';
import { LinkHistory } from './links/link-history';
import { LinkService } from './links/link-service';
import type { ProfileSource } from './profiles/profile-source';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import { regionOnFirstUse, type RegionCorrection } from './profiles/region-on-first-use';
import { RequestService } from './requests/request-service';
import { RequestStore } from './requests/request-store';
import { SettingsStore } from './settings/settings-store';
import { Signer } from './signing/signer';
import { SaveTroubles } from './storage/save-troubles';
import { transferSignerFor } from './signing/signer-for-transfers';
import { abortOrphanUploads, describeSweep, type OrphanSweep } from './uploads/orphan-uploads';
import { UploadQueue, type QueueOptions } from './uploads/upload-queue';

export type { RegionCorrection };

export interface CoreOptions {
  /** Where profiles, the queue and the link history are kept: signdropDataDir() (core/data-dir.ts), shared by the app and the CLI. */
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  readonly now?: () => Date;
  /** Where profiles come from: the profiles file in `dataDir` unless given (the CLI's one-off profile). */
  readonly profiles?: ProfileSource;
  /** The environment `env` profiles read their keys from; the process's own unless given. */
  readonly env?: NodeJS.ProcessEnv;
  /** Told when a profile's region was corrected on its first use (the CLI prints a note). */
  readonly onRegionCorrected?: (correction: RegionCorrection) => void;
  /**
   * Keep the queue in `dataDir` and resume what was unfinished (the app; the default). Off, the
   * queue lives in memory (a command that uploads nothing, or a second CLI upload while another
   * holds the CLI's queue). Either way every finished upload's link is recorded.
   */
  readonly keepQueue?: boolean;
  /** The queue's file and which saved items to take back (the CLI's own queue; see QueueOptions). */
  readonly queue?: Pick<QueueOptions, 'queueFile' | 'restore'>;
}

/** The engine, composed: what main's handlers, the CLI and the tests drive. */
export async function createCore({ dataDir, credentials, now, env = process.env, profiles: source, onRegionCorrected, keepQueue = true, queue }: CoreOptions) {
  const startedAt = new Date();
  // One report of what the data folder refused, or had to set right when read, for every file in it: the app and the CLI tell the user.
  const saveTroubles = new SaveTroubles();
  const profiles = source ?? new ProfileStore(dataDir, (file, message) => saveTroubles.readProblem('profiles', file, message));
  const signer = new Signer(regionOnFirstUse(profiles, credentials, { env }, onRegionCorrected), credentials, now, env);
  const uploads = keepQueue ? await UploadQueue.open(signer, { dataDir, troubles: saveTroubles, ...queue }) : new UploadQueue(signer);
  const links = new LinkService(new LinkHistory(dataDir, now, { troubles: saveTroubles }), signer);
  recordLinks(uploads, links);
  const settings = new SettingsStore(dataDir, {
    warn: (message) => {
      console.warn(`[signdrop] ${message}`);
      saveTroubles.readProblem('settings', join(dataDir, 'settings.json'), message);
    },
  });
  await followConcurrency(settings, uploads);
  // The app's own queue (not the CLI's): in the background, never holding up the start.
  const orphanSweep = keepQueue && !queue ? sweepOrphans(signer, dataDir, profiles, uploads, startedAt) : Promise.resolve(undefined);
  return {
    /** Resolves once the start's look for orphaned multipart uploads is over (the app's queue only). */
    orphanSweep,
    signer,
    profiles: new ProfileService({ profiles, credentials, signer, readers: { env } }),
    uploads,
    links,
    settings,
    saveTroubles,
    requests: new RequestService({
      signer,
      store: new RequestStore(dataDir, (file, message) => saveTroubles.readProblem('requests', file, message)),
      settings,
      ...(now ? { now } : {}),
    }),
  };
}

/** Aborts the app's multipart uploads that no queue item owns (see abortOrphanUploads), and says what it did in the log. */
async function sweepOrphans(signer: Signer, dataDir: string, profiles: ProfileSource, uploads: UploadQueue, startedAt: Date): Promise<OrphanSweep | undefined> {
  try {
    const sweep = await abortOrphanUploads({
      signer: transferSignerFor(signer),
      dataDir,
      profiles: await profiles.list(),
      startedAt,
      queued: () => uploads.store?.snapshot() ?? [],
    });
    const said = describeSweep(sweep);
    if (said) console.log(`[signdrop] ${said}`);
    return sweep;
  } catch (e) {
    console.error(`[signdrop] could not look for orphaned multipart uploads: ${(e as Error).message}`);
    return undefined;
  }
}

/** The queue runs as many files and parts at once as the user's settings say, from start and after each change. */
async function followConcurrency(settings: SettingsStore, uploads: UploadQueue): Promise<void> {
  const apply = ({ fileConcurrency, partConcurrency }: { fileConcurrency: number; partConcurrency: number }) =>
    uploads.setConcurrency(fileConcurrency, partConcurrency);
  apply(await settings.get());
  settings.onChanged(apply);
}

/**
 * Every finished upload's link goes into the history, once. Items restored as completed are
 * checked against the history: a crash between the store's answer (or the queue's save) and the
 * link's line on disk left some unrecorded, and they are recorded now.
 */
function recordLinks(uploads: UploadQueue, links: LinkService): void {
  const restored = uploads.list().filter((item) => item.state === 'completed');
  const recorded = new Set(restored.map((item) => item.id));
  const failed = (e: unknown) => console.error(`[signdrop] could not record a link: ${(e as Error).message}`);
  if (restored.length > 0) links.recordMissing(restored).catch(failed);
  uploads.onChanged((item) => {
    if (item.state !== 'completed' || recorded.has(item.id)) return;
    recorded.add(item.id);
    links.recordUpload(item)?.catch(failed);
  });
}

export type Core = Awaited<ReturnType<typeof createCore>>;
