/**
 * The API the preload puts on `window.signdrop`: domain methods and subscriptions, never
 * channel names or ipcRenderer. A page that could invoke any channel by name would reach every
 * handler main registers; these methods are all it can ask for.
 */
import type { EventPayloads, PickedFile } from './contract';
import type { ConnectionReport } from './connection';
import type { Disposition } from './disposition';
import type { CleanupObjects, CleanupResult, ExpireAfterResult, ExpireAfterState } from './lifecycle';
import type { BulkOutcome, LinkFilter, LinkLifetime, LinkPage, LinkRecord } from './links';
import type { ProfileInput, ProfileView } from './profile';
import type { Result } from './result';
import type { SaveNotice } from './save-notice';
import type { Settings, SettingsPatch } from './settings';
import type { ShortcutName } from './shortcuts';
import type { Arrival, CreateRequestInput, FileRequest, RequestFile, RequestFileLink } from './requests';
import type { SharePage } from './share-page';
import type { EnqueueResult, QueueAction, UploadItem } from './uploads';

/** History's search, its filter, and the view's clock (ms) the filter is judged at. */
export interface LinkSearchRequest {
  readonly search: string;
  readonly filter: LinkFilter;
  readonly now: number;
}

/** A dropped or pasted browser File; structurally typed so common/ needs no DOM types. */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FileSource = PickedFile | DroppedFile;

export const isPickedFile = (f: FileSource): f is PickedFile => typeof (f as PickedFile).token === 'string';

export type Unsubscribe = () => void;

export interface SigndropApi {
  readonly profiles: {
    list(): Promise<Result<ProfileView[]>>;
    /** The saved profiles changed (by this app or the CLI): list them again. */
    onChanged(listener: () => void): Unsubscribe;
    save(profile: ProfileInput): Promise<Result<ProfileView>>;
    /** Removes the profile and its keychain item. */
    remove(id: string): Promise<Result<null>>;
    duplicate(id: string): Promise<Result<ProfileView>>;
    /** Checks keys, bucket, region, permissions and clock against the store. */
    test(id: string): Promise<Result<ConnectionReport>>;
    /** The bucket rule that deletes this profile's uploads N days after upload (days null: none), and whether the store does such rules. */
    expireAfterDays(id: string): Promise<Result<ExpireAfterState>>;
    /** Sets (days) or removes (null) that rule, keeping the bucket's other rules. */
    setExpireAfter(id: string, days: number | null): Promise<Result<ExpireAfterResult>>;
    /** The same checks on a profile not saved yet, with the secret typed in the form. */
    testDraft(profile: ProfileInput): Promise<Result<ConnectionReport>>;
  };
  readonly files: {
    /** Opens main's file dialog. */
    pick(): Promise<Result<PickedFile[]>>;
  };
  readonly uploads: {
    enqueue(request: {
      profileId: string;
      expiresInSeconds: number;
      files: readonly FileSource[];
      /** Links open in the browser or download; absent, each file's content type decides. */
      disposition?: Disposition;
    }): Promise<Result<EnqueueResult>>;
    list(): Promise<Result<UploadItem[]>>;
    /** Pause, resume, cancel, retry or remove one item, or every item when no id is given. */
    control(action: QueueAction, id?: string): Promise<Result<null>>;
    onChanged(listener: (snapshot: EventPayloads['uploads:changed']) => void): Unsubscribe;
    /** Shows the upload's local file in the OS file manager. */
    reveal(id: string): Promise<Result<null>>;
    /** A data: URL of the upload's local image, or null when there is none to show. */
    thumbnail(id: string): Promise<Result<string | null>>;
  };
  readonly links: {
    /** Every link made, newest first. */
    list(): Promise<Result<LinkRecord[]>>;
    /** The history changed (by this app or the CLI): ask again for what is shown. */
    onChanged(listener: () => void): Unsubscribe;
    /** How long a link would really live: shorter than asked when temporary credentials expire first. */
    lifetime(profileId: string, expiresInSeconds: number): Promise<Result<LinkLifetime>>;
    /** Signs a new link to the same object with a new expiry, inline or attachment when given. */
    renew(id: string, expiresInSeconds: number, disposition?: Disposition): Promise<Result<LinkRecord>>;
    /** One link for many files: a page in the bucket listing finished uploads and/or history links. */
    sharePage(request: { uploadIds?: readonly string[]; linkIds?: readonly string[] }): Promise<Result<SharePage>>;
    /** Deletes the object from the bucket, which ends access through every link to it. */
    deleteObject(id: string): Promise<Result<null>>;
    /**
     * Deletes the objects whose every link expired; `dryRun` only lists them (for a confirmation).
     * Given the confirmed `objects`, only those of them still expired are deleted.
     */
    cleanupExpired(dryRun: boolean, objects?: CleanupObjects): Promise<Result<CleanupResult>>;
    /** Opens a link in the OS browser (https, or a saved profile's endpoint). */
    open(url: string): Promise<Result<null>>;
    /** One page of the links matching a search and filter at `now` (ms), newest first, with the count under each filter. */
    query(request: LinkSearchRequest & { offset: number; limit: number }): Promise<Result<LinkPage>>;
    /** The ids of every link matching a search and filter. */
    matchingIds(request: LinkSearchRequest): Promise<Result<string[]>>;
    /** The links behind these ids, newest first. */
    getMany(ids: readonly string[]): Promise<Result<LinkRecord[]>>;
    /** New links for many entries, each updated in place. */
    renewMany(ids: readonly string[], expiresInSeconds: number, disposition?: Disposition): Promise<Result<BulkOutcome>>;
    /** Deletes the objects behind many links, which ends access through every link to them. */
    deleteMany(ids: readonly string[]): Promise<Result<BulkOutcome>>;
  };
  readonly clipboard: {
    /** Written by main: the sandboxed renderer has no reliable clipboard of its own. */
    writeText(text: string): Promise<Result<null>>;
  };
  readonly requests: {
    /** A new request: an upload page in the bucket and the one link to it. */
    create(input: CreateRequestInput): Promise<Result<FileRequest>>;
    /** Every request made, newest first. */
    list(): Promise<Result<FileRequest[]>>;
    /** The requests changed (made, closed or extended by this app or the CLI): list them again. */
    onChanged(listener: () => void): Unsubscribe;
    /** What arrived for a request, listed now. */
    files(id: string): Promise<Result<RequestFile[]>>;
    /** Deletes the page, so its link stops working; the files stay. */
    close(id: string): Promise<Result<FileRequest>>;
    /** A new page and link living `expiresInSeconds`, for the files still missing. */
    extend(id: string, expiresInSeconds: number): Promise<Result<FileRequest>>;
    /** A normal download link to a file that arrived, to open or share onward. */
    fileLink(id: string, key: string, expiresInSeconds: number): Promise<Result<RequestFileLink>>;
    deleteFile(id: string, key: string): Promise<Result<null>>;
    /** New files for open requests, once per look that found any. */
    onArrived(listener: (arrivals: readonly Arrival[]) => void): Unsubscribe;
  };
  readonly settings: {
    get(): Promise<Result<Settings>>;
    /** Changes the given settings; answers the whole set as saved. */
    set(patch: SettingsPatch): Promise<Result<Settings>>;
    /** The whole set after any change, from the window or the tray. */
    onChanged(listener: (settings: Settings) => void): Unsubscribe;
  };
  readonly shortcuts: {
    /** The app menu chose one of the window's shortcuts (Preferences…, the views, Keyboard Shortcuts). */
    onMenu(listener: (name: ShortcutName) => void): Unsubscribe;
  };
  readonly storage: {
    /** What is being refused now and what was set right when read, for a window that opens after they were said. */
    notices(): Promise<Result<readonly SaveNotice[]>>;
    /** The data folder refused a save (the history, the queue), takes it again, or had a file set right when read: said once each. */
    onNotice(listener: (notice: SaveNotice) => void): Unsubscribe;
  };
}
