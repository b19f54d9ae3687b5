/**
 * Runs the built `signdrop` as a user would: a child process of bin/signdrop.js, with its own
 * config folder and only the environment the test gives it.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(__dirname, '../../..');
const BIN = join(ROOT, 'bin/signdrop.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON lines. */
  readonly lines: Record<string, unknown>[];
}

/** The variables a test may pass through; everything else (the developer's AWS_*) is left out. */
const PASS_THROUGH = ['PATH', 'DBUS_SESSION_BUS_ADDRESS', 'SIGNDROP_S3_ENDPOINT'];

export async function newConfigDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'signdrop-cli-config-'));
}

export function signdrop(args: readonly string[], env: Record<string, string | undefined>): Promise<CliResult> {
  const base: Record<string, string> = { HOME: env['HOME'] ?? tmpdir() };
  for (const name of PASS_THROUGH) if (process.env[name]) base[name] = process.env[name]!;
  const childEnv = { ...base, ...Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)) };
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [BIN, ...args], { env: childEnv, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      const lines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolvePromise({ code, stdout, stderr, lines });
    });
  });
}

/** Runs signdrop on a pseudo-terminal (stdin, stdout and stderr all a TTY), typing `answers`. */
export async function onTerminal(args: string[], env: Record<string, string>, answers: [string, string][] = []): Promise<{ out: string; code: number }> {
  const { stdout } = await promisify(execFile)(
    'python3',
    [join(__dirname, 'pty-run.py'), JSON.stringify([process.execPath, BIN, ...args]), JSON.stringify(answers)],
    {
      env: { PATH: process.env['PATH'] ?? '', DBUS_SESSION_BUS_ADDRESS: process.env['DBUS_SESSION_BUS_ADDRESS'] ?? '', HOME: tmpdir(), ...env },
      timeout: 60_000,
    },
  );
  return JSON.parse(stdout) as { out: string; code: number };
}

export const md5 = (bytes: Uint8Array): string => createHash('md5').update(bytes).digest('hex');

/** Downloads a URL and returns its bytes and headers; throws on a non-200 answer with its body. */
export async function download(url: string): Promise<{ bytes: Buffer; headers: Headers }> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET answered ${res.status}: ${bytes.toString('utf8').slice(0, 300)}`);
  return { bytes, headers: res.headers };
}

/** The file name a browser would save a download under, from RFC 6266's filename* (UTF-8''...). */
export function savedName(contentDisposition: string | null): string | undefined {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(contentDisposition ?? '');
  return star ? decodeURIComponent(star[1]!) : undefined;
}
