/**
 * The one place that touches ipcMain. Every contract channel is registered through
 * `registerHandlers`, which drops calls from any sender but our window's main frame
 * (https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames } from '../../common/contract';
import { fail } from '../../common/result';
import { originOf } from '../security';
import { dispatch } from './dispatch';
import type { Handlers } from './handlers';

export interface TrustedSender {
  /** The window whose page may call us. */
  readonly webContents: () => WebContents | undefined;
  /** Origin the page must be loaded from ("app://signdrop", or the dev server's). */
  readonly origin: string;
}

/** True when the call comes from the main frame of our window, loaded from our origin. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: TrustedSender): boolean {
  const frame = event.senderFrame;
  const ours = trusted.webContents();
  if (!frame || !ours || event.sender !== ours || frame !== ours.mainFrame) return false;
  return originOf(frame.url) === trusted.origin;
}

/** Registers every contract channel on ipcMain, each behind the sender check. */
export function registerHandlers(handlers: Handlers, trusted: TrustedSender): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event, trusted)) {
        return fail('access-denied', 'This call did not come from the Signdrop window.');
      }
      return dispatch(handlers, channel, input);
    });
  }
}
