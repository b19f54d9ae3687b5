/**
 * A request page in Chromium, opened from the link `signdrop request create` prints, on radosgw and
 * on a store that answers POST with 501 (PUT mode). The test bucket has no CORS configuration: the
 * page and its uploads share the bucket's origin. What the recipient sends lands byte-exact, is
 * listed by `signdrop request files` under its own name, and the page refuses what the request does
 * not take before sending it; radosgw refuses it too when it is sent anyway.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../integration/cli/build-cli';
import { envKeys } from '../integration/cli/cli-fixtures';
import { newConfigDir, signdrop } from '../integration/cli/cli-harness';
import { startNoPostProxy, type NoPostProxy } from '../integration/requests/no-post-proxy';
import { pageData, sendToSlot } from '../integration/requests/page-data';
import { adminClient, createTestBucket, RGW_REGION, rgwEndpoint } from '../support/s3';
import { CHROMIUM, CHROMIUM_ARGS } from './harness';

const EVIL = '<img src=x onerror=alert(1)>.txt';
const SCREENSHOTS_DIR = join(__dirname, '../../docs/screenshots');

let browser: Browser;
let dir: string;

beforeAll(async () => {
  await buildCli();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  dir = await mkdtemp(join(tmpdir(), 'signdrop-request-files-'));
});
afterAll(async () => {
  await browser?.close();
});

async function sample(name: string, size: number): Promise<{ path: string; bytes: Buffer }> {
  const bytes = randomBytes(size);
  const path = join(await mkdtemp(join(dir, 'f-')), name);
  await writeFile(path, bytes);
  return { path, bytes };
}

/** `signdrop request <args>` on one bucket through `endpoint`, with keys from the environment. */
function cli(config: string, bucket: string, endpoint: string, args: string[]) {
  return signdrop(['request', ...args, '--endpoint', endpoint, '--region', RGW_REGION, '--bucket', bucket, '--path-style'], {
    ...envKeys(),
    SIGNDROP_CONFIG_DIR: config,
  });
}

async function openPage(url: string): Promise<{ page: Page; problems: string[]; sent: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  const sent: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('dialog', (d) => problems.push(`dialog: ${d.message()}`));
  page.on('request', (r) => r.method() !== 'GET' && sent.push(`${r.method()} ${new URL(r.url()).pathname}`));
  await page.goto(url);
  return { page, problems, sent };
}

const states = (page: Page) => page.locator('#sending .state').allTextContents();

async function stored(bucket: string, key: string): Promise<Buffer> {
  const out = await adminClient().send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

describe('a request page on radosgw (POST policies)', () => {
  it('takes two files through its file input, refuses a third and one over the limit, and stops after close', async () => {
    const bucket = await createTestBucket('request-page');
    const config = await newConfigDir();
    const made = await cli(config, bucket, rgwEndpoint(), [
      'create',
      '--title',
      'Invoices <Q4>',
      '--message',
      'Hi! </script><script>alert(1)</script>',
      '--max-files',
      '2',
      '--max-size',
      '2kB',
      '--json',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const request = made.lines[0] as { id: string; url: string; prefix: string; mode: string; maxFiles: number; maxSize: number };
    expect(request).toMatchObject({ mode: 'post', maxFiles: 2, maxSize: 2000 });

    const { page, problems, sent } = await openPage(request.url);
    await expect(page.title()).resolves.toBe('Invoices <Q4>');
    expect(await page.locator('.message').textContent()).toBe('Hi! </script><script>alert(1)</script>');

    const tooBig = await sample('big.bin', 2001);
    await page.locator('#files').setInputFiles(tooBig.path);
    await expect.poll(() => states(page)).toEqual(['Refused: larger than 2.0 kB, the most this request takes.']);
    expect(sent).toEqual([]);

    const a = await sample('Rechnung März.pdf', 2000);
    const b = await sample(EVIL, 10);
    const c = await sample('third.txt', 5);
    await page.locator('#files').setInputFiles([a.path, b.path, c.path]);
    await expect
      .poll(() => states(page))
      .toEqual(['Refused: larger than 2.0 kB, the most this request takes.', 'Sent', 'Sent', 'Refused: this request takes at most 2 files.']);
    // The receipt lists files as they arrive: both go at once, so either may come first.
    expect((await page.locator('#received li').allTextContents()).sort()).toEqual([`${EVIL} (10 B)`, 'Rechnung März.pdf (2.0 kB)']);
    expect(sent).toHaveLength(2);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(problems).toEqual([]);

    expect((await stored(bucket, `${request.prefix}files/001`)).equals(a.bytes)).toBe(true);
    expect((await stored(bucket, `${request.prefix}files/002`)).equals(b.bytes)).toBe(true);
    const files = await cli(config, bucket, rgwEndpoint(), ['files', request.id, '--json']);
    expect(files.lines.map((f) => [f['name'], f['size']])).toEqual([
      ['Rechnung März.pdf', 2000],
      [EVIL, 10],
    ]);
    const listed = await cli(config, bucket, rgwEndpoint(), ['list', '--json']);
    expect(listed.lines).toEqual([expect.objectContaining({ id: request.id, title: 'Invoices <Q4>', prefix: request.prefix, files: 2, state: 'open' })]);

    if (process.env['SCREENSHOTS'] === '1') {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: join(SCREENSHOTS_DIR, `request-page-${scheme}.png`) });
      }
    }

    const close = await cli(config, bucket, rgwEndpoint(), ['close', request.id]);
    expect(close.code, close.stderr).toBe(0);
    expect([403, 404]).toContain((await fetch(request.url)).status);
  });

  it('an over-limit file sent anyway with its policy is refused by radosgw', async () => {
    const bucket = await createTestBucket('request-direct');
    const made = await cli(await newConfigDir(), bucket, rgwEndpoint(), ['create', '--max-size', '100', '--max-files', '1', '--json']);
    const { url } = made.lines[0] as { url: string };
    const [slot] = pageData(await (await fetch(url)).text()).slots;
    const refused = await sendToSlot('post', slot!, 'big.bin', randomBytes(101));
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<Code>EntityTooLarge</Code>');
    const { page } = await openPage(url);
    await page.locator('#files').setInputFiles(await sample('ok.txt', 100).then((s) => s.path));
    await expect.poll(() => states(page)).toEqual(['Sent']);
  });

  it('bad sizes and durations are usage errors, exit 2 with words', async () => {
    const config = await newConfigDir();
    const size = await cli(config, 'b', rgwEndpoint(), ['create', '--max-size', 'lots']);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('"lots" is not a size');
    const duration = await cli(config, 'b', rgwEndpoint(), ['create', '--expires', '9d']);
    expect(duration.code).toBe(2);
    expect(duration.stderr).toContain('at most 7 days');
  });
});

describe('a request page on a store that answers POST with 501 (PUT mode)', () => {
  let proxy: NoPostProxy;
  beforeAll(async () => {
    proxy = await startNoPostProxy(rgwEndpoint());
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('uploads with PUT and the files land; the CLI says the limit is the page’s alone', async () => {
    const bucket = await createTestBucket('request-put');
    const config = await newConfigDir();
    const made = await cli(config, bucket, proxy.endpoint, ['create', '--title', 'Photos', '--max-files', '3', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const request = made.lines[0] as { id: string; url: string; prefix: string; mode: string };
    expect(request.mode).toBe('put');
    expect(made.stderr).toContain('the size limit is checked by the page only');

    const { page, problems, sent } = await openPage(request.url);
    const a = await sample('one.jpg', 3000);
    const b = await sample('two é.txt', 42);
    await page.locator('#files').setInputFiles([a.path, b.path]);
    await expect.poll(() => states(page)).toEqual(['Sent', 'Sent']);
    expect(sent.every((s) => s.startsWith('PUT '))).toBe(true);
    expect(problems).toEqual([]);
    expect((await stored(bucket, `${request.prefix}files/001`)).equals(a.bytes)).toBe(true);
    const files = await cli(config, bucket, proxy.endpoint, ['files', request.id, '--json']);
    expect(files.lines.map((f) => f['name'])).toEqual(['one.jpg', 'two é.txt']);
  });
});
