// 10,000 small files through one queue: are the queue, the progress events and memory bounded?
// Usage: SIGNDROP_S3_ENDPOINT=http://127.0.0.1:PORT node --expose-gc scripts/bench-upload-scale.cjs [COUNT]
// (radosgw from scripts/rgw/start.sh; run `npx tsc -p cli/tsconfig.json` first). Prints figures.
'use strict';
const { mkdtempSync, writeFileSync, statSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { randomBytes } = require('node:crypto');
const { S3Client, CreateBucketCommand } = require('@aws-sdk/client-s3');
const root = join(__dirname, '../out/cli');
const { UploadQueue } = require(join(root, 'core/uploads/upload-queue.js'));
const { Signer } = require(join(root, 'core/signing/signer.js'));
const { MemoryCredentialStore } = require(join(root, 'core/credentials/credential-store.js'));
const { collectFiles } = require(join(root, 'core/uploads/collect-files.js'));

const MB = 1024 * 1024;

async function main() {
  const count = Number(process.argv[2] ?? 10_000);
  const endpoint = process.env.SIGNDROP_S3_ENDPOINT;
  if (!endpoint) throw new Error('Set SIGNDROP_S3_ENDPOINT (scripts/rgw/start.sh).');
  const creds = { accessKeyId: 'TESTACCESSKEY', secretAccessKey: 'TESTSECRETKEY' };
  const bucket = `scale-${randomBytes(4).toString('hex')}`;
  await new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: creds }).send(new CreateBucketCommand({ Bucket: bucket }));
  const work = mkdtempSync(join(tmpdir(), 'signdrop-scale-'));
  const dir = join(work, 'files');
  require('node:fs').mkdirSync(dir);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `f${i}.txt`), randomBytes(1024));

  const profile = {
    id: 'p',
    name: 'scale',
    endpoint,
    region: 'us-east-1',
    bucket,
    pathStyle: true,
    accessKeyId: creds.accessKeyId,
    credentials: { kind: 'keychain' },
    keyTemplate: '{uuid}/{filename}',
    defaultExpirySeconds: 3600,
  };
  const credentials = new MemoryCredentialStore();
  await credentials.set('p', { secretAccessKey: creds.secretAccessKey });
  const signer = new Signer({ get: async (id) => (id === 'p' ? profile : undefined) }, credentials);
  const dataDir = join(work, 'data');
  const queue = await UploadQueue.open(signer, { dataDir });

  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const batches = [];
  let itemEvents = 0;
  queue.onBatch((b) => batches.push({ at: Date.now(), items: b.items.length }));
  queue.onChanged(() => itemEvents++);

  const t0 = Date.now();
  const { files } = await collectFiles([dir]);
  const t1 = Date.now();
  await queue.enqueue({ profileId: 'p', expiresInSeconds: 3600, files });
  const t2 = Date.now();
  await queue.idle();
  const t3 = Date.now();
  clearInterval(sampler);
  global.gc?.();
  const retainedHeap = process.memoryUsage().heapUsed;

  const perSecond = new Map();
  for (const b of batches) perSecond.set(Math.floor((b.at - t0) / 1000), (perSecond.get(Math.floor((b.at - t0) / 1000)) ?? 0) + 1);
  const completed = queue.list().filter((i) => i.state === 'completed').length;
  const figures = {
    files: count,
    completed,
    'collect ms': t1 - t0,
    'enqueue ms': t2 - t1,
    'upload s': ((t3 - t2) / 1000).toFixed(1),
    'files/s': Math.round(count / ((t3 - t2) / 1000)),
    'batch events': batches.length,
    'max batch events in any second': Math.max(...perSecond.values()),
    'item updates delivered': itemEvents,
    'largest batch (items)': Math.max(...batches.map((b) => b.items)),
    'RSS before MB': (baseRss / MB).toFixed(0),
    'peak RSS MB': (peakRss / MB).toFixed(0),
    'peak heap MB': (peakHeap / MB).toFixed(0),
    'heap retained after gc MB': global.gc ? (retainedHeap / MB).toFixed(0) : 'run node --expose-gc',
    'saved queue MB': (statSync(join(dataDir, 'upload-queue.json')).size / MB).toFixed(1),
  };
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(32)} ${v}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(completed === count ? 0 : 1);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
