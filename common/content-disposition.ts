/**
 * A Content-Disposition value that names the download, for `response-content-disposition`.
 * RFC 6266 with RFC 5987 `filename*` so any Unicode name survives, plus an ASCII
 * `filename` fallback for old clients. Quotes, backslashes and controls are replaced there.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const name = fileName.normalize('NFC');
  const fallback = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // One "_" per character (the u flag), not per UTF-16 unit: an emoji is one character.
    .replace(/[^\x20-\x7e]|["\\%]/gu, '_');
  // encodeURIComponent leaves !'()* alone; RFC 5987 attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
