import { describe, expect, it } from 'vitest';
import { DEFAULT_KEY_TEMPLATE, MAX_KEY_BYTES, renderKey, utf8Length } from '../../../common/key-template';

const NOW = new Date('2026-03-07T23:30:00Z');
const UUID = '3f2c8a1e-9b7d-4c21-8e55-0d6f1a2b3c4d';

function keyFor(template: string, relativePath: string, now = NOW): string {
  const result = renderKey(template, { relativePath, now, uuid: UUID });
  if ('error' in result) throw new Error(result.error);
  return result.key;
}

function errorFor(template: string, relativePath: string): string {
  const result = renderKey(template, { relativePath, now: NOW, uuid: UUID });
  if ('key' in result) throw new Error(`expected an error, got key ${result.key}`);
  return result.error;
}

describe('renderKey tokens', () => {
  it('defaults to an unguessable {uuid}/{filename}', () => {
    expect(DEFAULT_KEY_TEMPLATE).toBe('{uuid}/{filename}');
    expect(keyFor(DEFAULT_KEY_TEMPLATE, 'report.pdf')).toBe(`${UUID}/report.pdf`);
  });

  it.each([
    ['{filename}', 'photos/beach.jpg', 'photos/beach.jpg'],
    ['{name}', 'photos/beach.jpg', 'photos/beach'],
    ['{ext}', 'photos/beach.jpg', 'jpg'],
    ['{name}.{ext}', 'archive.tar.gz', 'archive.tar.gz'],
    ['{yyyy}/{mm}/{dd}', 'a', '2026/03/07'],
    ['{uuid}', 'a', UUID],
    ['{random}', 'a', '3f2c8a1e9b7d'],
    ['shared/{yyyy}-{mm}-{dd}/{random}-{filename}', 'x y.txt', 'shared/2026-03-07/3f2c8a1e9b7d-x y.txt'],
  ])('%s for %j is %j', (template, path, expected) => {
    expect(keyFor(template, path)).toBe(expected);
  });

  it('uses the UTC date, so a key does not depend on the machine time zone', () => {
    expect(keyFor('{yyyy}{mm}{dd}', 'a', new Date('2026-12-31T23:59:59Z'))).toBe('20261231');
  });

  it('treats dotfiles as having no extension and drops the dot before an empty {ext}', () => {
    expect(keyFor('{name}|{ext}', '.bashrc')).toBe('.bashrc|');
    expect(keyFor('{name}.{ext}', 'README')).toBe('README');
  });

  it('names unknown tokens, including ones that look like object properties', () => {
    expect(errorFor('{uuid}/{file}', 'a')).toMatch(/Unknown key template token \{file\}.*\{filename\}/);
    expect(errorFor('{constructor}', 'a')).toMatch(/\{constructor\}/);
  });
});

describe('renderKey normalisation and limits', () => {
  it('turns macOS decomposed names into NFC', () => {
    const key = keyFor('{filename}', 'Cafe\u0301 Se\u0301ance.txt');
    expect(key).toBe('Café Séance.txt');
    expect(key).toBe(key.normalize('NFC'));
    expect(key.length).toBe('Café Séance.txt'.length);
  });

  it('removes control characters from names and templates', () => {
    expect(keyFor('in\u0007box/{filename}', 'a\u0000b\tc\nd\u007fe\u009ff.txt')).toBe('inbox/abcdef.txt');
  });

  it('drops leading slashes and makes "." and ".." segments plain names', () => {
    expect(keyFor('/{filename}', 'a.txt')).toBe('a.txt');
    expect(keyFor('{filename}', 'a/../b/./c')).toBe('a/__/b/_/c');
    expect(keyFor('{filename}', '../..')).toBe('__/__');
    expect(keyFor('{filename}', '...hidden/..x')).toBe('...hidden/..x');
  });

  it('accepts exactly 1,024 bytes and refuses 1,025 with the byte count', () => {
    const prefix = 'p/';
    const fits = `${prefix}${'a'.repeat(MAX_KEY_BYTES - prefix.length)}`;
    expect(keyFor('p/{filename}', 'a'.repeat(MAX_KEY_BYTES - prefix.length))).toBe(fits);
    expect(errorFor('p/{filename}', 'a'.repeat(MAX_KEY_BYTES - prefix.length + 1))).toMatch(/1025 bytes; S3 allows 1024/);
  });

  it('counts bytes of UTF-8, not characters', () => {
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
    // 342 three-byte characters = 1,026 bytes though only 342 characters.
    expect(errorFor('{filename}', '€'.repeat(342))).toMatch(/1026 bytes/);
  });

  it('refuses a template that renders to nothing', () => {
    expect(errorFor('/', 'a')).toMatch(/empty key/);
  });
});

describe('renderKey with the hardest file names', () => {
  const HARD = [
    'a file with spaces.txt',
    '# ? % + & =.txt',
    '100% done & dusted? #2 +1=.csv',
    '📦 party 🎉.zip',
    'Cafe\u0301.txt',
    `${'é'.repeat(125)}.txt`, // 255 bytes: the longest name most file systems allow
    `${'a'.repeat(251)}.txt`,
  ];

  it.each(HARD)('keeps %j intact (NFC) under the default template', (name) => {
    const key = keyFor(DEFAULT_KEY_TEMPLATE, name);
    expect(key).toBe(`${UUID}/${name.normalize('NFC')}`);
    expect(utf8Length(key)).toBeLessThanOrEqual(MAX_KEY_BYTES);
  });

  it('keeps 255-byte names and folder paths of them within the limit', () => {
    const longName = `${'é'.repeat(125)}.txt`;
    expect(utf8Length(longName)).toBe(254);
    const threeDeep = [longName, longName, longName].join('/');
    expect(keyFor(DEFAULT_KEY_TEMPLATE, threeDeep)).toBe(`${UUID}/${threeDeep}`);
    expect(errorFor(DEFAULT_KEY_TEMPLATE, [longName, longName, longName, longName].join('/'))).toMatch(/S3 allows 1024/);
  });
});
