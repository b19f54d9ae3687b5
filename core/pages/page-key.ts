/** The share page's own file name: what a reader who saves it gets. */
export const PAGE_FILE_NAME = 'share.html';

/**
 * Where a batch's share page goes: in the folder every key of the batch shares (their longest
 * common prefix up to a "/"), then a fresh unguessable folder, as the default key template does for
 * files, so one page never overwrites another and its key says nothing about the files' keys.
 * With "{uuid}/{filename}" keys that is "<uuid>/share.html"; with "2026/12/{uuid}/{filename}",
 * "2026/12/<uuid>/share.html".
 */
export function sharePageKey(keys: readonly string[], uuid: string): string {
  let prefix = keys[0] ?? '';
  for (const key of keys) {
    let i = 0;
    while (i < prefix.length && i < key.length && prefix[i] === key[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  return `${folder}${uuid}/${PAGE_FILE_NAME}`;
}
