import { describe, expect, it } from 'vitest';
import { chooseDisposition, dispositionFor } from '../../../common/disposition';
import { contentTypeFor, UNKNOWN_CONTENT_TYPE } from '../../../core/uploads/content-type';

describe('contentTypeFor', () => {
  it.each([
    ['shot.png', 'image/png'],
    ['Report.PDF', 'application/pdf'],
    ['photos/2026/IMG_0001.jpg', 'image/jpeg'],
    ['notes.txt', 'text/plain; charset=utf-8'],
    ['page.html', 'text/html; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['clip.mp4', 'video/mp4'],
    ['song.mp3', 'audio/mpeg'],
    ['archive.tar.gz', 'application/gzip'],
  ])('%s is stored as %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });

  it.each(['README', 'data.unknownext', 'photos.d/noext', ''])('%j has no known type: application/octet-stream', (name) => {
    expect(contentTypeFor(name)).toBe(UNKNOWN_CONTENT_TYPE);
  });

  it('looks at the file name, not a folder that looks like an extension', () => {
    expect(contentTypeFor('site.html/README')).toBe(UNKNOWN_CONTENT_TYPE);
  });
});

describe('dispositionFor', () => {
  it.each(['image/png', 'image/jpeg', 'image/webp', 'application/pdf', 'audio/mpeg', 'video/mp4', 'text/plain', 'text/plain; charset=utf-8', 'Text/Plain'])(
    '%s opens in the browser',
    (type) => {
      expect(dispositionFor(type)).toBe('inline');
    },
  );

  it.each([
    'text/html',
    'text/html; charset=utf-8',
    'image/svg+xml',
    'IMAGE/SVG+XML',
    'application/xhtml+xml',
    'text/javascript',
    'text/markdown',
    'application/octet-stream',
    'application/zip',
    'text/xml',
    '',
  ])('%j downloads', (type) => {
    expect(dispositionFor(type)).toBe('attachment');
  });

  it("the user's choice wins either way", () => {
    expect(chooseDisposition('text/html', 'inline')).toBe('inline');
    expect(chooseDisposition('image/png', 'attachment')).toBe('attachment');
    expect(chooseDisposition('image/png')).toBe('inline');
  });
});
