#!/usr/bin/env node
// @ts-check
/**
 * Presigned GET links per second: Signer.presignGetBatch against the SDK's one-call-per-link
 * getSignedUrl, same keys, same machine, same run. Target: 10,000 links in under 1 s.
 * Then upload URLs one call at a time, as the upload queue asks for them (Signer.presignUploadPart
 * against getSignedUrl of UploadPartCommand): the same presigner serves both.
 * Run with `npm run bench:sign` (it builds out/cli first). Env: BENCH_KEYS (default 10000),
 * BENCH_ROUNDS (default 5), BENCH_BASELINE_KEYS (how many of the keys getSignedUrl signs; default all).
 * On a shared machine compare the CPU figures too: wall time includes waiting for a core.
 */
'use strict';
const os = require('node:os');
const { randomUUID } = require('node:crypto');
const { GetObjectCommand, UploadPartCommand } = require('@aws-sdk/client-s3');
const { getSignedUrl } = require('@aws-sdk/s3-request-presigner');

const built = '../out/cli';
const { Signer } = require(`${built}/core/signing/signer.js`);
const { MemoryCredentialStore } = require(`${built}/core/credentials/credential-store.js`);
const { responseOverrides } = require(`${built}/core/signing/link-options.js`);

const KEYS = Number(process.env.BENCH_KEYS || 10_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const BASELINE_KEYS = Math.min(KEYS, Number(process.env.BENCH_BASELINE_KEYS || KEYS));
const EXPIRES = 86_400;
const SIGNING_DATE = new Date();

const PROFILES = {
  'path-style (S3-compatible endpoint)': { endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', pathStyle: true },
  'virtual-host (AWS)': { endpoint: '', region: 'eu-west-2', pathStyle: false },
};

/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
/** @param {number} n */
const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** Wall and CPU milliseconds of `fn`. @param {() => Promise<unknown>} fn */
async function timed(fn) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

async function bench(label, shape) {
  const profile = {
    id: 'bench',
    name: 'bench',
    bucket: 'bench-bucket',
    accessKeyId: 'AKIDBENCHMARK',
    credentials: { kind: 'keychain' },
    keyTemplate: '{uuid}/{filename}',
    defaultExpirySeconds: EXPIRES,
    ...shape,
  };
  const credentials = new MemoryCredentialStore();
  await credentials.set('bench', { secretAccessKey: 'bench/secret+KEY' });
  const signer = new Signer({ get: async () => profile }, credentials, () => SIGNING_DATE);
  const keys = Array.from({ length: KEYS }, (_, i) => `${randomUUID()}/report ${i} – final.pdf`);
  const { client } = await signer.resolve('bench');
  const sdkLink = (key) =>
    getSignedUrl(client, new GetObjectCommand({ Bucket: profile.bucket, Key: key, ...responseOverrides(key, {}) }), {
      expiresIn: EXPIRES,
      signingDate: SIGNING_DATE,
    });

  // Warm up both paths (JIT, the batch signer's one-time middleware run, the SDK's key cache).
  await signer.presignGetBatch('bench', keys.slice(0, 200), { expiresInSeconds: EXPIRES });
  for (const key of keys.slice(0, 200)) await sdkLink(key);

  const ours = [];
  let links = [];
  for (let r = 0; r < ROUNDS; r++) {
    ours.push(await timed(async () => ({ links } = await signer.presignGetBatch('bench', keys, { expiresInSeconds: EXPIRES }))));
  }
  const baseline = await timed(async () => {
    for (const key of keys.slice(0, BASELINE_KEYS)) await sdkLink(key);
  });
  // The figures mean nothing unless both produce the same links.
  for (const i of [0, Math.floor(KEYS / 2), KEYS - 1]) {
    if (links[i].url !== (await sdkLink(keys[i]))) throw new Error(`batch link ${i} differs from getSignedUrl's`);
  }

  const oursMs = median(ours.map((t) => t.wall));
  const oursRate = (KEYS / oursMs) * 1000;
  const sdkRate = (BASELINE_KEYS / baseline.wall) * 1000;
  console.log(`\n${label}`);
  console.log(
    `  presignGetBatch : ${fmt(oursMs)} ms for ${fmt(KEYS)} links (median of ${ROUNDS}; best ${fmt(Math.min(...ours.map((t) => t.wall)))} ms, CPU ${fmt(median(ours.map((t) => t.cpu)))} ms) = ${fmt(oursRate)} links/s`,
  );
  console.log(`  getSignedUrl    : ${fmt(baseline.wall)} ms for ${fmt(BASELINE_KEYS)} links (CPU ${fmt(baseline.cpu)} ms) = ${fmt(sdkRate)} links/s`);
  const per10k = (oursMs / KEYS) * 10_000;
  console.log(
    `  ratio           : ${(oursRate / sdkRate).toFixed(1)}x faster; 10,000 links in ${fmt(per10k)} ms: ${per10k < 1000 ? 'under' : 'OVER'} the 1 s target`,
  );
  console.log('  links checked byte-identical to getSignedUrl: yes');

  // Upload URLs: one await per URL, as the transfer engine signs each part just before sending it.
  const parts = keys.slice(0, Math.min(KEYS, 2000));
  const part = (i) => ({ uploadId: 'bench-upload', partNumber: (i % 10_000) + 1, expiresInSeconds: 3600 });
  const sdkPart = (key, i) =>
    getSignedUrl(client, new UploadPartCommand({ Bucket: profile.bucket, Key: key, UploadId: 'bench-upload', PartNumber: (i % 10_000) + 1 }), {
      expiresIn: 3600,
      signingDate: SIGNING_DATE,
    });
  const oursParts = await timed(async () => {
    for (const [i, key] of parts.entries()) await signer.presignUploadPart('bench', key, part(i));
  });
  const sdkParts = await timed(async () => {
    for (const [i, key] of parts.entries()) await sdkPart(key, i);
  });
  if ((await signer.presignUploadPart('bench', parts[0], part(0))).url !== (await sdkPart(parts[0], 0)))
    throw new Error("UploadPart URL differs from getSignedUrl's");
  const perUrl = (t) => ((t.cpu / parts.length) * 1000).toFixed(0);
  console.log(
    `  UploadPart URLs : ${fmt(oursParts.wall)} ms for ${fmt(parts.length)} single calls (CPU ${perUrl(oursParts)} µs a URL); getSignedUrl ${fmt(sdkParts.wall)} ms (CPU ${perUrl(sdkParts)} µs a URL); byte-identical: yes`,
  );
}

(async () => {
  console.log(
    `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const [label, shape] of Object.entries(PROFILES)) await bench(label, shape);
  console.log(
    `\nload average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
