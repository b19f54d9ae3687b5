/** How a link presents a file: shown in the browser (`inline`) or saved (`attachment`). */
export type Disposition = 'inline' | 'attachment';

export const DISPOSITIONS = ['inline', 'attachment'] as const satisfies readonly Disposition[];

/**
 * Whether a link to a file of this Content-Type opens in the browser or downloads.
 * Inline only for what a browser shows without running anything the file brings: raster images,
 * PDF (the browser's own viewer), audio, video and plain text. Everything else downloads, HTML and
 * SVG above all: opened inline from the bucket's origin, their scripts would run there, next to
 * every other file's links.
 */
export function dispositionFor(contentType: string): Disposition {
  // "Text/Plain; charset=utf-8" is text/plain: parameters and case do not change the kind.
  const essence = contentType.split(';', 1)[0]!.trim().toLowerCase();
  if (essence === 'image/svg+xml') return 'attachment';
  if (essence === 'application/pdf' || essence === 'text/plain') return 'inline';
  const kind = essence.slice(0, essence.indexOf('/') + 1);
  return kind === 'image/' || kind === 'audio/' || kind === 'video/' ? 'inline' : 'attachment';
}

/** The user's choice when there is one, else what the content type calls for. */
export const chooseDisposition = (contentType: string, override?: Disposition): Disposition => override ?? dispositionFor(contentType);
