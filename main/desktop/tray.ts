/**
 * The tray (menu-bar) icon: its tooltip and menu follow the queue. Thin: the menu itself is
 * tray-menu.ts, tested with electron mocked.
 */
import { Menu, nativeImage, Tray } from 'electron';
import type { UploadItem } from '../../common/uploads';
import { activityLabel, activityTitle } from './activity';
import type { DesktopSettings } from './desktop-settings';
import { trayMenuTemplate, type TrayActions } from './tray-menu';

/** Progress events come per chunk; rebuilding a native menu that often would stall the OS menu bar. */
const REFRESH_INTERVAL_MS = 500;

export interface TrayDeps {
  /** build/tray/trayTemplate.png on macOS (a template image follows light and dark menu bars), tray.png elsewhere. */
  readonly iconPath: string;
  readonly items: () => readonly UploadItem[];
  readonly settings: () => DesktopSettings;
  readonly actions: TrayActions;
}

/** Creates the tray icon; call `refresh()` when the queue or the settings change. */
export function createTray({ iconPath, items, settings, actions }: TrayDeps): { refresh(): void; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  let timer: NodeJS.Timeout | undefined;
  const render = () => {
    timer = undefined;
    const current = items();
    tray.setToolTip(activityLabel(current));
    // Only the macOS menu bar shows text beside a tray icon.
    if (process.platform === 'darwin') tray.setTitle(activityTitle(current));
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(current, settings(), actions)));
  };
  render();
  return {
    refresh: () => {
      timer ??= setTimeout(render, REFRESH_INTERVAL_MS);
    },
    destroy: () => {
      if (timer) clearTimeout(timer);
      tray.destroy();
    },
  };
}
