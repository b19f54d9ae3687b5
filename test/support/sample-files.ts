/** Small real files of the kinds a browser shows or must not: what content-type and share-page tests upload. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An 8×8 red PNG: a real image, so a browser can decode and preview it. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YaOBFTEMLQkAdntLARs7+acAAAAASUVORK5CYII=', 'base64');
/** A one-page PDF, as small as PDF allows. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface SampleFile {
  readonly name: string;
  readonly path: string;
  readonly bytes: Buffer;
  /** What the store must say (HeadObject) and the link must answer with. */
  readonly contentType: string;
  readonly disposition: 'inline' | 'attachment';
}

const SAMPLES: readonly Omit<SampleFile, 'path'>[] = [
  { name: 'screenshot.png', bytes: PNG, contentType: 'image/png', disposition: 'inline' },
  { name: 'report.pdf', bytes: PDF, contentType: 'application/pdf', disposition: 'inline' },
  { name: 'notes café.txt', bytes: Buffer.from('Notes in UTF-8: café, 日本語\n'), contentType: 'text/plain; charset=utf-8', disposition: 'inline' },
  {
    name: 'page.html',
    bytes: Buffer.from('<!doctype html><script>document.title = "ran"</script>'),
    contentType: 'text/html; charset=utf-8',
    disposition: 'attachment',
  },
];

/** Writes the samples (and any `extra` files) to a fresh temporary folder. */
export async function writeSamples(extra: readonly Omit<SampleFile, 'path'>[] = []): Promise<SampleFile[]> {
  const dir = await mkdtemp(join(tmpdir(), 'signdrop-samples-'));
  return Promise.all(
    [...SAMPLES, ...extra].map(async (sample) => {
      const path = join(dir, sample.name);
      await writeFile(path, sample.bytes);
      return { ...sample, path };
    }),
  );
}

export const SAMPLE_PNG = PNG;
