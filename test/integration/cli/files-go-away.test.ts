/**
 * Files that go away: `cleanup --expired` deletes exactly the objects whose links all expired, and
 * `bucket expire-after` adds a lifecycle rule without losing the bucket's other rules.
 */
import { GetBucketLifecycleConfigurationCommand, HeadObjectCommand, PutBucketLifecycleConfigurationCommand } from '@aws-sdk/client-s3';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestBucket, rgwEndpoint } from '../../support/s3';
import { buildCli } from './build-cli';
import { envKeys } from './cli-fixtures';
import { newConfigDir, signdrop } from './cli-harness';

beforeAll(async () => {
  await buildCli();
}, 120_000);

const target = (bucket: string) => ['--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style'];
const exists = (bucket: string, key: string) =>
  adminClient()
    .send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
    .then(
      () => true,
      () => false,
    );

describe('files that go away', () => {
  it('cleanup --expired deletes exactly the objects whose every link expired (1-second links)', async () => {
    const bucket = await createTestBucket('cli-cleanup');
    const dir = await mkdtemp(join(tmpdir(), 'signdrop-cli-cleanup-'));
    for (const name of ['gone-1.txt', 'gone-2.txt', 'kept.txt', 'relinked.txt']) await writeFile(join(dir, name), `${name} bytes`);
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };
    const short = await signdrop(
      ['upload', join(dir, 'gone-1.txt'), join(dir, 'gone-2.txt'), join(dir, 'relinked.txt'), ...target(bucket), '--expires', '1s', '--json'],
      env,
    );
    const long = await signdrop(['upload', join(dir, 'kept.txt'), ...target(bucket), '--expires', '1h', '--json'], env);
    expect(short.code).toBe(0);
    expect(long.code).toBe(0);
    const [gone1, gone2, relinked] = short.lines.map((l) => l['key'] as string);
    const kept = long.lines[0]!['key'] as string;
    // A new link keeps an object alive even though its first one expired.
    expect((await signdrop(['history', 'relink', relinked!, ...target(bucket), '--expires', '1h'], env)).code).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const dry = await signdrop(['cleanup', '--expired', '--dry-run', ...target(bucket), '--json'], env);
    expect(dry.code).toBe(0);
    const bytes = 'gone-1.txt bytes'.length + 'gone-2.txt bytes'.length;
    expect(dry.lines.at(-1)).toEqual({ count: 2, bytes, dryRun: true });
    expect(
      dry.lines
        .slice(0, -1)
        .map((l) => l['key'])
        .sort(),
    ).toEqual([gone1, gone2].sort());
    expect(await exists(bucket, gone1!)).toBe(true);

    const done = await signdrop(['cleanup', '--expired', ...target(bucket), '--json'], env);
    expect(done.code).toBe(0);
    expect(done.lines.at(-1)).toEqual({ count: 2, bytes, dryRun: false });
    expect(await exists(bucket, gone1!)).toBe(false);
    expect(await exists(bucket, gone2!)).toBe(false);
    expect(await exists(bucket, kept)).toBe(true);
    expect(await exists(bucket, relinked!)).toBe(true);
    const history = (await signdrop(['history', '--json'], env)).lines;
    expect(
      history
        .filter((l) => l['deletedAt'])
        .map((l) => l['key'])
        .sort(),
    ).toEqual([gone1, gone2].sort());
    // Nothing left to clean up.
    expect((await signdrop(['cleanup', '--expired', ...target(bucket), '--json'], env)).lines).toEqual([{ count: 0, bytes: 0, dryRun: false }]);
  }, 60_000);

  it("bucket expire-after 30d adds the rule and keeps the bucket's other rule; off removes only ours", async () => {
    const bucket = await createTestBucket('cli-lifecycle');
    const theirs = { ID: 'logs-after-90-days', Status: 'Enabled' as const, Filter: { Prefix: 'logs/' }, Expiration: { Days: 90 } };
    await adminClient().send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: [theirs] } }));
    const env = { ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir() };

    const set = await signdrop(['bucket', 'expire-after', '30d', ...target(bucket), '--json'], env);
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.lines).toEqual([{ bucket, prefix: '', days: 30, otherRules: 1 }]);
    const rules = (await adminClient().send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules ?? [];
    expect(rules.find((r) => r.ID === theirs.ID)).toMatchObject({ Status: 'Enabled', Expiration: { Days: 90 } });
    expect(rules.find((r) => r.ID === theirs.ID)?.Filter?.Prefix).toBe('logs/');
    expect(rules.find((r) => r.ID === 'signdrop-expire-after')).toMatchObject({
      Status: 'Enabled',
      Expiration: { Days: 30 },
      AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
    });

    const off = await signdrop(['bucket', 'expire-after', 'off', ...target(bucket)], env);
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/Removed the rule.*1 other lifecycle rule kept/);
    const left = (await adminClient().send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules ?? [];
    expect(left.map((r) => r.ID)).toEqual([theirs.ID]);

    const bad = await signdrop(['bucket', 'expire-after', 'soon', ...target(bucket)], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/after how many days/);
  }, 60_000);
});
