/** What the tray shows about the queue: a one-line status and the latest links. */
import { isFinished, type UploadItem } from '../../common/uploads';

/** How many recent links the tray lists: enough to find today's, short enough to scan. */
export const TRAY_LINK_COUNT = 5;

function progress(items: readonly UploadItem[]): { active: number; percent: number } {
  const active = items.filter((item) => !isFinished(item));
  const total = active.reduce((sum, item) => sum + item.size, 0);
  const sent = active.reduce((sum, item) => sum + item.bytesSent, 0);
  return { active: active.length, percent: total === 0 ? 0 : Math.floor((sent / total) * 100) };
}

/** "Uploading 2 files — 40%", or "Signdrop" when idle: the tooltip and the menu's first line. */
export function activityLabel(items: readonly UploadItem[]): string {
  const { active, percent } = progress(items);
  if (active === 0) return 'Signdrop';
  return `Uploading ${active} ${active === 1 ? 'file' : 'files'} — ${percent}%`;
}

/** The short text beside the macOS menu-bar icon while uploading ("40%"), empty when idle. */
export function activityTitle(items: readonly UploadItem[]): string {
  const { active, percent } = progress(items);
  return active === 0 ? '' : `${percent}%`;
}

/** The latest completed uploads that have a link, newest first. */
export function latestLinks(items: readonly UploadItem[], count = TRAY_LINK_COUNT): { name: string; url: string }[] {
  return items
    .filter((item) => item.state === 'completed' && item.link)
    .slice(-count)
    .reverse()
    .map((item) => ({ name: item.name, url: item.link!.url }));
}
