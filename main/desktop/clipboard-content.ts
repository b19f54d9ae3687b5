/**
 * What "upload the clipboard" uploads: copied files as themselves, else a copied image as a
 * PNG, else copied text as a .txt file. Electron's clipboard is the W3C-style async one:
 * https://www.electronjs.org/docs/latest/api/clipboard
 */
import { fileURLToPath } from 'node:url';
import type { UploadSource } from '../../core/uploads/enqueue-sources';

/** The part of Electron's clipboard and ClipboardItem this needs. */
export interface ClipboardReader {
  read(): Promise<readonly { readonly types: readonly string[]; getType(type: string): Promise<unknown> }[]>;
}

/** File managers put copied files on the clipboard as a list of file:// URLs. */
const FILE_LIST_TYPE = 'text/uri-list';

const fileUrls = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('file://'))
    .map((url) => fileURLToPath(url));

const asBlob = async (value: Promise<unknown>): Promise<Blob | undefined> => {
  const resolved = await value.catch(() => undefined);
  return resolved instanceof Blob ? resolved : undefined;
};

/**
 * Reads the clipboard into sources to upload (none when it holds nothing usable); `now` names
 * pasted images and text.
 */
export async function readClipboardSources(clipboard: ClipboardReader, now: Date): Promise<UploadSource[]> {
  const entries = await clipboard.read();
  const find = (type: string) => entries.find((entry) => entry.types.includes(type));
  const stamp = now.toISOString().replace(/[:.]/g, '-');

  const files = find(FILE_LIST_TYPE);
  const list = files && (await asBlob(files.getType(FILE_LIST_TYPE)));
  const paths = list ? fileUrls(await list.text()) : [];
  if (paths.length > 0) return paths.map((path) => ({ path }));

  const image = find('image/png');
  const png = image && (await asBlob(image.getType('image/png')));
  if (png && png.size > 0) return [{ name: `clipboard-${stamp}.png`, bytes: new Uint8Array(await png.arrayBuffer()) }];

  const textEntry = find('text/plain');
  const text = textEntry && (await asBlob(textEntry.getType('text/plain')));
  const value = text ? await text.text() : '';
  if (value.trim() !== '') return [{ name: `clipboard-${stamp}.txt`, bytes: new TextEncoder().encode(value) }];
  return [];
}
