/**
 * `signdrop upload` stores each file under its real Content-Type, prints links that open inline or
 * download by type (or as --inline/--download say), and with --page one more line: the share page.
 */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseContentDisposition } from '../../support/content-disposition';
import { adminClient, createTestBucket, rgwEndpoint } from '../../support/s3';
import { writeSamples, type SampleFile } from '../../support/sample-files';
import { buildCli } from '../cli/build-cli';
import { envKeys } from '../cli/cli-fixtures';
import { download, newConfigDir, signdrop } from '../cli/cli-harness';

const storedType = async (bucket: string, key: string) => (await adminClient().send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentType;
const dispositionOf = async (url: string) => parseContentDisposition((await download(url)).headers.get('content-disposition') ?? '');

describe('signdrop upload: content types, inline or download, --page', () => {
  let bucket: string;
  let samples: SampleFile[];
  const target = () => ['--endpoint', rgwEndpoint(), '--region', 'us-east-1', '--bucket', bucket, '--path-style'];
  const env = async () => ({ ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() });

  beforeAll(async () => {
    await buildCli();
    bucket = await createTestBucket('cli-types');
    samples = await writeSamples();
  }, 120_000);

  it('stores .png, .pdf, .txt and .html under their types; png/pdf/txt open inline, html downloads; the page line comes last', async () => {
    const result = await signdrop(['upload', ...samples.map((s) => s.path), ...target(), '--page', '--json'], await env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.lines).toHaveLength(samples.length + 1);
    for (const [i, sample] of samples.entries()) {
      const line = result.lines[i]!;
      expect(await storedType(bucket, line['key'] as string)).toBe(sample.contentType);
      const got = await download(line['url'] as string);
      expect(got.bytes.equals(sample.bytes)).toBe(true);
      expect(got.headers.get('content-type')).toBe(sample.contentType);
      expect(parseContentDisposition(got.headers.get('content-disposition') ?? '')).toMatchObject({ type: sample.disposition, filename: sample.name });
    }
    const { page } = result.lines.at(-1) as { page: Record<string, unknown> };
    expect(Object.keys(page).sort()).toEqual(['expiresAt', 'files', 'key', 'url']);
    expect(page['files']).toBe(samples.length);
    expect(await storedType(bucket, page['key'] as string)).toBe('text/html; charset=utf-8');
    const html = await download(page['url'] as string);
    expect(parseContentDisposition(html.headers.get('content-disposition') ?? '').type).toBe('inline');
    for (const line of result.lines.slice(0, -1)) expect(html.bytes.toString('utf8')).toContain((line['url'] as string).replace(/&/g, '&amp;'));
    const earliest = Math.min(...result.lines.slice(0, -1).map((l) => Date.parse(l['expiresAt'] as string)));
    expect(Date.parse(page['expiresAt'] as string)).toBeLessThanOrEqual(earliest);
  });

  it('prints page<TAB>URL after the files without --json; --download makes every link a download', async () => {
    const [png, pdf] = samples;
    const result = await signdrop(['upload', png!.path, pdf!.path, ...target(), '--download', '--page'], await env());
    expect(result.code).toBe(0);
    const rows = result.stdout
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual([png!.path, pdf!.path, 'page']);
    for (const row of rows.slice(0, 2)) expect((await dispositionOf(row[1]!)).type).toBe('attachment');
    expect((await download(rows[2]![1]!)).bytes.toString('utf8')).toContain('2 files shared with you');
  });

  it("signdrop link follows the name's type; --inline and --download override it; both at once is a usage error", async () => {
    const upload = await signdrop(['upload', samples[3]!.path, samples[0]!.path, ...target(), '--json'], await env());
    const [html, png] = upload.lines.map((l) => l['key'] as string);
    const link = async (key: string, ...flags: string[]) => (await signdrop(['link', key!, ...target(), ...flags], await env())).stdout.trim();
    expect((await dispositionOf(await link(html!))).type).toBe('attachment');
    expect((await dispositionOf(await link(png!))).type).toBe('inline');
    expect((await dispositionOf(await link(html!, '--inline'))).type).toBe('inline');
    expect((await dispositionOf(await link(png!, '--download'))).type).toBe('attachment');
    const both = await signdrop(['link', png!, ...target(), '--inline', '--download'], await env());
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--inline or --download');
  });
});
