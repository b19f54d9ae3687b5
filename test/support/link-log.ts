/**
 * A link history as the app writes it (links.jsonl), for tests and benchmarks that start with
 * many links: one `created` line per link, with URLs as long as real presigned ones.
 */
import { randomUUID } from 'node:crypto';

const KINDS = ['photo.jpg', 'report.pdf', 'notes.txt', 'clip.mp4', 'archive.zip'];
const HOUR = 3_600_000;

/** `count` links named 000000-photo.jpg, 000001-report.pdf, …, the last one the newest. */
export function linkLog(count: number): string {
  const now = Date.now();
  const lines: string[] = [];
  for (let n = 0; n < count; n++) {
    const name = `${String(n).padStart(6, '0')}-${KINDS[n % KINDS.length]!}`;
    const key = `${randomUUID()}/${name}`;
    const url =
      `https://s3.example.com/bench/${key}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD` +
      `&X-Amz-Credential=AKIAEXAMPLEEXAMPLE12%2F20300101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20300101T000000Z&X-Amz-Expires=604800` +
      `&X-Amz-Signature=${'0123456789abcdef'.repeat(4)}&X-Amz-SignedHeaders=host&response-content-disposition=attachment%3B%20filename%3D%22${name}%22`;
    // Spread over a week before and after now: some expired, some expiring within a day, most alive.
    const expiresAt = new Date(now + ((n % 336) - 48) * HOUR).toISOString();
    const createdAt = new Date(now - (count - n) * 1000).toISOString();
    lines.push(JSON.stringify({ t: 'created', id: randomUUID(), profileId: 'bench', bucket: 'bench', key, name, size: 1000 + n, url, createdAt, expiresAt }));
  }
  return `${lines.join('\n')}\n`;
}
