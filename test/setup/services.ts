import { startKeyring, startRgw, type Started } from '../support/services';

/**
 * Vitest globalSetup for the service tiers. Workers inherit process.env, so the endpoint and the
 * private bus address set here reach every test. Reuses services `npm run test:all` started.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const started: Started[] = [];
  if (!process.env['SIGNDROP_S3_ENDPOINT']) started.push(await startRgw());
  // Always a private bus: tests must never write into the developer's own keyring.
  if (!process.env['SIGNDROP_KEYRING_DIR']) started.push(await startKeyring());
  for (const s of started) Object.assign(process.env, s.env);
  return async () => {
    for (const s of started.reverse()) await s.stop();
  };
}
