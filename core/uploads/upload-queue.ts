import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import type { Disposition } from '../../common/disposition';
import { renderKey } from '../../common/key-template';
import type { QueueSnapshot, QueueTotals, UploadItem, UploadState } from '../../common/uploads';
import { transferSignerFor } from '../signing/signer-for-transfers';
import { Signer } from '../signing/signer';
import { Coalescer } from '../transfer/coalescer';
import { type TransferSettings } from '../transfer/file-upload';
import { StoreContacts } from '../transfer/retry';
import type { TransferSigner } from '../transfer/transfer-signer';
import type { LocalFile } from './collect-files';
import { QueueStore } from './queue-store';
import { abortOnServer, CANCELED, Entry, PAUSED, runEntry } from './queue-entry';
import { restoreSaved } from './queue-restore';
import { DEFAULT_FILE_CONCURRENCY, SHARES_PER_SLOT, slotShares, transferSettings, type QueueOptions } from './queue-settings';
import { queueTotals } from './queue-totals';

export interface EnqueueRequest {
  readonly profileId: string;
  readonly expiresInSeconds: number;
  readonly files: readonly LocalFile[];
  /** Every link of these files opens in the browser or downloads; absent, each file's type decides. */
  readonly disposition?: Disposition;
}

export type { QueueOptions, QueueSnapshot };

type ItemListener = (item: UploadItem) => void;
type BatchListener = (snapshot: QueueSnapshot) => void;

/**
 * The transfer engine's queue: files move through queued → uploading → completed/failed,
 * with pause, resume, cancel and retry. Holds URLs, never keys. Changes reach listeners in
 * batches, at most ten a second in total.
 */
export class UploadQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly waiting: string[] = [];
  private waitingHead = 0;
  private readonly itemListeners = new Set<ItemListener>();
  private readonly batchListeners = new Set<BatchListener>();
  private readonly idleWaiters = new Set<() => void>();
  private readonly signer: TransferSigner;
  private settings: TransferSettings;
  private fileConcurrency: number;
  readonly store: QueueStore | undefined;
  private readonly changes: Coalescer<string>;
  private busy = 0; // shares of the file slots taken by running uploads (slotShares)
  /** Per profile: whether its store has answered in this run (a refusal before that fails fast, after it is waited out). */
  private readonly contacts = new StoreContacts();

  constructor(signer: Signer | TransferSigner, options: QueueOptions = {}) {
    this.signer = signer instanceof Signer ? transferSignerFor(signer) : signer;
    this.fileConcurrency = options.fileConcurrency ?? DEFAULT_FILE_CONCURRENCY;
    this.settings = transferSettings(options);
    const snapshot = () => [...this.entries.values()].map((e) => e.persisted());
    this.store = options.dataDir ? new QueueStore(options.dataDir, snapshot, undefined, options.queueFile, options.troubles) : undefined;
    this.changes = new Coalescer((ids) => this.deliver(ids));
  }

  /** Files and parts at once, as the user set them (small files take a quarter slot); running uploads keep their part count. */
  setConcurrency(files: number, parts: number): void {
    this.fileConcurrency = files;
    this.settings = { ...this.settings, partConcurrency: parts };
    this.pump();
  }

  /** A queue saved in `options.dataDir`, restored from its last save (core/uploads/queue-restore.ts). */
  static async open(signer: Signer | TransferSigner, options: QueueOptions & { dataDir: string }): Promise<UploadQueue> {
    await mkdir(options.dataDir, { recursive: true });
    const queue = new UploadQueue(signer, options);
    const { entries, problem } = await queue.store!.load();
    if (problem) process.emitWarning(problem);
    for (const entry of await restoreSaved(entries, queue.signer, options.restore)) queue.add(entry);
    queue.store!.markDirty();
    queue.pump();
    return queue;
  }

  /** Adds files to the queue and starts them; returns their items as queued. */
  async enqueue(request: EnqueueRequest): Promise<UploadItem[]> {
    const { bucket, keyTemplate } = await this.signer.describe(request.profileId);
    const now = new Date();
    const added = request.files.map((file) => {
      const rendered = renderKey(keyTemplate, { relativePath: file.relativePath, now, uuid: randomUUID() });
      const entry = new Entry({
        id: randomUUID(),
        profileId: request.profileId,
        expiresInSeconds: request.expiresInSeconds,
        path: file.path,
        relativePath: file.relativePath,
        size: file.size,
        mtimeMs: file.mtimeMs,
        key: 'key' in rendered ? rendered.key : '',
        bucket,
        ...(request.disposition ? { disposition: request.disposition } : {}),
        state: 'error' in rendered ? 'failed' : 'queued',
        ...('error' in rendered ? { error: { code: 'invalid-input' as const, message: rendered.error, retryable: false } } : {}),
      });
      this.add(entry);
      return entry.item();
    });
    this.store?.markDirty();
    await this.store?.flush(); // before any byte moves: an object a crash leaves in the bucket has its item on disk
    this.pump();
    return added;
  }

  list(): UploadItem[] {
    return [...this.entries.values()].map((e) => e.item());
  }

  get(id: string): UploadItem | undefined {
    return this.entries.get(id)?.item();
  }

  /** The local file an item uploads, for main to show in the file manager; never sent to the window. */
  localPath(id: string): string | undefined {
    return this.entries.get(id)?.path;
  }

  totals(): QueueTotals {
    return queueTotals(this.entries.values());
  }

  /** Each changed item, delivered in batches at most ten times a second. */
  onChanged(listener: ItemListener): () => void {
    this.itemListeners.add(listener);
    return () => this.itemListeners.delete(listener);
  }

  /** One call per batch with the changed items, the removed ids and the totals: one IPC message, however many files moved. */
  onBatch(listener: BatchListener): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  /** Resolves when nothing is queued or uploading (paused items wait), the last batch delivered at once, not on its tick 0.1 s on (a CLI prints links on it), and state saved. */
  async idle(): Promise<void> {
    if (!this.isIdle()) await new Promise<void>((resolve) => this.idleWaiters.add(resolve));
    this.changes.flush();
    await this.store?.flush();
  }

  pause(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    if (e.state === 'queued') this.setState(e, 'paused');
    else if (e.state === 'uploading') e.controller?.abort(PAUSED);
  }

  resume(id: string): void {
    const e = this.entries.get(id);
    if (e?.state === 'paused') this.requeue(e);
  }

  /** Starts a failed or canceled item again (a failed multipart upload continues where it stopped). */
  retry(id: string): void {
    const e = this.entries.get(id);
    if (e && (e.state === 'failed' || e.state === 'canceled')) this.requeue(e);
  }

  /** Stops an item and aborts its multipart upload on the server, so no orphaned parts stay billed; true when one was aborted. */
  async cancel(id: string): Promise<boolean> {
    const e = this.entries.get(id);
    if (!e || e.state === 'completed' || e.state === 'canceled') return false;
    e.controller?.abort(CANCELED);
    await e.running;
    const aborted = await abortOnServer(this.signer, e);
    e.error = undefined;
    this.setState(e, 'canceled');
    return aborted;
  }

  /** Forgets an item (canceling it first if it is not finished). */
  async remove(id: string): Promise<void> {
    if (!this.entries.has(id)) return;
    await this.cancel(id);
    this.entries.delete(id);
    // Marked like a change: the next batch lists it as removed, so views drop it without knowing why.
    this.changes.mark(id);
    this.store?.markDirty();
  }

  pauseAll(): void {
    for (const id of this.entries.keys()) this.pause(id);
  }
  resumeAll(): void {
    for (const id of this.entries.keys()) this.resume(id);
  }
  retryAll(): void {
    for (const e of this.entries.values()) if (e.state === 'failed') this.requeue(e);
  }
  /** Cancels every unfinished item; resolves to the number of multipart uploads aborted on the server. */
  async cancelAll(): Promise<number> {
    const aborted = await Promise.all([...this.entries.keys()].map((id) => this.cancel(id)));
    return aborted.filter(Boolean).length;
  }

  /** Stops uploading and saves, leaving multipart uploads on the server to resume on the next start. */
  async close(): Promise<void> {
    this.fileConcurrency = 0; // nothing new starts: what is saved now is what the store holds
    for (const e of this.entries.values()) e.controller?.abort(PAUSED);
    await Promise.all([...this.entries.values()].flatMap((e) => (e.running ? [e.running] : [])));
    this.changes.flush();
    await this.store?.flush();
  }

  private add(entry: Entry): void {
    this.entries.set(entry.id, entry);
    if (entry.state === 'queued') this.waiting.push(entry.id);
    this.changes.mark(entry.id);
  }

  private requeue(e: Entry): void {
    e.error = undefined;
    this.setState(e, 'queued');
    this.waiting.push(e.id);
    this.pump();
  }

  private pump(): void {
    while (this.waitingHead < this.waiting.length) {
      const e = this.entries.get(this.waiting[this.waitingHead]!);
      const shares = e?.state === 'queued' && !e.running ? slotShares(e.size) : 0;
      if (shares > 0 && this.busy + shares > this.fileConcurrency * SHARES_PER_SLOT) break;
      this.waitingHead++;
      if (!e || shares === 0) continue;
      this.busy += shares;
      e.running = runEntry(e, {
        signer: this.signer,
        settings: this.settings,
        changed: () => this.changes.mark(e.id),
        checkpoint: () => this.store?.markDirty(),
        abortOnServer: () => abortOnServer(this.signer, e),
        contact: this.contacts.of(e.profileId),
      }).finally(() => {
        e.running = undefined;
        this.busy -= shares;
        this.store?.markDirty();
        this.changes.mark(e.id);
        this.pump();
        this.checkIdle();
      });
    }
    // Drop the consumed head now and then, so a 10,000-file batch does not keep its ids forever.
    if (this.waitingHead > 1024 && this.waitingHead * 2 > this.waiting.length) {
      this.waiting.splice(0, this.waitingHead);
      this.waitingHead = 0;
    }
    this.checkIdle();
  }

  private isIdle(): boolean {
    // Every item that becomes queued is pushed on `waiting`; pump consumes it unless a slot is busy.
    return this.busy === 0 && this.waitingHead >= this.waiting.length;
  }

  private checkIdle(): void {
    if (this.idleWaiters.size === 0 || this.busy > 0 || !this.isIdle()) return;
    for (const resolve of this.idleWaiters) resolve();
    this.idleWaiters.clear();
  }

  private setState(e: Entry, state: UploadState): void {
    e.state = state;
    this.changes.mark(e.id);
    this.store?.markDirty();
  }

  private deliver(ids: string[]): void {
    const now = this.settings.now();
    let moving = false;
    const items: UploadItem[] = [];
    const removed: string[] = [];
    for (const id of ids) {
      const e = this.entries.get(id);
      if (!e) {
        removed.push(id);
        continue;
      }
      if (e.state === 'uploading') {
        e.meter.sample(e.acknowledged(), now);
        moving = true;
      }
      items.push(e.item());
    }
    for (const item of items) for (const l of this.itemListeners) l(item);
    if (this.batchListeners.size > 0) {
      const totals = this.totals();
      for (const l of this.batchListeners) l({ items, removed, totals });
    }
    // Keep sampling while bytes move, so speeds and ETAs stay current between chunks.
    if (moving) for (const e of this.entries.values()) if (e.state === 'uploading') this.changes.mark(e.id);
  }
}
