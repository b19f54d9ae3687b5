import type { CredentialStore } from './credentials/credential-store';
import { ProfileService } from './profiles/profile-service';
import { ProfileStore } from './profiles/profile-store';
import { Signer } from './signing/signer';
import { UploadQueue } from './uploads/upload-queue';

export interface CoreOptions {
  /** Where profiles and the queue are kept (Electron's userData, or ~/.config/signdrop for the CLI). */
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  readonly now?: () => Date;
}

/** The engine, composed: what main's handlers and the CLI drive. */
export function createCore({ dataDir, credentials, now }: CoreOptions) {
  const store = new ProfileStore(dataDir);
  const signer = new Signer(store, credentials, now);
  return {
    signer,
    profiles: new ProfileService(store, credentials, signer),
    uploads: new UploadQueue(signer),
  };
}

export type Core = ReturnType<typeof createCore>;
