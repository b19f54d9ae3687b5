import { describe, expect, it } from 'vitest';
import { isOpenableLink } from '../../../main/ipc/open-link';

describe('which links main opens in the browser', () => {
  const endpoints = ['', 'http://127.0.0.1:7480', 'http://minio.lan:9000'];

  it('opens https links and links to a saved http endpoint or a bucket host under it', () => {
    expect(isOpenableLink('https://b.s3.eu-west-2.amazonaws.com/k?X-Amz-Signature=x', endpoints)).toBe(true);
    expect(isOpenableLink('http://127.0.0.1:7480/bucket/k?X-Amz-Signature=x', endpoints)).toBe(true);
    expect(isOpenableLink('http://photos.minio.lan:9000/k', endpoints)).toBe(true);
  });

  it('refuses other http hosts or ports, other schemes, and credentials in the URL', () => {
    expect(isOpenableLink('http://127.0.0.1:8080/k', endpoints)).toBe(false);
    expect(isOpenableLink('http://evil.example/k', endpoints)).toBe(false);
    expect(isOpenableLink('http://minio.lan.evil.example:9000/k', endpoints)).toBe(false);
    expect(isOpenableLink('file:///etc/passwd', endpoints)).toBe(false);
    expect(isOpenableLink('javascript:alert(1)', endpoints)).toBe(false);
    expect(isOpenableLink('http://user:pw@127.0.0.1:7480/k', endpoints)).toBe(false);
    expect(isOpenableLink('not a url', endpoints)).toBe(false);
  });
});
