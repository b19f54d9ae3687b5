/**
 * The tray (menu-bar) icon: its tooltip and menu follow the queue. Thin: the menu itself is
 * tray-menu.ts, tested with electron mocked.
 */
import { Menu, nativeImage, Tray } from 'electron';
import type { UploadItem } from '../../common/uploads';
import { activityLabel, activityTitle } from './activity';
import type { DesktopSettings } from './desktop-settings';
import { throttle } from './rate-limit';
import { trayMenuTemplate, type TrayActions } from './tray-menu';

/**
 * Progress events come per chunk; rebuilding a native menu that often would stall the OS menu
 * bar. Two rebuilds a second keep the percentage live.
 */
export const REFRESH_INTERVAL_MS = 500;

export interface TrayDeps {
  /** build/tray/trayTemplate.png on macOS (a template image follows light and dark menu bars), tray.png elsewhere. */
  readonly iconPath: string;
  readonly items: () => readonly UploadItem[];
  readonly settings: () => DesktopSettings;
  readonly actions: TrayActions;
}

/**
 * Creates the tray icon; call `refresh()` when the queue or the settings change, as often as
 * they do: it rebuilds at most once per REFRESH_INTERVAL_MS, and always after the last call.
 */
export function createTray({ iconPath, items, settings, actions }: TrayDeps): { refresh(): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  const render = () => {
    const current = items();
    tray.setToolTip(activityLabel(current));
    // Only the macOS menu bar shows text beside a tray icon.
    if (process.platform === 'darwin') tray.setTitle(activityTitle(current));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(current, settings(), actions)));
  };
  const refresh = throttle(render, REFRESH_INTERVAL_MS);
  refresh();
  return {
    refresh,
    destroy: () => {
      refresh.cancel();
      tray.destroy();
    },
  };
}
