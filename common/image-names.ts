/**
 * Image files by name, for what the app shows and writes about a link: a thumbnail in its row,
 * Markdown's image syntax. Names are all there is on both sides (the renderer never reads files).
 */

/** Raster types every Chromium shows in an <img>, with their MIME types. SVG is left out: it is a document that can carry scripts. */
const RASTER_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 || dot < name.lastIndexOf('/') ? '' : name.slice(dot + 1).toLowerCase();
};

/** The MIME type of a raster image by its file name, or undefined for anything else. */
export const rasterImageType = (name: string): string | undefined => RASTER_TYPES[extensionOf(name)];

/** True for names a reader shows as an image (SVG included: as an image it runs no script). */
export const isImageName = (name: string): boolean => rasterImageType(name) !== undefined || extensionOf(name) === 'svg';
