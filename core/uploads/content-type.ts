import { contentType, lookup } from 'mime-types';

/** What S3 stores when nothing better is known; also what a browser treats as "just bytes". */
export const UNKNOWN_CONTENT_TYPE = 'application/octet-stream';

/**
 * The Content-Type to store a file under, from its name (mime-db's table, the one Express uses).
 * Text types carry `charset=utf-8`, as Express sends them: without it a browser shows a UTF-8
 * note inline in its legacy encoding ("cafÃ©"). Unknown or missing extensions stay
 * application/octet-stream, so nothing is guessed.
 */
export function contentTypeFor(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1);
  const type = lookup(base);
  if (!type) return UNKNOWN_CONTENT_TYPE;
  return contentType(type) || type;
}
