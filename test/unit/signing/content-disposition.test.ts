import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../../common/content-disposition';
import { parseContentDisposition } from '../../support/content-disposition';

// RFC 5987 attr-char: what may appear unescaped in filename*.
const ATTR_CHARS = /^[A-Za-z0-9!#$&+\-.^_`|~%]*$/;

const HARD_NAMES = [
  'plain.txt',
  'a file with spaces.txt',
  '# ? % + & =.txt',
  'rock & roll #1 (final) 100%+.mp3',
  '"quoted" \'single\' back\\slash.txt',
  '📦 party 🎉.zip',
  'Cafe\u0301 de\u0301compose\u0301.txt', // macOS hands names over decomposed (NFD)
  '日本語のファイル名.pdf',
  'semi;colon,comma=equals.csv',
  `${'é'.repeat(125)}.txt`, // 254 bytes of UTF-8: near the 255-byte name limit
];

describe('contentDisposition', () => {
  it.each(HARD_NAMES)('names the download %j exactly, in NFC, through filename*', (name) => {
    const header = contentDisposition(name);
    const parsed = parseContentDisposition(header);
    expect(parsed.type).toBe('attachment');
    expect(parsed.filename).toBe(name.normalize('NFC'));
    const star = /filename\*=UTF-8''(.*)$/.exec(header)![1]!;
    expect(star).toMatch(ATTR_CHARS);
  });

  it.each(HARD_NAMES)('gives %j a printable ASCII fallback without quotes, backslashes or percent signs', (name) => {
    const { fallback } = parseContentDisposition(contentDisposition(name));
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback).not.toMatch(/["\\%]/);
  });

  it('keeps accented letters readable in the fallback and replaces each emoji by one underscore', () => {
    expect(parseContentDisposition(contentDisposition('Cafe\u0301.txt')).fallback).toBe('Cafe.txt');
    expect(parseContentDisposition(contentDisposition('Café.txt')).fallback).toBe('Cafe.txt');
    expect(parseContentDisposition(contentDisposition('📦 box.zip')).fallback).toBe('_ box.zip');
  });

  it('says inline when asked, attachment otherwise', () => {
    expect(contentDisposition('a.pdf', 'inline')).toMatch(/^inline; /);
    expect(contentDisposition('a.pdf')).toMatch(/^attachment; /);
  });

  it('cannot be broken out of by control characters in a name', () => {
    const header = contentDisposition('evil\r\nSet-Cookie: x=1.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(parseContentDisposition(header).filename).toBe('evil\r\nSet-Cookie: x=1.txt');
  });
});
