import { readFile, stat } from 'node:fs/promises';
import { rasterImageType } from '../../common/image-names';

/**
 * Images up to this size are shown whole, scaled by the row's CSS. A phone photo or a
 * screenshot fits; a larger file would cost more to send to the window than a thumbnail is worth.
 */
export const MAX_THUMBNAIL_SOURCE_BYTES = 5 * 1024 * 1024;

/**
 * A data: URL of the local image file at `path`, or null when it is not a raster image, is too
 * large, or is gone. The window shows it without loading anything from the network: its CSP
 * allows images from data: URLs and nowhere else.
 */
export async function imageThumbnail(path: string): Promise<string | null> {
  const type = rasterImageType(path);
  if (!type) return null;
  try {
    if ((await stat(path)).size > MAX_THUMBNAIL_SOURCE_BYTES) return null;
    return `data:${type};base64,${(await readFile(path)).toString('base64')}`;
  } catch {
    return null; // moved or deleted since upload: the row simply has no picture
  }
}
