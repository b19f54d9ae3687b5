/** S3 limits, https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html */
export const MIB = 1024 * 1024;
export const MAX_PARTS = 10_000; // S3 limit on parts per multipart upload
export const MIN_PART_SIZE = 5 * MIB; // S3 limit: every part but the last is at least 5 MiB
export const MAX_PART_SIZE = 5 * 1024 * MIB; // S3 limit: 5 GiB per part

/** Below this a file goes up in one presigned PUT: one request instead of three plus N. */
export const DEFAULT_MULTIPART_THRESHOLD = 16 * MIB;
/**
 * Default part size: big enough to keep per-request overhead low, small enough to parallelise and
 * resume. 1 GiB on radosgw (`npm run bench:upload`, BENCH_VARIANTS, interleaved with aws-cli, two
 * rounds, load 0.3-5.7): 16 MiB parts 4 at once took 3.55-3.62 s and 2.17 CPU-s, 8 MiB parts
 * 4.07-5.66 s at 4 at once and 3.79-3.80 s at 8 (each part is a signature, a request and a record
 * the store keeps until Complete). Memory does not grow with it: a part streams through two 1 MiB buffers.
 */
export const DEFAULT_PART_SIZE = 16 * MIB;

export interface PartRange {
  readonly partNumber: number;
  readonly start: number;
  readonly length: number;
}

/**
 * The part size for a file: the preferred size, grown (in whole MiB) so the file never needs
 * more than 10,000 parts, and never below S3's 5 MiB minimum.
 */
export function choosePartSize(fileSize: number, preferred = DEFAULT_PART_SIZE): number {
  const needed = Math.ceil(fileSize / MAX_PARTS / MIB) * MIB;
  return Math.min(MAX_PART_SIZE, Math.max(MIN_PART_SIZE, preferred, needed));
}

/** The byte ranges of a file's parts, numbered from 1 as S3 wants. */
export function planParts(fileSize: number, partSize: number): PartRange[] {
  const parts: PartRange[] = [];
  for (let start = 0, n = 1; start < fileSize || n === 1; start += partSize, n++) {
    parts.push({ partNumber: n, start, length: Math.min(partSize, fileSize - start) });
    if (fileSize === 0) break;
  }
  return parts;
}
