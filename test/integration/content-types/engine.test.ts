/**
 * The engine stores each upload under its real Content-Type and links it inline or as a download
 * by type, through the very handlers the app's window calls, against radosgw.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadItem } from '../../../common/uploads';
import { UploadQueue } from '../../../core/uploads/upload-queue';
import { createTestApp, type TestApp } from '../../support/app';
import { parseContentDisposition } from '../../support/content-disposition';
import { adminClient, createTestBucket, rgwEndpoint, rgwProfile } from '../../support/s3';
import { writeSamples, type SampleFile } from '../../support/sample-files';
import { makeFile, MIB, tempDir, testSigner } from '../transfer/helpers';

/** What a browser gets from a link: the bytes, the type and how it presents the file. */
async function open(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return {
    bytes: Buffer.from(await res.arrayBuffer()),
    type: res.headers.get('content-type'),
    disposition: parseContentDisposition(res.headers.get('content-disposition') ?? ''),
  };
}

const storedType = async (bucket: string, key: string) => (await adminClient().send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentType;

describe('content types and dispositions, engine', () => {
  let app: TestApp;
  let bucket: string;
  let profileId: string;
  let samples: SampleFile[];
  let items: UploadItem[];

  async function upload(files: readonly SampleFile[], disposition?: 'inline' | 'attachment'): Promise<UploadItem[]> {
    const queued = await app.invoke('uploads:enqueue', {
      profileId,
      expiresInSeconds: 3600,
      files: files.map((s) => ({ path: s.path })),
      ...(disposition ? { disposition } : {}),
    });
    if (!queued.ok) throw new Error(queued.error.message);
    await app.core.uploads.idle();
    return queued.value.items.map((i) => app.core.uploads.get(i.id)!);
  }

  beforeAll(async () => {
    app = await createTestApp();
    bucket = await createTestBucket('types');
    const saved = await app.invoke('profiles:save', rgwProfile('rgw', bucket));
    if (!saved.ok) throw new Error(saved.error.message);
    profileId = saved.value.id;
    samples = await writeSamples();
    items = await upload(samples);
  });

  afterAll(async () => {
    await app.close();
  });

  it('stores .png, .pdf, .txt and .html as image/png, application/pdf, text/plain and text/html (HeadObject)', async () => {
    expect(items.map((i) => i.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
    for (const [i, sample] of samples.entries()) expect(await storedType(bucket, items[i]!.key)).toBe(sample.contentType);
  });

  it('serves the png, pdf and txt links inline and the html link as a download, each under its own name', async () => {
    for (const [i, sample] of samples.entries()) {
      const got = await open(items[i]!.link!.url);
      expect(got.bytes.equals(sample.bytes)).toBe(true);
      expect(got.type).toBe(sample.contentType);
      expect(got.disposition).toMatchObject({ type: sample.disposition, filename: sample.name });
    }
  });

  it('a multipart upload is stored under its type too (CreateMultipartUpload signs it)', async () => {
    const dir = await tempDir();
    const file = await makeFile(dir, 'big report.pdf', 6 * MIB);
    const queue = new UploadQueue(await testSigner(rgwEndpoint(), bucket), { multipartThreshold: 5 * MIB, partSize: 5 * MIB });
    const [queued] = await queue.enqueue({ profileId: 'p', expiresInSeconds: 600, files: [file] });
    await queue.idle();
    const done = queue.get(queued!.id)!;
    expect(done.partsTotal).toBe(2);
    expect(await storedType(bucket, done.key)).toBe('application/pdf');
    expect((await open(done.link!.url)).disposition).toMatchObject({ type: 'inline', filename: 'big report.pdf' });
  });

  it('the choice per upload wins over the type: an image as a download, an HTML file inline', async () => {
    const [png, , , html] = samples;
    const [asDownload] = await upload([png!], 'attachment');
    expect((await open(asDownload!.link!.url)).disposition.type).toBe('attachment');
    expect(await storedType(bucket, asDownload!.key)).toBe('image/png');
    const [asPage] = await upload([html!], 'inline');
    expect((await open(asPage!.link!.url)).disposition.type).toBe('inline');
  });

  it('a renewed link follows the type, or the choice made for that link', async () => {
    const history = await app.invoke('links:list', undefined);
    if (!history.ok) throw new Error(history.error.message);
    const png = history.value.find((l) => l.key === items[0]!.key)!;
    const byType = await app.invoke('links:renew', { id: png.id, expiresInSeconds: 600 });
    const chosen = await app.invoke('links:renew', { id: png.id, expiresInSeconds: 600, disposition: 'attachment' });
    if (!byType.ok || !chosen.ok) throw new Error('renew failed');
    expect((await open(byType.value.url)).disposition).toMatchObject({ type: 'inline', filename: 'screenshot.png' });
    expect((await open(chosen.value.url)).disposition).toMatchObject({ type: 'attachment', filename: 'screenshot.png' });
  });

  it('links:share-page writes one page into the bucket, next to the files, and links it inline', async () => {
    const result = await app.invoke('links:share-page', { uploadIds: items.map((i) => i.id) });
    if (!result.ok) throw new Error(result.error.message);
    const page = result.value;
    expect(page.files).toBe(4);
    expect(page.key).toMatch(/^[0-9a-f-]{36}\/share\.html$/);
    expect(await storedType(bucket, page.key)).toBe('text/html; charset=utf-8');
    const earliest = Math.min(...items.map((i) => Date.parse(i.link!.expiresAt)));
    expect(Date.parse(page.expiresAt)).toBeLessThanOrEqual(earliest);
    expect(Date.parse(page.expiresAt)).toBeGreaterThan(earliest - 5000);
    const got = await open(page.url);
    expect(got.disposition.type).toBe('inline');
    const html = got.bytes.toString('utf8');
    for (const item of items) expect(html).toContain(item.link!.url.replace(/&/g, '&amp;'));
    expect(html).toContain('notes café.txt');
  });

  it('links:share-page takes history links too, and says which upload is not finished', async () => {
    const history = await app.invoke('links:list', undefined);
    if (!history.ok) throw new Error(history.error.message);
    const result = await app.invoke('links:share-page', { linkIds: history.value.slice(0, 2).map((l) => l.id) });
    expect(result.ok && result.value.files).toBe(2);
    const unknown = await app.invoke('links:share-page', { uploadIds: ['no-such-item'] });
    expect(unknown.ok).toBe(false);
    const none = await app.invoke('links:share-page', { uploadIds: [] });
    expect(!none.ok && none.error.code).toBe('invalid-input');
  });
});
