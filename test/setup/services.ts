import type { TestProject } from 'vitest/node';
import { startKeyring, startRgw, type Started } from '../support/services';

declare module 'vitest' {
  export interface ProvidedContext {
    serviceEnv: Record<string, string>;
  }
}

const SERVICE_VARS = ['SIGNDROP_S3_ENDPOINT', 'SIGNDROP_RGW_DIR', 'SIGNDROP_KEYRING_DIR', 'DBUS_SESSION_BUS_ADDRESS'];

/**
 * Vitest globalSetup for the service tiers: starts radosgw and a private keyring, or reuses the
 * ones `npm run test:all` started. Their variables reach the test workers through `provide`
 * (test/setup/service-env.ts copies them into process.env there).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started: Started[] = [];
  if (!process.env['SIGNDROP_S3_ENDPOINT']) started.push(await startRgw());
  // Always a private bus: tests must never write into the developer's own keyring.
  if (!process.env['SIGNDROP_KEYRING_DIR']) started.push(await startKeyring());
  for (const s of started) Object.assign(process.env, s.env);
  project.provide('serviceEnv', Object.fromEntries(SERVICE_VARS.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : []))));
  return async () => {
    for (const s of started.reverse()) await s.stop();
  };
}
