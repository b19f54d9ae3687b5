/**
 * The sandboxed preload: the only code with both the page and IPC in reach.
 * It exposes domain methods through contextBridge and never ipcRenderer itself
 * (https://www.electronjs.org/docs/latest/tutorial/context-isolation#security-considerations).
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { createApi, type Transport } from './api';

export const transport: Transport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  on: (event, listener) => {
    // Wrap so the page never receives the IpcRendererEvent (it carries `sender`).
    const wrapped = (_e: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file as File),
};

contextBridge.exposeInMainWorld('signdrop', createApi(transport));
