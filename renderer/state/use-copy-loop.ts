import { useCallback, useEffect, useMemo, useState } from 'react';
import { isFinished, type UploadItem } from '../../common/uploads';
import { api } from '../api';
import { copiedMessage, formatLinks, PAGE_COPIED, pageAsLink, type CopiedLink } from './copy-format';
import { useBatchPage } from './use-batch-page';
import type { Queue } from './use-queue';
import { useSettings, type SettingsState } from './use-settings';
import { useToast, type Toast } from './use-toast';

/** A row says "Copied" this long, then goes back to "Copy". */
export const COPIED_VISIBLE_MS = 3000;

export interface CopyLoop {
  readonly settings: SettingsState;
  readonly toast: Toast;
  /** The one row that says "Copied" now, if any. */
  readonly copiedId: string | undefined;
  /** Called with what one enqueue added: that is the last batch, copied when it finishes (if the setting is on). */
  watch(items: readonly UploadItem[]): void;
  copyItem(item: UploadItem): void;
  /** "Copy all": the finished links of the last batch (of the whole queue before any batch this session). */
  copyLastBatch(): void;
  /** How many links "Copy all" copies now. */
  readonly lastBatchLinks: number;
  /** "Share as one link": the last batch's share page, its link copied like any link. */
  shareLastBatch(): void;
  /** The last batch has finished with at least two links, so one page can stand for them. */
  readonly canShareLastBatch: boolean;
  /** A share page is being written to the bucket. */
  readonly sharing: boolean;
}

type Linked = UploadItem & { link: NonNullable<UploadItem['link']> };
const hasLink = (i: UploadItem | undefined): i is Linked => i?.state === 'completed' && i.link !== undefined;
const toCopied = (i: Linked): CopiedLink => ({ url: i.link.url, name: i.name, size: i.size, expiresAt: i.link.expiresAt });
const totalSize = (items: readonly UploadItem[]): number => items.reduce((sum, i) => sum + i.size, 0);

/**
 * Drop, link, paste: the last batch's links go to the clipboard when it finishes, in the format
 * the user chose, and a toast says what was copied. A batch is what one enqueue added; a batch
 * of several files goes out as all its links or as the one link of its share page, as chosen.
 */
export function useCopyLoop(queue: Pick<Queue, 'item' | 'items'>): CopyLoop {
  const settings = useSettings();
  const toast = useToast();
  const page = useBatchPage();
  const [batch, setBatch] = useState<{ ids: readonly string[]; copyWhenDone: boolean }>({ ids: [], copyWhenDone: false });
  const [copied, setCopied] = useState<{ id: string; at: number }>();
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(undefined), COPIED_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const { item, items } = queue;
  // Items removed from the queue before they finished simply leave the batch.
  const batchItems = useMemo(() => batch.ids.flatMap((id) => item(id) ?? []), [batch.ids, item]);
  const { copyFormat, copyTemplate, copyAfterUpload, batchCopy } = settings.value;
  const { show } = toast;
  const { publish } = page;

  const copy = useCallback(
    async (copies: readonly CopiedLink[], message: string, rowId?: string) => {
      if (copies.length === 0) return;
      const r = await api().clipboard.writeText(formatLinks(copies, copyFormat, copyTemplate));
      if (!r.ok) return show(r.error.message);
      show(message);
      setCopied(rowId ? { id: rowId, at: Date.now() } : undefined);
    },
    [copyFormat, copyTemplate, show],
  );
  const write = useCallback(
    async (links: readonly UploadItem[], rowId?: string) => {
      const copies = links.filter(hasLink).map(toCopied);
      await copy(copies, copiedMessage(copies.length), rowId);
    },
    [copy],
  );
  // After a batch the user is waiting to paste something: if the page cannot be made, the links
  // still go, and the toast says why there is no page.
  const sharePage = useCallback(
    async (links: readonly UploadItem[], orLinks: boolean) => {
      const done = links.filter(hasLink);
      const made = await publish(done.map((i) => i.id));
      if (made.ok) return copy([pageAsLink(made.value, totalSize(done))], PAGE_COPIED);
      if (!orLinks) return show(made.error.message);
      await copy(done.map(toCopied), `${copiedMessage(done.length)}; no page: ${made.error.message}`);
    },
    [publish, copy, show],
  );

  useEffect(() => {
    if (!batch.copyWhenDone || batchItems.length === 0 || !batchItems.every(isFinished)) return;
    setBatch((b) => ({ ...b, copyWhenDone: false }));
    if (batchCopy === 'page-link' && batchItems.filter(hasLink).length > 1) void sharePage(batchItems, true);
    else void write(batchItems, batchItems.length === 1 ? batchItems[0]!.id : undefined);
  }, [batch.copyWhenDone, batchItems, batchCopy, sharePage, write]);

  const watch = useCallback((added: readonly UploadItem[]) => setBatch({ ids: added.map((i) => i.id), copyWhenDone: copyAfterUpload }), [copyAfterUpload]);
  const copyItem = useCallback((i: UploadItem) => void write([i], i.id), [write]);
  const lastBatch = batch.ids.length > 0 ? batchItems : items;
  const copyLastBatch = useCallback(() => void write(lastBatch), [write, lastBatch]);
  const shareLastBatch = useCallback(() => void sharePage(lastBatch, false), [sharePage, lastBatch]);
  const lastBatchLinks = lastBatch.filter(hasLink).length;
  return {
    settings,
    toast,
    copiedId: copied?.id,
    watch,
    copyItem,
    copyLastBatch,
    lastBatchLinks,
    shareLastBatch,
    canShareLastBatch: lastBatchLinks > 1 && lastBatch.every(isFinished),
    sharing: page.busy,
  };
}
