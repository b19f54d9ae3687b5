// A separate Node process that uploads through the compiled engine (out/cli), so a test can SIGKILL it.
// Env: ROOT (compiled output), ENDPOINT, BUCKET, DATA_DIR, FILE (queued only if the saved queue is empty), AK, SK.
'use strict';
const { join } = require('node:path');
const { stat } = require('node:fs/promises');
const root = process.env.ROOT;
const { UploadQueue } = require(join(root, 'core/uploads/upload-queue.js'));
const { Signer } = require(join(root, 'core/signing/signer.js'));
const { MemoryCredentialStore } = require(join(root, 'core/credentials/credential-store.js'));

async function main() {
  const env = process.env;
  const profile = {
    id: 'p',
    name: 'child',
    endpoint: env.ENDPOINT,
    region: 'us-east-1',
    bucket: env.BUCKET,
    pathStyle: true,
    accessKeyId: env.AK,
    credentials: { kind: 'keychain' },
    keyTemplate: '{filename}',
    defaultExpirySeconds: 3600,
  };
  const credentials = new MemoryCredentialStore();
  await credentials.set('p', { secretAccessKey: env.SK });
  const signer = new Signer({ get: async (id) => (id === 'p' ? profile : undefined) }, credentials);
  const queue = await UploadQueue.open(signer, {
    dataDir: env.DATA_DIR,
    multipartThreshold: 8 << 20,
    partSize: 5 << 20,
    partConcurrency: 2,
    retry: { attempts: 5, baseDelayMs: 20, maxDelayMs: 200 },
  });
  if (queue.list().length === 0) {
    const info = await stat(env.FILE);
    await queue.enqueue({
      profileId: 'p',
      expiresInSeconds: 600,
      files: [{ path: env.FILE, relativePath: 'big.bin', size: info.size, mtimeMs: info.mtimeMs }],
    });
  }
  process.stdout.write(`${JSON.stringify({ started: queue.list() })}\n`);
  await queue.idle();
  process.stdout.write(`${JSON.stringify({ done: queue.list() })}\n`);
}
main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
