/** Reads a request page the way its script does, for tests that post to its slots directly. */
import type { RequestSlot } from '../../../core/pages/request-page';

export interface PageData {
  readonly prefix: string;
  readonly mode: 'post' | 'put';
  readonly maxSize: number;
  readonly expiresAt: string;
  readonly slots: RequestSlot[];
}

/** The JSON block of a page's HTML. */
export function pageData(html: string): PageData {
  const json = /<script type="application\/json" id="request-data">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error('no request data in the page');
  return JSON.parse(json) as PageData;
}

/** Sends `bytes` named `name` to a slot exactly as the page's script does (POST form or PUT). */
export async function sendToSlot(mode: 'post' | 'put', slot: RequestSlot, name: string, bytes: Uint8Array): Promise<{ status: number; body: string }> {
  const disposition = `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;
  let res: Response;
  if (mode === 'post') {
    const form = new FormData();
    for (const [field, value] of slot.fields ?? []) form.append(field, value);
    form.append('Content-Type', 'application/octet-stream');
    form.append('Content-Disposition', disposition);
    form.append('x-amz-meta-filename', encodeURIComponent(name));
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    res = await fetch(slot.url, { method: 'POST', body: form });
  } else {
    res = await fetch(slot.url, {
      method: 'PUT',
      body: new Uint8Array(bytes),
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': disposition },
    });
  }
  return { status: res.status, body: await res.text() };
}
