import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Signer } from '../../../core/signing/signer';
import { rgwSigner } from '../../support/rgw-signer';
import { adminClient, createTestBucket } from '../../support/s3';

let bucket: string;
let signer: Signer;
const original = randomBytes(64 * 1024);
const other = Buffer.from('another object');

beforeAll(async () => {
  bucket = await createTestBucket('signing');
  signer = await rgwSigner(bucket);
  await adminClient().send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/original.bin', Body: original }));
  await adminClient().send(new PutObjectCommand({ Bucket: bucket, Key: 'docs/other.bin', Body: other }));
});

async function stored(key: string): Promise<Buffer | undefined> {
  try {
    const out = await adminClient().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  } catch {
    return undefined;
  }
}

describe('what we sign works against radosgw', () => {
  it('a GET link downloads the exact bytes', async () => {
    const link = await signer.presignGet('rgw', 'docs/original.bin', { expiresInSeconds: 900 });
    const res = await fetch(link.url);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(original)).toBe(true);
  });

  it('a GET link from the batch signer downloads too', async () => {
    const { links } = await signer.presignGetBatch('rgw', ['docs/original.bin', 'docs/other.bin'], { expiresInSeconds: 900 });
    const bodies = await Promise.all(links.map(async (l) => Buffer.from(await (await fetch(l.url)).arrayBuffer())));
    expect(bodies[0]!.equals(original)).toBe(true);
    expect(bodies[1]!.equals(other)).toBe(true);
  });

  it('a PUT URL uploads, and the type it signed is what the upload must send', async () => {
    const put = await signer.presignPut('rgw', 'up/photo.png', { expiresInSeconds: 900, contentType: 'image/png' });
    const wrongType = await fetch(put.url, { method: 'PUT', body: 'not a png', headers: { 'content-type': 'text/plain' } });
    expect(wrongType.status).toBe(403);
    expect(await stored('up/photo.png')).toBeUndefined();

    const body = randomBytes(1000);
    const res = await fetch(put.url, { method: 'PUT', body, headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(200);
    expect((await stored('up/photo.png'))?.equals(body)).toBe(true);
    const head = await adminClient().send(new HeadObjectCommand({ Bucket: bucket, Key: 'up/photo.png' }));
    expect(head.ContentType).toBe('image/png');
  });

  it('a PUT URL without a type uploads whatever type is sent', async () => {
    const put = await signer.presignPut('rgw', 'up/any.bin', { expiresInSeconds: 900 });
    const res = await fetch(put.url, { method: 'PUT', body: 'x', headers: { 'content-type': 'application/x-anything' } });
    expect(res.status).toBe(200);
  });
});

describe('radosgw refuses what we did not sign', () => {
  it('a tampered signature', async () => {
    const link = await signer.presignGet('rgw', 'docs/original.bin', { expiresInSeconds: 900 });
    const tampered = link.url.replace(/(X-Amz-Signature=)([0-9a-f])/, (_m, p: string, c: string) => p + (c === '0' ? '1' : '0'));
    expect(tampered).not.toBe(link.url);
    expect((await fetch(tampered)).status).toBe(403);
  });

  it('a link signed with the wrong secret', async () => {
    const impostor = await rgwSigner(bucket, undefined, 'not-the-secret');
    const link = await impostor.presignGet('rgw', 'docs/original.bin', { expiresInSeconds: 900 });
    expect((await fetch(link.url)).status).toBe(403);
  });

  it('an expired link', async () => {
    const twoHoursAgo = () => new Date(Date.now() - 2 * 3600_000);
    const past = await rgwSigner(bucket, twoHoursAgo);
    const link = await past.presignGet('rgw', 'docs/original.bin', { expiresInSeconds: 3600 });
    expect(new Date(link.expiresAt).getTime()).toBeLessThan(Date.now());
    expect((await fetch(link.url)).status).toBe(403);
  });

  it('a GET link used to PUT', async () => {
    const link = await signer.presignGet('rgw', 'docs/original.bin', { expiresInSeconds: 900 });
    const res = await fetch(link.url, { method: 'PUT', body: 'overwritten' });
    expect(res.status).toBe(403);
    expect((await stored('docs/original.bin'))?.equals(original)).toBe(true);
  });

  it('a link used on another key', async () => {
    const link = await signer.presignGet('rgw', 'docs/original.bin', { expiresInSeconds: 900 });
    const moved = link.url.replace('/docs/original.bin?', '/docs/other.bin?');
    expect(moved).not.toBe(link.url);
    expect((await fetch(moved)).status).toBe(403);
  });

  it('a PUT URL used on another key', async () => {
    const put = await signer.presignPut('rgw', 'up/mine.txt', { expiresInSeconds: 900 });
    const res = await fetch(put.url.replace('/up/mine.txt?', '/docs/other.bin?'), { method: 'PUT', body: 'overwritten' });
    expect(res.status).toBe(403);
    expect((await stored('docs/other.bin'))?.equals(other)).toBe(true);
  });
});
