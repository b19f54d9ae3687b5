/**
 * The IPC contract: every channel between renderer and main, named once, with the
 * zod schema main uses to parse what arrives and the type of what goes back.
 * The preload maps friendly methods onto these names; the renderer never sees them.
 */
import { z } from 'zod';
import { expirySeconds, ProfileInput, type ProfileView } from './profile';
import type { ConnectionReport } from './connection';
import { CleanupObjects, MAX_EXPIRE_AFTER_DAYS, type CleanupResult, type ExpireAfterResult, type ExpireAfterState } from './lifecycle';
import { LINK_FILTERS, type BulkOutcome, type LinkLifetime, type LinkPage, type LinkRecord } from './links';
import { DISPOSITIONS } from './disposition';
import type { Result } from './result';
import { SettingsPatch, type Settings } from './settings';
import type { SaveNotice } from './save-notice';
import type { SharePage } from './share-page';
import type { ShortcutName } from './shortcuts';
import {
  CreateRequestInput,
  ExtendRequestInput,
  RequestFileLinkInput,
  RequestFileRef,
  type Arrival,
  type FileRequest,
  type RequestFile,
  type RequestFileLink,
} from './requests';
import { QUEUE_ACTIONS, type EnqueueResult, type QueueSnapshot, type UploadItem } from './uploads';

/** Longest link main opens: presigned URLs with session tokens run to a few thousand characters. */
export const MAX_OPEN_URL_LENGTH = 16_384;

/** A file the user picked in main's open dialog; main keeps the path, the renderer gets a token. */
export interface PickedFile {
  readonly token: string;
  readonly name: string;
  readonly size: number;
}

/** Pasted content that exists only in memory (a screenshot) is sent as bytes, up to this size. */
export const MAX_PASTED_BYTES = 50 * 1024 * 1024;

/**
 * A file to upload: a token from the open dialog, a path the preload resolved from a dropped
 * File, or the bytes of a pasted in-memory file (base64, since it must survive any transport).
 */
export const FileRef = z.union([
  z.object({ token: z.string().min(1).max(100) }).strict(),
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z
    .object({
      name: z.string().min(1).max(255),
      base64: z.string().max(Math.ceil(MAX_PASTED_BYTES / 3) * 4, 'A pasted file can be at most 50 MB; save it and drop the file instead.'),
    })
    .strict(),
]);
export type FileRef = z.infer<typeof FileRef>;

export const EnqueueInput = z
  .object({
    profileId: z.string().min(1),
    expiresInSeconds: expirySeconds,
    files: z.array(FileRef).min(1, 'Add at least one file.').max(100_000),
    /** Links open in the browser or download; absent, each file's content type decides. */
    disposition: z.enum(DISPOSITIONS).optional(),
  })
  .strict();
export type EnqueueInput = z.infer<typeof EnqueueInput>;

const none = z.undefined();
const byId = z.object({ id: z.string().min(1) }).strict();
const text = z.object({ text: z.string().max(1_000_000) }).strict();
const ids = z.array(z.string().min(1)).max(100_000);

/** A share page for finished uploads (queue item ids) and/or history links (link ids). */
export const SharePageInput = z
  .object({ uploadIds: ids.optional(), linkIds: ids.optional() })
  .strict()
  .refine((v) => (v.uploadIds?.length ?? 0) + (v.linkIds?.length ?? 0) > 0, 'Choose at least one uploaded file to share as one link.');
export type SharePageInput = z.infer<typeof SharePageInput>;

/** History's search and filter, at the moment the view shows (its clock, so rows and filter agree). */
const LinkSearch = z.object({ search: z.string().max(1_000), filter: z.enum(LINK_FILTERS), now: z.number() });
/** A window of History's rows: only the rows in view, or about to be, cross the IPC. */
export const MAX_LINK_PAGE = 500;
export const LinkQueryInput = LinkSearch.extend({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(MAX_LINK_PAGE) }).strict();
export type LinkQueryInput = z.infer<typeof LinkQueryInput>;

interface Channel<S extends z.ZodType, R> {
  readonly input: S;
  /** Phantom: only its type is used. */
  readonly result?: R;
}
const channel =
  <R>() =>
  <S extends z.ZodType>(input: S): Channel<S, R> => ({ input });

export const channels = {
  'profiles:list': channel<ProfileView[]>()(none),
  'profiles:save': channel<ProfileView>()(ProfileInput),
  'profiles:remove': channel<null>()(byId),
  /** A copy under a free name, its keychain secret copied in main. */
  'profiles:duplicate': channel<ProfileView>()(byId),
  'profiles:test': channel<ConnectionReport>()(byId),
  /**
   * The profile's "delete uploads N days after upload" bucket rule: its days (null: none), the prefix,
   * the bucket's other rules, and whether the store does lifecycle rules at all (if not, its refusal in words).
   */
  'profiles:expire-after-get': channel<ExpireAfterState>()(byId),
  /** Sets (days) or removes (null) that rule; the bucket's other lifecycle rules are kept. */
  'profiles:expire-after': channel<ExpireAfterResult>()(
    z.object({ id: z.string().min(1), days: z.number().int().min(1).max(MAX_EXPIRE_AFTER_DAYS).nullable() }).strict(),
  ),
  /**
   * Tests a profile before it is saved, with the secret just typed (or, editing, the stored one):
   * the form shows what is wrong at its field, and nothing reaches the disk or the keychain.
   */
  'profiles:test-draft': channel<ConnectionReport>()(ProfileInput),
  'files:pick': channel<PickedFile[]>()(none),
  'uploads:enqueue': channel<EnqueueResult>()(EnqueueInput),
  'uploads:list': channel<UploadItem[]>()(none),
  'uploads:control': channel<null>()(z.object({ action: z.enum(QUEUE_ACTIONS), id: z.string().min(1).optional() }).strict()),
  'links:list': channel<LinkRecord[]>()(none),
  'links:lifetime': channel<LinkLifetime>()(z.object({ profileId: z.string().min(1), expiresInSeconds: expirySeconds }).strict()),
  'links:renew': channel<LinkRecord>()(
    z.object({ id: z.string().min(1), expiresInSeconds: expirySeconds, disposition: z.enum(DISPOSITIONS).optional() }).strict(),
  ),
  'links:share-page': channel<SharePage>()(SharePageInput),
  'links:delete-object': channel<null>()(byId),
  /**
   * Deletes the objects whose every link in the history expired; a dry run only lists them (count,
   * bytes, each object's name and size: the confirmation). Given `objects` (what the confirmation
   * showed), the real run deletes only those of them still expired.
   */
  'links:cleanup-expired': channel<CleanupResult>()(z.object({ dryRun: z.boolean(), objects: CleanupObjects.optional() }).strict()),
  /** One page of History's matches, with the count under each filter. */
  'links:query': channel<LinkPage>()(LinkQueryInput),
  /** The ids of every link matching a search and filter ("Select all"). */
  'links:matching-ids': channel<string[]>()(LinkSearch.strict()),
  'links:get-many': channel<LinkRecord[]>()(z.object({ ids }).strict()),
  /** New links for many entries, each in place; failures are listed in the outcome, not thrown. */
  'links:renew-many': channel<BulkOutcome>()(z.object({ ids, expiresInSeconds: expirySeconds, disposition: z.enum(DISPOSITIONS).optional() }).strict()),
  /** Deletes the objects behind many links; failures are listed in the outcome, not thrown. */
  'links:delete-many': channel<BulkOutcome>()(z.object({ ids }).strict()),
  'clipboard:write': channel<null>()(text),
  'settings:get': channel<Settings>()(none),
  /** What the data folder is refusing to save now, and what was set right when read since the start (storage:notice says each as it happens). */
  'storage:notices': channel<readonly SaveNotice[]>()(none),
  'settings:set': channel<Settings>()(SettingsPatch),
  /** Opens a link in the OS browser; main checks it first (https, or a saved profile's endpoint). */
  'links:open': channel<null>()(z.object({ url: z.string().min(1).max(MAX_OPEN_URL_LENGTH) }).strict()),
  /** Shows an upload's local file in the file manager; main holds the path, the renderer only the id. */
  'uploads:reveal': channel<null>()(byId),
  /** A small image of an upload's local file (a data: URL), or null when it is not an image main shows. */
  'uploads:thumbnail': channel<string | null>()(byId),
  /** Request files: an upload page in the bucket, one link anyone can send files through. */
  'requests:create': channel<FileRequest>()(CreateRequestInput),
  'requests:list': channel<FileRequest[]>()(none),
  /** What arrived under a request's prefix, listed now. */
  'requests:files': channel<RequestFile[]>()(byId),
  /** Deletes the page: its link stops working; the files stay. */
  'requests:close': channel<FileRequest>()(byId),
  /** A new page and link for the files still missing. */
  'requests:extend': channel<FileRequest>()(ExtendRequestInput),
  /** A normal download link to a file that arrived, named as it was sent. */
  'requests:file-link': channel<RequestFileLink>()(RequestFileLinkInput),
  'requests:delete-file': channel<null>()(RequestFileRef),
} as const;

export type ChannelName = keyof typeof channels;
export type ChannelInput<C extends ChannelName> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsed<C extends ChannelName> = z.output<(typeof channels)[C]['input']>;
export type ChannelValue<C extends ChannelName> = (typeof channels)[C] extends Channel<z.ZodType, infer R> ? R : never;
export type ChannelResult<C extends ChannelName> = Result<ChannelValue<C>>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName => typeof name === 'string' && Object.hasOwn(channels, name);

/** Events main pushes to the renderer. */
export interface EventPayloads {
  /** Latest state of the items that changed and the queue's totals, at most 10 batches a second. */
  'uploads:changed': QueueSnapshot;
  /** The whole settings set after any change, the tray's and the CLI's included. */
  'settings:changed': Settings;
  /** The saved profiles changed on disk (by this app or the CLI): the list is asked for again. */
  'profiles:changed': null;
  /** The file requests changed on disk (made, closed or extended by this app or the CLI): the list is asked for again. */
  'requests:changed': null;
  /** The link history changed on disk (links made, renewed or deleted, by this app or the CLI): what History shows is asked for again. */
  'links:changed': null;
  /** An app menu entry that is one of the window's shortcuts (Preferences…, History, Keyboard Shortcuts): the window does what the keys do. */
  'window:shortcut': ShortcutName;
  /** Files that arrived for open requests: one event per look that found any. */
  'requests:arrived': readonly Arrival[];
  /** A file of the data folder could not be saved (full, read-only disk), or can be again, or was set right when read: once each. */
  'storage:notice': SaveNotice;
}
export type EventName = keyof EventPayloads;
export const eventNames: readonly EventName[] = [
  'uploads:changed',
  'settings:changed',
  'profiles:changed',
  'requests:changed',
  'links:changed',
  'window:shortcut',
  'requests:arrived',
  'storage:notice',
];
