import type { SigndropApi } from '../common/api';

declare global {
  interface Window {
    /** Provided by the preload (or the e2e harness); the renderer's only way out. */
    readonly signdrop: SigndropApi;
  }
}

export const api = (): SigndropApi => window.signdrop;
