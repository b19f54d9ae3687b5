import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PresignedPost, Signer } from '../../../core/signing/signer';
import { rgwSigner } from '../../support/rgw-signer';
import { adminClient, createTestBucket } from '../../support/s3';

let bucket: string;
let signer: Signer;

beforeAll(async () => {
  bucket = await createTestBucket('post');
  signer = await rgwSigner(bucket);
});

/** A browser-style form upload: the policy's fields (optionally changed), then the file. */
async function submit(post: PresignedPost, file: Buffer, fileName: string, override: Record<string, string> = {}, type = 'application/octet-stream') {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...post.fields, ...override })) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(file)], { type }), fileName);
  const res = await fetch(post.url, { method: 'POST', body: form });
  return { status: res.status, body: await res.text() };
}

async function exists(key: string): Promise<boolean> {
  return adminClient()
    .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    .then(
      () => true,
      () => false,
    );
}

describe('presigned POST policies against radosgw', () => {
  it('a form uploads a file under the prefix, named after the file', async () => {
    const post = await signer.presignPost('rgw', { expiresInSeconds: 600, keyPrefix: 'inbox/', maxBytes: 10_000 });
    const file = randomBytes(5000);
    const { status } = await submit(post, file, 'scan 1.pdf');
    expect(status).toBe(204);
    const out = await adminClient().send(new GetObjectCommand({ Bucket: bucket, Key: 'inbox/scan 1.pdf' }));
    expect(Buffer.from(await out.Body!.transformToByteArray()).equals(file)).toBe(true);
  });

  it('a form may choose its own key inside the prefix', async () => {
    const post = await signer.presignPost('rgw', { expiresInSeconds: 600, keyPrefix: 'inbox/', maxBytes: 100 });
    expect((await submit(post, Buffer.from('hi'), 'a.txt', { key: 'inbox/chosen/name.txt' })).status).toBe(204);
    expect(await exists('inbox/chosen/name.txt')).toBe(true);
  });

  it('refuses a file over the size limit', async () => {
    const post = await signer.presignPost('rgw', { expiresInSeconds: 600, keyPrefix: 'limit/', maxBytes: 1000 });
    const { status, body } = await submit(post, randomBytes(1001), 'big.bin');
    expect(status).toBe(400);
    expect(body).toContain('<Code>EntityTooLarge</Code>');
    expect(await exists('limit/big.bin')).toBe(false);
    expect((await submit(post, randomBytes(1000), 'fits.bin')).status).toBe(204);
  });

  it('refuses a key outside the prefix', async () => {
    const post = await signer.presignPost('rgw', { expiresInSeconds: 600, keyPrefix: 'inbox/', maxBytes: 100 });
    const { status } = await submit(post, Buffer.from('x'), 'a.txt', { key: 'elsewhere/a.txt' });
    expect(status).toBe(403);
    expect(await exists('elsewhere/a.txt')).toBe(false);
  });

  it('refuses another content type than the policy names', async () => {
    const post = await signer.presignPost('rgw', { expiresInSeconds: 600, keyPrefix: 'img/', maxBytes: 100, contentType: 'image/png' });
    const { status } = await submit(post, Buffer.from('x'), 'a.png', { 'Content-Type': 'text/html' });
    expect(status).toBe(403);
    expect(await exists('img/a.png')).toBe(false);
    expect((await submit(post, Buffer.from('x'), 'a.png', {}, 'image/png')).status).toBe(204);
  });

  it('refuses an expired policy', async () => {
    const past = await rgwSigner(bucket, () => new Date(Date.now() - 2 * 3600_000));
    const post = await past.presignPost('rgw', { expiresInSeconds: 60, keyPrefix: 'late/', maxBytes: 100 });
    const { status } = await submit(post, Buffer.from('x'), 'a.txt');
    expect(status).toBe(403);
    expect(await exists('late/a.txt')).toBe(false);
  });
});
