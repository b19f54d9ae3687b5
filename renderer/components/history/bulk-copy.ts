import { isExpired, type LinkRecord } from '../../../common/links';
import type { Result } from '../../../common/result';
import { DEFAULT_SETTINGS } from '../../../common/settings';
import { api } from '../../api';
import { copiedMessage, formatLinks } from '../../state/copy-format';

/** The chosen links that still work: an expired or deleted link is no use to whoever gets it. */
async function liveLinks(ids: readonly string[]): Promise<Result<{ live: LinkRecord[]; dead: number }>> {
  const r = await api().links.getMany(ids);
  if (!r.ok) return r;
  const now = new Date();
  const live = r.value.filter((l) => !l.deletedAt && !isExpired(l, now));
  return { ok: true, value: { live, dead: r.value.length - live.length } };
}

const leftOut = (dead: number): string => (dead > 0 ? ` (${dead.toLocaleString()} that no longer work left out)` : '');
const nothingLive = { ok: true, value: 'None of the selected links still works: make new links first.' } as const;

/** Copies the chosen links that still work, in the copy format chosen for uploads; resolves to what to say. */
export async function copySelected(ids: readonly string[]): Promise<Result<string>> {
  const found = await liveLinks(ids);
  if (!found.ok) return found;
  const { live, dead } = found.value;
  if (live.length === 0) return nothingLive;
  const settings = await api().settings.get();
  const { copyFormat, copyTemplate } = settings.ok ? settings.value : DEFAULT_SETTINGS;
  const written = await api().clipboard.writeText(formatLinks(live, copyFormat, copyTemplate));
  return written.ok ? { ok: true, value: `${copiedMessage(live.length)}${leftOut(dead)}` } : written;
}

/** One share page for the chosen links that still work; its link goes to the clipboard. */
export async function shareSelected(ids: readonly string[]): Promise<Result<string>> {
  const found = await liveLinks(ids);
  if (!found.ok) return found;
  const { live, dead } = found.value;
  if (live.length === 0) return nothingLive;
  const page = await api().links.sharePage({ linkIds: live.map((l) => l.id) });
  if (!page.ok) return page;
  const written = await api().clipboard.writeText(page.value.url);
  return written.ok ? { ok: true, value: `Page link copied: ${page.value.files.toLocaleString()} files${leftOut(dead)}` } : written;
}
