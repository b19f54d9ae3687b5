/**
 * Request files: a link that lets someone without keys upload into the sender's bucket, through a
 * page Signdrop writes into the bucket itself. The shapes the app, the CLI and core share.
 */
import { z } from 'zod';
import { expirySeconds } from './profile';

/**
 * How the page uploads. `post`: one presigned POST policy per file, the store enforces size and key.
 * `put`: presigned PUT URLs, for stores that answer POST Object with 501 (Cloudflare R2, Backblaze
 * B2); there the size limit is checked by the page alone.
 */
export const UPLOAD_MODES = ['post', 'put'] as const;
export type UploadMode = (typeof UPLOAD_MODES)[number];

/** Each file is one presigned policy or URL embedded in the page: a hundred keeps the page small. */
export const MAX_REQUEST_FILES = 100;
/** S3's limit for one POST or PUT upload: 5 GiB. */
export const MAX_REQUEST_FILE_BYTES = 5 * 1024 ** 3;

export const DEFAULT_REQUEST_EXPIRY_S = 86_400;
export const DEFAULT_REQUEST_MAX_FILES = 10;
export const DEFAULT_REQUEST_MAX_BYTES = 100_000_000;

export const CreateRequestInput = z
  .object({
    profileId: z.string().min(1),
    title: z.string().trim().max(200),
    message: z.string().max(4000).optional(),
    expiresInSeconds: expirySeconds,
    maxFiles: z.number().int().min(1).max(MAX_REQUEST_FILES, `A request accepts at most ${MAX_REQUEST_FILES} files.`),
    maxSize: z.number().int().min(1).max(MAX_REQUEST_FILE_BYTES, 'A file can be at most 5 GiB (S3 takes no larger single upload).'),
    /** Extensions (".pdf", "pdf") or content types ("image/png", "image/*"); empty or absent: any. */
    types: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .strict();
export type CreateRequestInput = z.input<typeof CreateRequestInput>;

const requestId = z.string().min(1).max(100);
/** A file of a request, by the request's id and the file's key. */
export const RequestFileRef = z.object({ id: requestId, key: z.string().min(1).max(1024) }).strict();
export const ExtendRequestInput = z.object({ id: requestId, expiresInSeconds: expirySeconds }).strict();
export const RequestFileLinkInput = RequestFileRef.extend({ expiresInSeconds: expirySeconds }).strict();

/** A request as Signdrop remembers it (requests survive restarts). */
export interface FileRequest {
  readonly id: string;
  readonly profileId: string;
  readonly bucket: string;
  readonly title: string;
  readonly message: string;
  /** Every upload and the page live under this ("requests/2026-12-02-invoices-k3f9x2/"). */
  readonly prefix: string;
  readonly pageKey: string;
  /** The presigned link to the page: what the sender hands out. */
  readonly url: string;
  readonly mode: UploadMode;
  readonly maxFiles: number;
  readonly maxSize: number;
  readonly types: readonly string[];
  readonly createdAt: string;
  /** When the page's link and its upload policies stop working. */
  readonly expiresAt: string;
  /** Set by Close: the page is deleted, so its link stops working at once. */
  readonly closedAt?: string;
  /** Keys of the files that arrived, as last seen. */
  readonly arrived: readonly string[];
  /** Set when temporary credentials made the request shorter-lived than asked. */
  readonly warning?: string;
}

/** One file that arrived. */
export interface RequestFile {
  readonly key: string;
  /** The name the file had on the sender's machine, from its signed Content-Disposition. */
  readonly name: string;
  readonly size: number;
  readonly lastModified: string;
}

/** A normal link to a file that arrived. */
export interface RequestFileLink {
  readonly url: string;
  readonly expiresAt: string;
  /** Set when temporary credentials made the link shorter-lived than asked. */
  readonly warning?: string;
}

/** New files of one request, found by one look at its prefix. */
export interface Arrival {
  readonly request: FileRequest;
  readonly files: readonly RequestFile[];
}

/** Open: not closed and not yet expired. */
export const isRequestOpen = (request: FileRequest, now: Date): boolean => !request.closedAt && Date.parse(request.expiresAt) > now.getTime();

const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/** Parses "500MB", "2GiB", "1.5 GB" or a number of bytes; an error sentence when it is not a size. */
export function parseSize(text: string): { bytes: number } | { error: string } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = SIZE_UNITS[match?.[2]?.toLowerCase() ?? 'x'];
  if (!match || unit === undefined) return { error: `"${text}" is not a size: use 500MB, 2GiB or a number of bytes.` };
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1) return { error: 'The largest file must be at least 1 byte.' };
  if (bytes > MAX_REQUEST_FILE_BYTES) return { error: `${text} is more than 5 GiB, the most S3 takes in one upload.` };
  return { bytes };
}
