#!/usr/bin/env node
// `npm run bench:history-load`: how long a process takes to read a 100,000-link history at start.
// Each run is a fresh process (as the app and the CLI start: nothing compiled by the JIT yet) that
// reads links.jsonl with LinkHistory, then builds History's search index. Wall time and the CPU
// time the process spent are printed per run: on a busy machine the CPU figure is the steadier one.
// Logs: `created` only, as uploads write it (and as compaction leaves it); and the same with one
// link in ten relinked and one in a hundred deleted, appended after.
// It runs the compiled core in out/cli (the npm script builds it first).
// Env: BENCH_LINKS (default 100000), BENCH_RUNS (default 5).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'cli', 'core');
const LINKS = Number(process.env.BENCH_LINKS || 100_000);
const RUNS = Number(process.env.BENCH_RUNS || 5);
const KINDS = ['photo.jpg', 'report.pdf', 'notes.txt', 'clip.mp4', 'archive.zip'];
const HOUR = 3_600_000;

/** One run, in this process: the child side. */
async function measureOnce(dir) {
  const require = createRequire(import.meta.url);
  const { LinkHistory } = require(join(built, 'links', 'link-history.js'));
  const { indexLinks } = require(join(built, 'links', 'link-query.js'));
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const [wall0, cpu0] = [performance.now(), cpu()];
  const links = await new LinkHistory(dir).snapshot();
  const [wall1, cpu1] = [performance.now(), cpu()];
  indexLinks(links);
  const [wall2, cpu2] = [performance.now(), cpu()];
  console.log(JSON.stringify({ links: links.length, readWall: wall1 - wall0, readCpu: cpu1 - cpu0, indexWall: wall2 - wall1, indexCpu: cpu2 - cpu1 }));
}

/** A log as the app writes it, with URLs as long as real presigned ones. */
function seed(dir, { relinks }) {
  const now = Date.now();
  const lines = [];
  const ids = [];
  for (let n = 0; n < LINKS; n++) {
    const name = `${String(n).padStart(6, '0')}-${KINDS[n % KINDS.length]}`;
    const key = `${randomUUID()}/${name}`;
    const url =
      `https://s3.example.com/bench/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD` +
      `&X-Amz-Credential=AKIAEXAMPLEEXAMPLE12%2F20300101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20300101T000000Z&X-Amz-Expires=604800` +
      `&X-Amz-Signature=${'0123456789abcdef'.repeat(4)}&X-Amz-SignedHeaders=host&response-content-disposition=attachment%3B%20filename%3D%22${name}%22`;
    const expiresAt = new Date(now + ((n % 336) - 48) * HOUR).toISOString();
    const createdAt = new Date(now - (LINKS - n) * 1000).toISOString();
    const id = randomUUID();
    ids.push({ id, key, url });
    lines.push(JSON.stringify({ t: 'created', id, profileId: 'bench', bucket: 'bench', key, name, size: 1000 + n, url, createdAt, expiresAt }));
  }
  if (relinks) {
    const at = new Date(now).toISOString();
    for (let n = 0; n < LINKS; n += 10)
      lines.push(JSON.stringify({ t: 'relinked', id: ids[n].id, url: `${ids[n].url}&again`, expiresAt: '2031-01-01T00:00:00.000Z', at }));
    for (let n = 5; n < LINKS; n += 100) lines.push(JSON.stringify({ t: 'deleted', profileId: 'bench', bucket: 'bench', key: ids[n].key, at }));
  }
  writeFileSync(join(dir, 'links.jsonl'), `${lines.join('\n')}\n`);
  return lines.length;
}

if (process.argv[2] === '--child') {
  await measureOnce(process.argv[3]);
} else {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (x) => `${x.toFixed(0)} ms`.padStart(7);
  for (const relinks of [false, true]) {
    const dir = mkdtempSync(join(tmpdir(), 'signdrop-bench-load-'));
    const lines = seed(dir, { relinks });
    const mb = (statSync(join(dir, 'links.jsonl')).size / 1e6).toFixed(1);
    console.log(
      `${LINKS.toLocaleString()} links, ${lines.toLocaleString()} lines (${mb} MB)${relinks ? ', 1 in 10 relinked, 1 in 100 deleted' : ''}, ${RUNS} fresh processes:`,
    );
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      // Compaction (triggered by the redundant lines) would rewrite the file between runs: start from the same file each time.
      const copy = mkdtempSync(join(tmpdir(), 'signdrop-bench-load-run-'));
      execFileSync('cp', [join(dir, 'links.jsonl'), copy]);
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', copy], { encoding: 'utf8' });
      runs.push(JSON.parse(out.trim().split('\n').pop()));
      rmSync(copy, { recursive: true, force: true });
    }
    for (const [label, wall, cpu] of [
      ['read (LinkHistory.snapshot)', 'readWall', 'readCpu'],
      ['search index (indexLinks)', 'indexWall', 'indexCpu'],
    ]) {
      const w = runs.map((r) => r[wall]);
      const c = runs.map((r) => r[cpu]);
      console.log(`  ${label.padEnd(28)} wall median ${ms(median(w))}, best ${ms(Math.min(...w))}; CPU median ${ms(median(c))}, best ${ms(Math.min(...c))}`);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
}
