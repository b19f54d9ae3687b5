/**
 * Updates through electron-updater and the publish configuration in electron-builder.yml.
 * Checks at start and from the menu; downloads and installs only after the user says yes.
 * Off when the app is not packaged (there is no installed app to replace).
 * https://www.electron.build/auto-update
 */
import type { AppUpdater, UpdateInfo } from 'electron-updater';

/** Asks the user a yes/no question; resolves true for yes. */
export type Confirm = (message: string, detail: string) => Promise<boolean>;

export interface UpdaterDeps {
  readonly isPackaged: boolean;
  /** electron-updater's autoUpdater, fetched only in a packaged app (creating it reads app-update.yml). */
  readonly updater: () => Pick<AppUpdater, 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'on'> & {
    autoDownload: boolean;
    autoInstallOnAppQuit: boolean;
  };
  readonly confirm: Confirm;
  /** Tells the user something that needs no answer ("You have the latest version"). */
  readonly inform: (message: string) => void;
}

export interface Updates {
  /** Checks now; `manual` answers even when there is nothing new or the check fails. */
  check(manual: boolean): Promise<void>;
}

export function setupUpdater({ isPackaged, updater: getUpdater, confirm, inform }: UpdaterDeps): Updates {
  if (!isPackaged) {
    return { check: async (manual) => void (manual && inform('Updates are checked only in the installed app.')) };
  }
  const updater = getUpdater();
  // Never download or install behind the user's back.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;

  updater.on('update-available', (info: UpdateInfo) => {
    void confirm(`Signdrop ${info.version} is available.`, 'Download it now? You will be asked again before it installs.').then((yes) => {
      if (yes) void updater.downloadUpdate();
    });
  });
  updater.on('update-downloaded', (info: UpdateInfo) => {
    void confirm(`Signdrop ${info.version} is ready to install.`, 'Restart Signdrop now to install it? Uploads in progress will stop.').then((yes) => {
      if (yes) updater.quitAndInstall();
    });
  });

  return {
    async check(manual) {
      try {
        const result = await updater.checkForUpdates();
        if (manual && !result?.isUpdateAvailable) inform('You have the latest version of Signdrop.');
      } catch (e) {
        if (manual) inform(`Could not check for updates: ${(e as Error).message}`);
        else console.warn(`[signdrop] update check failed: ${(e as Error).message}`);
      }
    },
  };
}
