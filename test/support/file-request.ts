import type { FileRequest } from '../../common/requests';

/** A request as the store keeps it, open for a day, with nothing arrived: tests change what they need. */
export const fileRequest = (id: string, extra: Partial<FileRequest> = {}): FileRequest => ({
  id,
  profileId: 'p',
  bucket: 'b',
  title: id,
  message: '',
  prefix: `requests/${id}/`,
  pageKey: `requests/${id}/index.html`,
  url: `https://s3.example/requests/${id}/index.html`,
  mode: 'post',
  maxFiles: 10,
  maxSize: 1000,
  types: [],
  createdAt: '2026-12-02T09:00:00Z',
  expiresAt: '2026-12-03T09:00:00Z',
  arrived: [],
  ...extra,
});
