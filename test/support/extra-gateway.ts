/**
 * A second radosgw daemon on the test cluster, on its own port, that a test may stop and start
 * again. Every integration file shares the first gateway, so stopping that one would fail the
 * others; this one serves the same users and buckets (same Ceph cluster) and only its test uses it.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface ExtraGateway {
  readonly endpoint: string;
  /** Stops the daemon (SIGTERM, as a service manager would) and waits until it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port and waits until it answers. */
  start(): Promise<void>;
}

/** A port nothing listens on now: the OS picks it for a moment's listener. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function rgwDir(): string {
  const dir = process.env['SIGNDROP_RGW_DIR'];
  if (!dir) throw new Error('radosgw is not running: run this tier through vitest (its globalSetup starts it) or `npm run test:all`.');
  return dir;
}

async function answers(endpoint: string): Promise<boolean> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(what);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts a second gateway. Its pid file sits in the cluster's run folder, so the cluster's stop
 * script stops it too if the test itself never gets to.
 */
export async function startExtraGateway(): Promise<ExtraGateway> {
  const dir = rgwDir();
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const name = `client.rgw-${port}`;
  const pidFile = join(dir, 'run', `${name}.pid`);
  const start = async () => {
    // radosgw forks into the background; the pid file names the daemon.
    const args = ['-n', name, '--rgw-frontends', `beast endpoint=127.0.0.1:${port}`, '--rgw-dns-name', 's3.localhost'];
    args.push('--pid-file', pidFile, '--admin-socket', join(dir, 'run', `${name}.asok`), '--log-file', join(dir, 'log', `${name}.log`));
    const child = spawn('radosgw', args, { env: { ...process.env, CEPH_CONF: join(dir, 'ceph.conf') }, stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => child.once('error', reject).once('exit', () => resolve()));
    await waitFor(`the second radosgw did not answer on ${endpoint} (see ${dir}/log/${name}.log)`, () => answers(endpoint));
  };
  const stop = async () => {
    // radosgw removes its pid file as it exits: no file, nothing running.
    const pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
    if (!pid || !alive(pid)) return;
    process.kill(pid, 'SIGTERM');
    await waitFor(`the second radosgw (pid ${pid}) did not exit`, async () => !alive(pid));
  };
  await start();
  return { endpoint, start, stop };
}
