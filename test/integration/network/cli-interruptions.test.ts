import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PART_SIZE } from '../../../core/transfer/part-plan';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { createTestBucket, rgwEndpoint, settledParts } from '../../support/s3';
import { buildCli } from '../cli/build-cli';
import { envKeys } from '../cli/cli-fixtures';
import { newConfigDir, ROOT, signdrop } from '../cli/cli-harness';
import { MIB, makeFile, openMultipartUploads, storedMd5, tempDir } from '../transfer/helpers';

let proxy: FaultProxy;
beforeAll(async () => {
  await buildCli();
  proxy = await startFaultProxy(rgwEndpoint());
}, 120_000);
afterAll(() => proxy.close());

/** The part numbers the store holds of the one multipart upload open in `bucket` (ListParts). */
const env = async () => ({ ...envKeys(), SIGNDROP_CONFIG_DIR: await newConfigDir(), PATH: process.env['PATH'] });

describe('signdrop and interruptions', () => {
  it('SIGINT mid-multipart: exit 130 within 10 s, says what happened, nothing left open on the server', { timeout: 90_000 }, async () => {
    const bucket = await createTestBucket('cli-sigint');
    const big = await makeFile(await tempDir(), 'big.bin', 40 * MIB);
    proxy.throttleBytesPerSecond = 3 * MIB;
    try {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/signdrop.js'), 'upload', big.path, '--endpoint', proxy.endpoint, '--bucket', bucket, '--path-style', '--region', 'us-east-1'],
        {
          env: await env(),
        },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const end = Date.now() + 60_000;
      while (proxy.completedParts().size < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
      const sent = Date.now();
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(stderr).toContain('interrupted: 0 uploaded, 1 aborted');
      expect(await openMultipartUploads(bucket)).toBe(0);
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }
  });

  it(
    'SIGKILL mid-multipart: the same command run again finishes without re-sending a part the store holds, and nothing is left open',
    { timeout: 120_000 },
    async () => {
      const bucket = await createTestBucket('cli-sigkill');
      // Eight parts, four at a time: more parts than go at once, so the kill leaves some unsent.
      const big = await makeFile(await tempDir(), 'big.bin', 8 * DEFAULT_PART_SIZE);
      const args = ['upload', big.path, '--endpoint', proxy.endpoint, '--bucket', bucket, '--path-style', '--region', 'us-east-1', '--json'];
      const childEnv = await env();
      proxy.throttleBytesPerSecond = (5 * MIB * DEFAULT_PART_SIZE) / (8 * MIB); // the kill lands after the first ones, in about 7 s
      let held: Set<number>;
      let mark: number;
      try {
        const child = spawn(process.execPath, [join(ROOT, 'bin/signdrop.js'), ...args], { env: childEnv, stdio: 'ignore' });
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
        const end = Date.now() + 60_000;
        while (!proxy.requests.some((r) => r.path.startsWith(`/${bucket}/`) && r.partNumber !== undefined && r.status === 200) && Date.now() < end)
          await new Promise((r) => setTimeout(r, 20));
        child.kill('SIGKILL');
        expect(await exited).toBe('SIGKILL');
        mark = proxy.requests.length;
        // What the store holds, asked of the store itself once it has finished what had arrived (a part it finished as the client died counts too).
        held = await settledParts(bucket);
        expect(held.size).toBeGreaterThanOrEqual(1);
        expect(held.size).toBeLessThan(8);
      } finally {
        proxy.throttleBytesPerSecond = 0;
      }
      const again = await signdrop(args, childEnv);
      expect(again.code, again.stderr).toBe(0);
      expect(again.lines).toHaveLength(1);
      expect(await storedMd5(bucket, again.lines[0]!['key'] as string)).toBe(big.md5);
      // Counted on the wire: the second run sent only the parts the store lacked.
      const sentAgain = proxy.requests.slice(mark).filter((r) => r.method === 'PUT' && r.partNumber !== undefined && r.path.startsWith(`/${bucket}/`));
      expect(sentAgain.filter((r) => held.has(r.partNumber!))).toEqual([]);
      expect(new Set(sentAgain.filter((r) => r.status === 200).map((r) => r.partNumber)).size).toBe(8 - held.size);
      expect(await openMultipartUploads(bucket)).toBe(0);
    },
  );

  it('parts answered 503 until the retries run out: exit 1, and the multipart upload is aborted', { timeout: 120_000 }, async () => {
    const bucket = await createTestBucket('cli-503');
    const big = await makeFile(await tempDir(), 'big.bin', 20 * MIB);
    proxy.plan = (req) => (req.method === 'PUT' && req.url?.includes('partNumber=') ? { kind: 'slowdown' } : { kind: 'pass' });
    try {
      const result = await signdrop(
        ['upload', big.path, '--endpoint', proxy.endpoint, '--bucket', bucket, '--path-style', '--region', 'us-east-1'],
        await env(),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/big\.bin: .*running the command again may succeed/);
      expect(result.stderr).toContain('aborted 1 unfinished multipart upload(s) on the server');
      expect(await openMultipartUploads(bucket)).toBe(0);
    } finally {
      proxy.plan = () => ({ kind: 'pass' });
    }
  });

  it('output piped into a reader that leaves (| head -1): stops as Ctrl-C does, no stack trace, nothing left open', { timeout: 90_000 }, async () => {
    const bucket = await createTestBucket('cli-epipe');
    const dir = await tempDir();
    await writeFile(join(dir, 'a.txt'), 'first\n');
    // Slowed: the middle one's link is written after the reader has gone, while the big one is still sending.
    await makeFile(dir, 'm-middle.bin', 6 * MIB);
    await makeFile(dir, 'z-big.bin', 40 * MIB);
    proxy.throttleBytesPerSecond = 3 * MIB;
    try {
      const child = spawn(
        process.execPath,
        [join(ROOT, 'bin/signdrop.js'), 'upload', dir, '--endpoint', proxy.endpoint, '--bucket', bucket, '--path-style', '--region', 'us-east-1', '--json'],
        { env: await env() },
      );
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // What `head -1` does: read the first line, then close the pipe.
      const first = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString().split('\n')[0]!)));
      child.stdout.destroy();
      expect(JSON.parse(first)).toMatchObject({ file: join(dir, 'a.txt') });
      expect(await exited).toBe(130);
      expect(stderr).toMatch(/interrupted: \d uploaded, 1 aborted/);
      expect(stderr).not.toMatch(/EPIPE|at .+\.cjs/);
      expect(await openMultipartUploads(bucket)).toBe(0);
    } finally {
      proxy.throttleBytesPerSecond = 0;
    }
  });

  it('an endpoint that is not a URL is a usage error naming it, before any file is read', async () => {
    for (const endpoint of ['http://127.0.0.1:99999', 'http://[::1', 'http://exa mple.com']) {
      const result = await signdrop(['upload', '/no/such/file', '--endpoint', endpoint, '--bucket', 'b-1'], await env());
      expect(result.code, endpoint).toBe(2);
      expect(result.stderr).toContain(`"${endpoint}"`);
      expect(result.stderr).not.toMatch(/no\/such\/file/);
    }
  });

  it('link to a key that does not exist: exit 1 in words, no URL', async () => {
    const bucket = await createTestBucket('cli-nokey');
    const result = await signdrop(
      ['link', 'nothing/here.txt', '--endpoint', rgwEndpoint(), '--bucket', bucket, '--path-style', '--region', 'us-east-1'],
      await env(),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`No object "nothing/here.txt" in bucket "${bucket}"`);
  });
});
