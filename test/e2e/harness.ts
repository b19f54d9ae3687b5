/**
 * The e2e harness: the built renderer served on 127.0.0.1 in Debian's Chromium, with
 * `window.signdrop` forwarded through `page.exposeBinding` to the real handlers, core,
 * keychain and radosgw in this Node process. It replaces Electron's transport and nothing else.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../../main/security';
import { createTestApp, type TestApp } from '../support/app';
import { RGW_REGION, RGW_USER, rgwEndpoint } from '../support/s3';

const ROOT = resolve(__dirname, '../..');
const RENDERER_DIR = join(ROOT, 'out/renderer');
const SCREENSHOTS_DIR = join(ROOT, 'docs/screenshots');

/**
 * Saves a page as docs/screenshots/<name>.png for the README, only when SCREENSHOTS=1
 * (`npm run screenshots`): a plain test run leaves the working tree as it found it.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env['SCREENSHOTS'] === '1') await page.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`) });
}
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// Tests run offline, often as root in a container: without the background-networking, component-update
// and sync flags Chromium keeps trying to reach Google's services from the closed network; there is no
// GPU to use; and Chromium refuses to start as root unless its sandbox is off.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function serveRenderer(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(RENDERER_DIR, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (relative(RENDERER_DIR, file).startsWith('..')) return void res.writeHead(404).end();
    readFile(file).then(
      (body) => {
        // The same CSP header main's app:// protocol sends.
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

let bridgeCode: Promise<string> | undefined;
/** The page bridge bundled once per run, as an IIFE like Electron would load a preload. */
function bundleBridge(): Promise<string> {
  bridgeCode ??= build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(__dirname, 'page-bridge.ts'), formats: ['iife'], name: 'SigndropBridge' },
    },
  }).then((out) => {
    const outputs = Array.isArray(out) ? out : [out];
    const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('page bridge did not bundle');
    return chunk.code;
  });
  return bridgeCode;
}

export interface Harness {
  readonly app: TestApp;
  readonly page: Page;
  readonly browser: Browser;
  readonly url: string;
  /**
   * Drops real files and folders on the window, as a user dragging them from the file manager
   * would. A folder arrives as a File named after it, as in Electron, and resolves to its path.
   */
  /**
   * Drops files on the window as the OS would. With `closeDialog`, the open dialog is closed first in
   * the same task, as Escape just before a quick drop does: its close event arrives after the drop.
   */
  dropFiles(paths: string[], options?: { readonly closeDialog?: boolean }): Promise<void>;
  /**
   * Adds a storage profile on radosgw (or `endpoint`, e.g. a fault proxy before it) through the form, as a user would.
   * Save tests the connection first; a profile that cannot connect yet (a bucket made later) is saved with
   * "Save without a working connection", as a user who knows would.
   */
  addProfile(bucket: string, endpoint?: string): Promise<void>;
  /**
   * Saves the page as docs/screenshots/<name>.png for the README, only when SCREENSHOTS=1
   * (`npm run screenshots`): a plain test run leaves the working tree as it found it.
   */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly colorScheme?: 'light' | 'dark';
  /** Installs Playwright's controllable clock in the page (for countdowns and expiry). */
  readonly clock?: boolean;
  /** The app's data folder (a test's own file system); a new temporary one unless given. */
  readonly dataDir?: string;
  /** Writes into the data folder before the engine starts (see TestAppOptions). */
  readonly seed?: ((dataDir: string) => Promise<void>) | undefined;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` (npm run test:all does).');
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run 'npm run test:all' (installs it) or apt-get install -y chromium.`);
  }
  const [app, server, bridge] = await Promise.all([createTestApp({ seed: options.seed, dataDir: options.dataDir }), serveRenderer(), bundleBridge()]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1000, height: 720 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  // Results and events cross as JSON text: Playwright's own serializer is far slower than
  // Electron's structured clone on 10,000-item payloads, and would skew what we measure.
  await page.exposeBinding('__signdropInvoke', async (_source, channel: string, input: unknown) => JSON.stringify(await app.invokeRaw(channel, input)));
  app.onEvent((event, payload) => {
    const json = JSON.stringify(payload);
    void page
      .evaluate(([e, p]) => (window as unknown as { __signdropEmit?: (e: string, p: unknown) => void }).__signdropEmit?.(e, JSON.parse(p)), [
        event,
        json,
      ] as const)
      .catch(() => undefined);
  });
  await page.addInitScript({ content: bridge });
  if (options.clock) await page.clock.install();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await page.goto(url);

  return {
    app,
    page,
    browser,
    url,
    async dropFiles(paths, { closeDialog = false } = {}) {
      const files = await Promise.all(
        paths.map(async (path) => ({
          path,
          name: path.slice(path.lastIndexOf('/') + 1),
          data: (await stat(path)).isDirectory() ? '' : (await readFile(path)).toString('base64'),
        })),
      );
      await page.evaluate(
        ({ dropped, closeDialog }) => {
          if (closeDialog) document.querySelector<HTMLDialogElement>('dialog[open]')?.close();
          const w = window as unknown as { __signdropPaths: Record<string, string> };
          const transfer = new DataTransfer();
          for (const f of dropped) {
            w.__signdropPaths[f.name] = f.path;
            const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
            transfer.items.add(new File([bytes], f.name));
          }
          for (const type of ['dragenter', 'dragover', 'drop']) {
            // Dispatched on the element under the pointer; it bubbles to the window as a real drop does.
            const target = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2) ?? document.body;
            target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
          }
        },
        { dropped: files, closeDialog },
      );
    },
    async addProfile(bucket, endpoint = rgwEndpoint()) {
      await page.getByLabel('Name').fill(`Ceph ${bucket}`);
      await page.getByLabel('Provider').selectOption({ label: 'MinIO / Ceph' });
      await page.getByLabel('Endpoint').fill(endpoint);
      await page.getByLabel('Region').fill(RGW_REGION);
      await page.getByLabel('Bucket').fill(bucket);
      await page.getByLabel('Access key id').fill(RGW_USER.accessKeyId);
      await page.getByLabel('Secret access key').fill(RGW_USER.secretAccessKey);
      await page.getByRole('button', { name: 'Save profile' }).click();
      const chooseFiles = page.getByRole('button', { name: 'Choose files…' });
      const saveAnyway = page.getByRole('button', { name: 'Save without a working connection' });
      await chooseFiles.or(saveAnyway).waitFor();
      if (await saveAnyway.isVisible()) await saveAnyway.click();
      await chooseFiles.waitFor();
    },
    async screenshot(name) {
      await saveScreenshot(page, name);
    },
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
      await app.close();
      if (pageErrors.length > 0) throw new Error(`The page threw: ${pageErrors.join('; ')}`);
    },
  };
}
