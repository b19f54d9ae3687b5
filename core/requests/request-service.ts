import { randomUUID } from 'node:crypto';
import { CreateRequestInput, type FileRequest, type RequestFile, type UploadMode } from '../../common/requests';
import { SigndropError } from '../../common/result';
import { renderRequestPage } from '../pages/request-page';
import { writePage } from '../pages/write-page';
import type { SettingsStore } from '../settings/settings-store';
import { deleteObject } from '../signing/delete-object';
import type { PresignedRequest, Signer } from '../signing/signer';
import { RequestFiles } from './request-files';
import { REQUEST_PAGE_FILE_NAME, requestPageKey, requestPrefix, slotKey } from './request-prefix';
import { signSlots } from './request-slots';
import type { RequestStore } from './request-store';
import { RequestWatcher, type Arrival, type WatchClock } from './request-watcher';
import { probeUploadMode, storeKey } from './upload-mode';

export interface RequestServiceDeps {
  readonly signer: Signer;
  readonly store: RequestStore;
  readonly settings: SettingsStore;
  readonly now?: () => Date;
}

/** What one look at a request's prefix found. */
export interface RequestSweep {
  readonly request: FileRequest;
  readonly files: RequestFile[];
  /** Files not seen by any earlier look. */
  readonly fresh: RequestFile[];
}

/**
 * Request files: creates a request (a fresh prefix and an upload page in the bucket, one slot per
 * file), lists what arrived, closes it (deletes the page, so its link stops working) and extends it
 * (the page written again in place, with new slots for what is still missing, and a new link).
 */
export class RequestService {
  private readonly files: RequestFiles;
  private readonly now: () => Date;
  private watcher: RequestWatcher | undefined;

  constructor(private readonly deps: RequestServiceDeps) {
    this.files = new RequestFiles(deps.signer);
    this.now = deps.now ?? (() => new Date());
  }

  /** Every request made, newest first. */
  /** Told when the requests changed on disk, by this process or another; returns the unsubscribe. */
  onChanged(listener: () => void): () => void {
    return this.deps.store.onChanged(listener);
  }

  list(): Promise<FileRequest[]> {
    return this.deps.store.list();
  }

  /**
   * Watches open requests for new files (request-watcher.ts) until the returned function is
   * called; `onArrivals` hears once per look that found any. Making or extending a request wakes it.
   */
  watch(onArrivals: (arrivals: readonly Arrival[]) => void, clock?: WatchClock): () => void {
    const watcher = new RequestWatcher(this, onArrivals, clock);
    this.watcher = watcher;
    const stop = watcher.start();
    return () => {
      stop();
      if (this.watcher === watcher) this.watcher = undefined;
    };
  }

  /** How the profile's store takes uploads from a page: remembered, or found by one probe. */
  async uploadMode(profileId: string): Promise<UploadMode> {
    const key = storeKey(await this.deps.signer.profile(profileId));
    const known = (await this.deps.settings.get()).uploadModes[key];
    if (known) return known;
    const mode = await probeUploadMode(this.deps.signer, profileId);
    // Added to the modes the file holds now: the CLI may have remembered another store's meanwhile.
    await this.deps.settings.update(({ uploadModes }) => ({ uploadModes: { ...uploadModes, [key]: mode } }));
    return mode;
  }

  async create(input: CreateRequestInput): Promise<FileRequest> {
    const parsed = CreateRequestInput.parse(input);
    const profile = await this.deps.signer.profile(parsed.profileId);
    const mode = await this.uploadMode(parsed.profileId);
    const now = this.now();
    const prefix = requestPrefix(parsed.title, now);
    const draft: FileRequest = {
      id: randomUUID(),
      profileId: parsed.profileId,
      bucket: profile.bucket,
      title: parsed.title,
      message: parsed.message ?? '',
      prefix,
      pageKey: requestPageKey(prefix),
      url: '',
      mode,
      maxFiles: parsed.maxFiles,
      maxSize: parsed.maxSize,
      types: parsed.types ?? [],
      createdAt: now.toISOString(),
      expiresAt: now.toISOString(),
      arrived: [],
    };
    const created = await this.deps.store.put(await this.publish(draft, parsed.expiresInSeconds));
    this.watcher?.poke();
    return created;
  }

  /** What arrived so far; remembers it, so `arrived` and the watcher know. */
  async sweep(id: string): Promise<RequestSweep> {
    const request = await this.get(id);
    const files = await this.files.list(request.profileId, request.prefix);
    const seen = new Set(request.arrived);
    const fresh = files.filter((f) => !seen.has(f.key));
    const saved = fresh.length > 0 ? await this.deps.store.put({ ...request, arrived: files.map((f) => f.key) }) : request;
    return { request: saved, files, fresh };
  }

  /** Deletes the page, so its link answers 404 at once; the files stay. */
  async close(id: string): Promise<FileRequest> {
    const request = await this.get(id);
    await deleteObject(this.deps.signer, request.profileId, request.pageKey);
    return this.deps.store.put({ ...request, closedAt: request.closedAt ?? this.now().toISOString() });
  }

  /** Writes the page again with fresh slots for the files still missing, and a new link living `expiresInSeconds`. */
  async extend(id: string, expiresInSeconds: number): Promise<FileRequest> {
    // Listed first: slots that took a file since the last look are not offered again.
    const { closedAt: _closed, ...request } = (await this.sweep(id)).request;
    const extended = await this.deps.store.put(await this.publish(request, expiresInSeconds));
    this.watcher?.poke();
    return extended;
  }

  /** A normal download link to a file that arrived, under the name it was sent with. */
  async fileLink(id: string, key: string, expiresInSeconds: number): Promise<PresignedRequest> {
    const { request, file } = await this.file(id, key);
    return this.deps.signer.presignGet(request.profileId, key, { expiresInSeconds, downloadName: file.name, disposition: 'attachment' });
  }

  /** Deletes a file that arrived; the request stays as it is. */
  async deleteFile(id: string, key: string): Promise<void> {
    const { request } = await this.file(id, key);
    await deleteObject(this.deps.signer, request.profileId, key);
  }

  /** A file of the request, as listed now: a key outside its prefix is never signed or deleted. */
  private async file(id: string, key: string): Promise<{ request: FileRequest; file: RequestFile }> {
    const { request, files } = await this.sweep(id);
    const file = files.find((f) => f.key === key);
    if (!file) throw SigndropError.of('not-found', 'That file is no longer in the request; it may have been deleted.');
    return { request, file };
  }

  private async get(id: string): Promise<FileRequest> {
    const request = await this.deps.store.get(id);
    if (!request) throw SigndropError.of('not-found', 'There is no request with that id. Run signdrop request list to see them.');
    return request;
  }

  /** Signs a slot for every file not yet arrived, writes the page, and links it until the slots end. */
  private async publish(request: FileRequest, expiresInSeconds: number): Promise<FileRequest> {
    const arrived = new Set(request.arrived);
    const keys = Array.from({ length: request.maxFiles }, (_, i) => slotKey(request.prefix, i)).filter((k) => !arrived.has(k));
    if (keys.length === 0) throw SigndropError.of('invalid-input', 'Every file this request asked for has arrived; make a new request for more.');
    const { slots, expiresAt, warning } = await signSlots(this.deps.signer, request, keys, expiresInSeconds);
    const html = renderRequestPage({ ...request, slots, expiresAt });
    const page = { profileId: request.profileId, key: request.pageKey, html, fileName: REQUEST_PAGE_FILE_NAME };
    const link = await writePage(this.deps.signer, { ...page, until: Date.parse(expiresAt), now: this.now });
    const { warning: _old, ...rest } = request;
    return { ...rest, url: link.url, expiresAt, ...(warning ? { warning } : {}) };
  }
}
