import { useCallback, useEffect, useMemo, useState } from 'react';
import { isFinished, type UploadItem } from '../../common/uploads';
import { api } from '../api';
import { copiedMessage, formatLinks, type CopiedLink } from './copy-format';
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
}

const hasLink = (i: UploadItem | undefined): i is UploadItem & { link: NonNullable<UploadItem['link']> } => i?.state === 'completed' && i.link !== undefined;
const toCopied = (i: UploadItem & { link: NonNullable<UploadItem['link']> }): CopiedLink => ({
  url: i.link.url,
  name: i.name,
  size: i.size,
  expiresAt: i.link.expiresAt,
});

/**
 * Drop, link, paste: the last batch's links go to the clipboard when it finishes, in the format
 * the user chose, and a toast says what was copied. A batch is what one enqueue added.
 */
export function useCopyLoop(queue: Pick<Queue, 'item' | 'items'>): CopyLoop {
  const settings = useSettings();
  const toast = useToast();
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
  const { copyFormat, copyTemplate, copyAfterUpload } = settings.value;
  const { show } = toast;

  const write = useCallback(
    async (links: readonly UploadItem[], rowId?: string) => {
      const copies = links.filter(hasLink).map(toCopied);
      if (copies.length === 0) return;
      const r = await api().clipboard.writeText(formatLinks(copies, copyFormat, copyTemplate));
      if (!r.ok) return show(r.error.message);
      show(copiedMessage(copies.length));
      setCopied(rowId ? { id: rowId, at: Date.now() } : undefined);
    },
    [copyFormat, copyTemplate, show],
  );

  useEffect(() => {
    if (!batch.copyWhenDone || batchItems.length === 0 || !batchItems.every(isFinished)) return;
    setBatch((b) => ({ ...b, copyWhenDone: false }));
    // The batch form "page link" waits for the share page; until then a batch copies all its links.
    void write(batchItems, batchItems.length === 1 ? batchItems[0]!.id : undefined);
  }, [batch.copyWhenDone, batchItems, write]);

  const watch = useCallback((added: readonly UploadItem[]) => setBatch({ ids: added.map((i) => i.id), copyWhenDone: copyAfterUpload }), [copyAfterUpload]);
  const copyItem = useCallback((i: UploadItem) => void write([i], i.id), [write]);
  const lastBatch = batch.ids.length > 0 ? batchItems : items;
  const copyLastBatch = useCallback(() => void write(lastBatch), [write, lastBatch]);
  return { settings, toast, copiedId: copied?.id, watch, copyItem, copyLastBatch, lastBatchLinks: lastBatch.filter(hasLink).length };
}
