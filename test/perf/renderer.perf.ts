/**
 * `npm run bench:renderer`: figures for the renderer, printed, not asserted against a time.
 * - time from dropping a folder of 10,000 files to the first queue rows drawn
 * - long tasks (> 50 ms) while scrolling that queue top to bottom
 * - the renderer bundle's size, gzipped (target ≤ 300 KB)
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, expect, it } from 'vitest';
import { startHarness, type Harness } from '../e2e/harness';
import { createTestBucket } from '../support/s3';

const FILES = 10_000;
let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

it(`renderer with ${FILES} queued files`, async () => {
  const assets = join(__dirname, '../../out/renderer/assets');
  let gzipped = 0;
  let raw = 0;
  for (const name of await readdir(assets)) {
    const bytes = await readFile(join(assets, name));
    raw += bytes.length;
    gzipped += gzipSync(bytes).length;
  }

  const dir = join(await mkdtemp(join(tmpdir(), 'signdrop-perf-')), 'many');
  await mkdir(dir);
  await Promise.all(Array.from({ length: FILES }, (_, i) => writeFile(join(dir, `file-${String(i).padStart(5, '0')}.txt`), `${i}\n`)));

  h = await startHarness();
  const { page } = h;
  await h.addProfile(await createTestBucket('perf'));
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask' });
  });

  // Measured in the page: from the drop event to the first queue row in the DOM.
  const firstRows = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let dropped = 0;
        window.addEventListener('drop', () => (dropped = performance.now()), { capture: true });
        const observer = new MutationObserver(() => {
          if (dropped && document.querySelector('.upload')) {
            observer.disconnect();
            resolve(performance.now() - dropped);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true });
      }),
  );
  await h.dropFiles([dir]);
  const firstRowsMs = Math.round(await firstRows);
  await page.getByRole('listitem', { name: 'many/file-00000.txt' }).waitFor({ timeout: 60_000 });
  const rowsInDom = await page.locator('.upload').count();

  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
  const scrollMs = await page.evaluate(async () => {
    const scroller = document.querySelector('.uploads-scroller')!;
    const t0 = performance.now();
    for (let y = 0; y < scroller.scrollHeight; y += scroller.clientHeight) {
      scroller.scrollTop = y;
      await new Promise(requestAnimationFrame);
    }
    return performance.now() - t0;
  });
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

  const lines = [
    `renderer bundle: ${(raw / 1024).toFixed(0)} KB raw, ${(gzipped / 1024).toFixed(0)} KB gzipped (target <= 300 KB)`,
    `${FILES} files: drop to first rows drawn ${firstRowsMs} ms (target < 1000 ms); rows in the DOM: ${rowsInDom}`,
    `scrolling the whole queue: ${scrollMs.toFixed(0)} ms, long tasks: ${longTasks.length}` +
      (longTasks.length ? ` (longest ${Math.max(...longTasks).toFixed(0)} ms)` : ''),
  ];
  console.log(`\n${lines.join('\n')}\n`);
  // Virtualization: only what is in view is in the DOM.
  expect(rowsInDom).toBeLessThan(100);
}, 300_000);
