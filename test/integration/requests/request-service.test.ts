/**
 * Request files on radosgw, which checks every POST policy for real: the page's slots take the
 * files they were made for and refuse what the policy does not allow; what arrived is listed with
 * the names the files had; Close makes the link stop working; Extend offers only what is missing.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRequest } from '../../../common/requests';
import { createTestApp, type TestApp } from '../../support/app';
import { adminClient, createTestBucket, rgwEndpoint, rgwProfile } from '../../support/s3';
import { pageData, sendToSlot } from './page-data';

let app: TestApp;
let bucket: string;
let profileId: string;

beforeAll(async () => {
  app = await createTestApp();
  bucket = await createTestBucket('requests');
  const saved = await app.invoke('profiles:save', rgwProfile('rgw', bucket));
  if (!saved.ok) throw new Error(saved.error.message);
  profileId = saved.value.id;
});

afterAll(async () => {
  await app?.close();
});

async function create(extra: { maxFiles?: number; maxSize?: number } = {}): Promise<FileRequest> {
  const made = await app.invoke('requests:create', {
    profileId,
    title: 'Invoices Q4',
    message: 'Please send the <b>signed</b> copies.',
    expiresInSeconds: 3600,
    maxFiles: extra.maxFiles ?? 2,
    maxSize: extra.maxSize ?? 1000,
  });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

const fetchPage = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
};

describe('request files against radosgw', () => {
  it('probes the store once: radosgw takes POST, and the mode is remembered for the bucket', async () => {
    const request = await create();
    expect(request.mode).toBe('post');
    expect(request.prefix).toMatch(/^requests\/\d{4}-\d{2}-\d{2}-invoices-q4-[0-9a-z]{6}\/$/);
    const settings = await app.invoke('settings:get', undefined);
    expect(settings.ok && settings.value.uploadModes).toEqual({ [`${rgwEndpoint()} ${bucket}`]: 'post' });
  });

  it('serves the page inline as HTML, the message escaped, one slot per file', async () => {
    const request = await create();
    const page = await fetchPage(request.url);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.html).toContain('Please send the &lt;b&gt;signed&lt;/b&gt; copies.');
    expect(pageData(page.html).slots.map((s) => s.key)).toEqual([`${request.prefix}files/001`, `${request.prefix}files/002`]);
  });

  it('takes files at their slots byte-exact, lists them under their names, refuses what is too large', async () => {
    const request = await create();
    const { slots } = pageData((await fetchPage(request.url)).html);
    const first = randomBytes(1000);
    const second = randomBytes(10);
    expect((await sendToSlot('post', slots[0]!, 'Rechnung März.pdf', first)).status).toBe(204);
    const tooLarge = await sendToSlot('post', slots[1]!, 'big.bin', randomBytes(1001));
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toContain('<Code>EntityTooLarge</Code>');
    expect((await sendToSlot('post', slots[1]!, '<img src=x onerror=alert(1)>.txt', second)).status).toBe(204);

    const files = await app.invoke('requests:files', { id: request.id });
    expect(files.ok && files.value.map((f) => [f.name, f.size])).toEqual([
      ['Rechnung März.pdf', 1000],
      ['<img src=x onerror=alert(1)>.txt', 10],
    ]);
    const stored = await adminClient().send(new GetObjectCommand({ Bucket: bucket, Key: slots[0]!.key }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(first)).toBe(true);
  });

  it('refuses a key the slot was not made for', async () => {
    const request = await create();
    const slot = pageData((await fetchPage(request.url)).html).slots[0]!;
    const moved = { ...slot, fields: slot.fields!.map(([k, v]) => [k, k === 'key' ? `${request.prefix}files/099` : v] as const) };
    expect((await sendToSlot('post', moved, 'a.txt', Buffer.from('x'))).status).toBe(403);
  });

  it('close deletes the page: its link answers 404; extend offers only the slots still free', async () => {
    const request = await create({ maxFiles: 3 });
    const { slots } = pageData((await fetchPage(request.url)).html);
    expect((await sendToSlot('post', slots[1]!, 'one.txt', Buffer.from('1'))).status).toBe(204);
    const closed = await app.invoke('requests:close', { id: request.id });
    expect(closed.ok && closed.value.closedAt).toBeTruthy();
    expect((await fetchPage(request.url)).status).toBe(404);

    const extended = await app.invoke('requests:extend', { id: request.id, expiresInSeconds: 7200 });
    if (!extended.ok) throw new Error(extended.error.message);
    expect(extended.value.closedAt).toBeUndefined();
    expect(extended.value.url).not.toBe(request.url);
    const again = pageData((await fetchPage(extended.value.url)).html);
    expect(again.slots.map((s) => s.key)).toEqual([slots[0]!.key, slots[2]!.key]);
  });

  it('a file link downloads the file under its name; deleting it empties the slot', async () => {
    const request = await create();
    const slot = pageData((await fetchPage(request.url)).html).slots[0]!;
    await sendToSlot('post', slot, 'notes é.txt', Buffer.from('hello'));
    const link = await app.invoke('requests:file-link', { id: request.id, key: slot.key, expiresInSeconds: 600 });
    if (!link.ok) throw new Error(link.error.message);
    const res = await fetch(link.value.url);
    expect(await res.text()).toBe('hello');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''notes%20%C3%A9.txt");
    expect((await app.invoke('requests:delete-file', { id: request.id, key: slot.key })).ok).toBe(true);
    const files = await app.invoke('requests:files', { id: request.id });
    expect(files.ok && files.value).toEqual([]);
  });
});
