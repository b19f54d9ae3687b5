// Uploads a folder with Signdrop's engine (compiled into out/cli), as the app and the CLI do.
// Usage: node scripts/bench-upload-signdrop.cjs DIR BUCKET   (env: ENDPOINT, AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, FILE_CONCURRENCY, PART_CONCURRENCY, PART_SIZE_MIB). Exit 1 if any file failed.
'use strict';
const { join } = require('node:path');
const root = join(__dirname, '../out/cli');
const { UploadQueue } = require(join(root, 'core/uploads/upload-queue.js'));
const { Signer } = require(join(root, 'core/signing/signer.js'));
const { MemoryCredentialStore } = require(join(root, 'core/credentials/credential-store.js'));
const { collectFiles } = require(join(root, 'core/uploads/collect-files.js'));

async function main() {
  const [dir, bucket] = process.argv.slice(2);
  const env = process.env;
  const profile = {
    id: 'bench',
    name: 'bench',
    endpoint: env.ENDPOINT,
    region: 'us-east-1',
    bucket,
    pathStyle: true,
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    credentials: { kind: 'keychain' },
    keyTemplate: 'signdrop/{filename}',
    defaultExpirySeconds: 3600,
  };
  const credentials = new MemoryCredentialStore();
  await credentials.set('bench', { secretAccessKey: env.AWS_SECRET_ACCESS_KEY });
  const signer = new Signer({ get: async (id) => (id === 'bench' ? profile : undefined) }, credentials);
  const options = {};
  if (env.FILE_CONCURRENCY) options.fileConcurrency = Number(env.FILE_CONCURRENCY);
  if (env.PART_CONCURRENCY) options.partConcurrency = Number(env.PART_CONCURRENCY);
  if (env.PART_SIZE_MIB) options.partSize = Number(env.PART_SIZE_MIB) * 1024 * 1024;
  const queue = new UploadQueue(signer, options);
  const { files } = await collectFiles([dir]);
  await queue.enqueue({ profileId: 'bench', expiresInSeconds: 3600, files });
  await queue.idle();
  const failed = queue.list().filter((i) => i.state !== 'completed');
  for (const f of failed.slice(0, 5)) process.stderr.write(`${f.name}: ${f.error && f.error.message}\n`);
  process.exit(failed.length ? 1 : 0);
}
main().catch((e) => {
  process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
