/**
 * The tray (menu-bar) icon: its tooltip and menu follow the queue's batches. Thin: what it
 * shows is tray-menu.ts; Electron's Tray, Menu and nativeImage are passed in.
 */
import type { Menu, nativeImage, Tray } from 'electron';
import type { QueueTotals, UploadItem } from '../../common/uploads';
import type { DesktopSettings } from './desktop-settings';
import { throttle } from './rate-limit';
import { activityLabel, activityTitle, trayMenuTemplate, type TrayActions } from './tray-menu';
import type { BatchSource } from './upload-batch';

/**
 * Batches come up to ten times a second; rebuilding a native menu that often would stall the
 * OS menu bar. Two rebuilds a second keep the percentage live.
 */
export const REFRESH_INTERVAL_MS = 500;

export interface TrayElectron {
  readonly Tray: typeof Tray;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  readonly nativeImage: Pick<typeof nativeImage, 'createFromPath'>;
}

/** The queue as the tray reads it: its batches, its totals before the first batch, its items for the links. */
export type TrayQueue = BatchSource & { totals(): QueueTotals; list(): readonly UploadItem[] };

export interface TrayOptions {
  /** build/tray/trayTemplate.png on macOS (a template image follows light and dark menu bars), tray.png elsewhere. */
  readonly iconPath: string;
  readonly platform: NodeJS.Platform;
  readonly settings: () => DesktopSettings;
  readonly actions: TrayActions;
}

/**
 * Creates the tray icon and keeps it in step with the queue. Call `refresh()` when the settings
 * change; it rebuilds at most once per REFRESH_INTERVAL_MS, and always after the last call.
 * `dispose()` unsubscribes from the queue and removes the icon.
 */
export function setupTray(electron: TrayElectron, uploads: TrayQueue, options: TrayOptions): { refresh(): void; dispose(): void } {
  const tray = new electron.Tray(electron.nativeImage.createFromPath(options.iconPath));
  let totals = uploads.totals();
  const render = () => {
    tray.setToolTip(activityLabel(totals));
    // Only the macOS menu bar shows text beside a tray icon.
    if (options.platform === 'darwin') tray.setTitle(activityTitle(totals));
    tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenuTemplate(totals, uploads.list(), options.settings(), options.actions)));
  };
  const refresh = throttle(render, REFRESH_INTERVAL_MS);
  const off = uploads.onBatch((batch) => {
    totals = batch.totals;
    refresh();
  });
  refresh();
  return {
    refresh,
    dispose: () => {
      off();
      refresh.cancel();
      tray.destroy();
    },
  };
}
