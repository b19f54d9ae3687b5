import { describe, expect, it } from 'vitest';
import { isSigndropError } from '../../../common/result';
import { publishSharePage, type ShareSource } from '../../../core/pages/publish-share-page';
import type { Signer } from '../../../core/signing/signer';

const now = () => new Date('2029-01-01T00:00:00.000Z');
const source = (over: Partial<ShareSource> = {}): ShareSource => ({
  profileId: 'p',
  bucket: 'b',
  key: 'k/a.png',
  name: 'a.png',
  size: 1,
  url: 'https://s3.example/b/k/a.png?sig',
  expiresAt: '2029-01-02T00:00:00.000Z',
  ...over,
});
// Each case is refused before anything is signed: a signer that is touched fails the test.
const untouchable = new Proxy(
  {},
  {
    get: () => {
      throw new Error('signed anyway');
    },
  },
) as Signer;
const refusal = (sources: ShareSource[]) =>
  publishSharePage(untouchable, sources, { now }).then(
    () => 'published',
    (e: unknown) => (isSigndropError(e) ? e.appError.message : String(e)),
  );

describe('publishSharePage refuses what would make a broken page', () => {
  it('no files', async () => {
    expect(await refusal([])).toMatch(/at least one/);
  });

  it('files of two buckets: the page can live in only one', async () => {
    expect(await refusal([source(), source({ bucket: 'other' })])).toMatch(/one bucket/);
  });

  it('a file whose link has expired: the page would list a dead link', async () => {
    expect(await refusal([source(), source({ expiresAt: '2028-12-31T23:59:59.000Z' })])).toMatch(/expired/);
  });
});
