import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanEtag, isMd5Etag, multipartEtag } from '../../../core/transfer/etag';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('ETags', () => {
  it('computes the multipart ETag as S3 does: MD5 of the binary part MD5s, then -N', () => {
    const parts = [md5('part one'), md5('part two')];
    const expected = createHash('md5')
      .update(Buffer.concat(parts.map((p) => Buffer.from(p, 'hex'))))
      .digest('hex');
    expect(multipartEtag(parts)).toBe(`${expected}-2`);
    expect(multipartEtag(parts)).not.toBe(multipartEtag([...parts].reverse()));
  });

  it('tells MD5 ETags from opaque ones (SSE-KMS)', () => {
    expect(isMd5Etag(md5('x'))).toBe(true);
    expect(isMd5Etag(`${md5('x')}-12`)).toBe(true);
    expect(isMd5Etag('0f8a2c1e9b3d4c5e6f708192a3b4c5d6e7f8091a2b3c')).toBe(false);
    expect(isMd5Etag('')).toBe(false);
    expect(cleanEtag('"abc"')).toBe('abc');
  });
});
