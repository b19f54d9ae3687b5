import type { CredentialStore } from './credentials/credential-store';
import { LinkHistory } from './links/link-history';
import { LinkService } from './links/link-service';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import { SettingsStore } from './settings/settings-store';
import { Signer } from './signing/signer';
import { UploadQueue } from './uploads/upload-queue';

export interface CoreOptions {
  /** Where profiles and the queue are kept (Electron's userData, or ~/.config/signdrop for the CLI). */
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  readonly now?: () => Date;
}

/** The engine, composed: what main's handlers and the CLI drive. */
export async function createCore({ dataDir, credentials, now }: CoreOptions) {
  const store = new ProfileStore(dataDir);
  const signer = new Signer(store, credentials, now);
  // The queue is saved in dataDir as it goes, and what was unfinished resumes here.
  const uploads = await UploadQueue.open(signer, { dataDir });
  const links = new LinkService(new LinkHistory(dataDir, now), signer);
  // Every finished upload's link goes into the history, once. Items restored as completed were
  // recorded in an earlier run (the queue announces restored items like any change).
  const recorded = new Set(uploads.list().flatMap((item) => (item.state === 'completed' ? [item.id] : [])));
  uploads.onChanged((item) => {
    if (item.state !== 'completed' || recorded.has(item.id)) return;
    recorded.add(item.id);
    links.recordUpload(item)?.catch((e: unknown) => console.error(`[signdrop] could not record a link: ${(e as Error).message}`));
  });
  return {
    signer,
    profiles: new ProfileService(store, credentials, signer),
    uploads,
    links,
    settings: new SettingsStore(dataDir),
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
