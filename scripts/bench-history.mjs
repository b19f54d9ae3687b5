#!/usr/bin/env node
// `npm run bench:history`: the link history recording a 2,000-file batch, the old way and the new.
// - old: JsonList rewrote all of links.json (atomically, fsynced) for every link, so the cost grew
//   with the square of the history's size.
// - new: LinkHistory appends to links.jsonl in group-committed batches (one write + fsync each).
// Links arrive as uploads finish (BENCH_GAP_MS apart, default 4 ms: 2,000 files in 7.9 s, as the
// issue measured), not awaited; printed: when the last link arrived and when the history was
// complete on disk. Also: 2,000 adds each awaited before the next (the worst case, one fsync each).
// It runs the compiled core in out/cli (the npm script builds it first). Env: BENCH_LINKS (default 2000).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'cli', 'core');
const { LinkHistory } = require(join(built, 'links', 'link-history.js'));
const { JsonList } = require(join(built, 'storage', 'json-list.js'));
const { z } = require('zod');

const LINKS = Number(process.env.BENCH_LINKS || 2000);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 4);
const link = (n) => ({
  profileId: 'p', bucket: 'bench', key: `${crypto.randomUUID()}/file-${n}.bin`, name: `file-${n}.bin`, size: 65_536,
  url: `https://s3.example.com/bench/file-${n}.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=${'f'.repeat(64)}`,
  expiresAt: '2030-01-01T00:00:00.000Z',
});

/** The old path, kept here only: every link rewrites the whole list. */
function oldHistory(dir) {
  const list = new JsonList(join(dir, 'links.json'), 'links', z.any());
  return {
    add: (l) => list.update((all) => ({ items: [{ ...l, id: crypto.randomUUID(), createdAt: new Date().toISOString() }, ...all], result: undefined })),
    flush: () => list.update((all) => ({ items: [...all], result: undefined })),
  };
}

const newHistory = (dir) => new LinkHistory(dir);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Links arriving as uploads finish: returns [last link arrived, history complete] in ms from the first. */
async function paced(make) {
  const dir = mkdtempSync(join(tmpdir(), 'signdrop-bench-history-'));
  const history = make(dir);
  const started = performance.now();
  const pending = [];
  for (let n = 0; n < LINKS; n++) {
    pending.push(history.add(link(n)));
    if (GAP_MS > 0) await sleep(GAP_MS);
  }
  const arrived = performance.now() - started;
  await Promise.all(pending);
  const complete = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  return [arrived, complete];
}

/** Each add awaited before the next. */
async function oneByOne(make) {
  const dir = mkdtempSync(join(tmpdir(), 'signdrop-bench-history-'));
  const history = make(dir);
  const started = performance.now();
  for (let n = 0; n < LINKS; n++) await history.add(link(n));
  const took = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  return took;
}

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`${LINKS} links, one every ${GAP_MS} ms as uploads finish:`);
for (const [label, make] of [['old links.json', oldHistory], ['new links.jsonl', newHistory]]) {
  const [arrived, complete] = await paced(make);
  console.log(`  ${label.padEnd(16)} last link at ${s(arrived)}, history complete at ${s(complete)} (${s(complete - arrived)} after the last upload)`);
}
console.log(`${LINKS} links, each add awaited before the next:`);
for (const [label, make] of [['old links.json', oldHistory], ['new links.jsonl', newHistory]]) {
  console.log(`  ${label.padEnd(16)} ${s(await oneByOne(make))}`);
}
