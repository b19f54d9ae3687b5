import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../../common/links';
import { isSigndropError } from '../../../common/result';
import type { UploadItem } from '../../../common/uploads';
import { sharePageKey } from '../../../core/pages/page-key';
import { shareSources } from '../../../core/pages/share-sources';

const UUID = '6f1c2e5a-0000-4000-8000-000000000000';

describe('sharePageKey', () => {
  it('puts the page in the folder the batch shares, in a fresh folder of its own', () => {
    expect(sharePageKey(['2026/12/a1/x.png', '2026/12/b2/y.pdf'], UUID)).toBe(`2026/12/${UUID}/share.html`);
    expect(sharePageKey(['shared/2026/my folder/a.txt', 'shared/2026/my folder/sub/b.txt'], UUID)).toBe(`shared/2026/my folder/${UUID}/share.html`);
  });

  it('never cuts a folder name in half: keys that share only part of a name share no folder', () => {
    expect(sharePageKey(['3fa/x.png', '3fb/y.png'], UUID)).toBe(`${UUID}/share.html`);
    expect(sharePageKey(['photos-a.png', 'photos-b.png'], UUID)).toBe(`${UUID}/share.html`);
  });

  it('one file: next to it, in its folder', () => {
    expect(sharePageKey(['a1/x.png'], UUID)).toBe(`a1/${UUID}/share.html`);
  });
});

const item = (id: string, state: UploadItem['state'], link = true): UploadItem => ({
  id,
  profileId: 'p',
  name: `dir/${id}.png`,
  size: 10,
  key: `k/${id}.png`,
  bucket: 'b',
  state,
  bytesSent: 10,
  ...(link ? { link: { url: `https://s3.example/b/k/${id}.png?sig`, expiresAt: '2030-01-01T00:00:00.000Z' } } : {}),
});
const record = (id: string, deleted = false): LinkRecord => ({
  id,
  profileId: 'p',
  bucket: 'b',
  key: `k/${id}`,
  name: id,
  size: 5,
  url: `https://s3.example/b/k/${id}?sig`,
  createdAt: '2029-01-01T00:00:00.000Z',
  expiresAt: '2030-01-01T00:00:00.000Z',
  ...(deleted ? { deletedAt: '2029-06-01T00:00:00.000Z' } : {}),
});

describe('shareSources', () => {
  const items = new Map([item('a', 'completed'), item('b', 'uploading', false)].map((i) => [i.id, i]));
  const lookup = { uploads: { get: (id: string) => items.get(id) }, links: { list: async () => [record('r1'), record('gone', true)] } };
  const codeOf = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: unknown) => (isSigndropError(e) ? e.appError.code : String(e)),
    );

  it('takes finished uploads and history links, in the order asked', async () => {
    const sources = await shareSources(lookup, { uploadIds: ['a'], linkIds: ['r1'] });
    expect(sources.map((s) => [s.key, s.name, s.url])).toEqual([
      ['k/a.png', 'dir/a.png', 'https://s3.example/b/k/a.png?sig'],
      ['k/r1', 'r1', 'https://s3.example/b/k/r1?sig'],
    ]);
  });

  it('refuses an unfinished upload, an unknown id and a deleted link, rather than list fewer files', async () => {
    expect(await codeOf(shareSources(lookup, { uploadIds: ['b'] }))).toBe('not-found');
    expect(await codeOf(shareSources(lookup, { uploadIds: ['nope'] }))).toBe('not-found');
    expect(await codeOf(shareSources(lookup, { linkIds: ['gone'] }))).toBe('not-found');
  });
});
