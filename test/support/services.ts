/**
 * Starts the real services with the project's own scripts and stops exactly what it started.
 * A missing service is an error that says what to install, never a skip.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const scripts = resolve(__dirname, '../../scripts');

/** Parses the `NAME=value` lines the start scripts print. */
function parseAssignments(stdout: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of stdout.split('\n')) {
    const m = /^([A-Z0-9_]+)='?(.*?)'?$/.exec(line.trim());
    if (m) env[m[1]!] = m[2]!;
  }
  return env;
}

async function start(script: string, what: string): Promise<Record<string, string>> {
  try {
    const { stdout } = await run('bash', [resolve(scripts, script)], { timeout: 180_000 });
    return parseAssignments(stdout);
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`Could not start ${what}: ${err.stderr?.trim() || err.message}`, { cause: e });
  }
}

export interface Started {
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startRgw(): Promise<Started> {
  const env = await start('rgw/start.sh', 'radosgw');
  return { env, stop: () => run('bash', [resolve(scripts, 'rgw/stop.sh')], { env: { ...process.env, ...env } }).then(() => undefined) };
}

export async function startKeyring(): Promise<Started> {
  const env = await start('keyring/start.sh', 'gnome-keyring');
  return {
    env,
    stop: () => run('bash', [resolve(scripts, 'keyring/stop.sh')], { env: { ...process.env, ...env } }).then(() => undefined),
  };
}
