import type { Disposition } from '../../common/disposition';
import type { ShareLink } from '../../common/uploads';

/** Which object an upload writes. */
export interface ObjectRef {
  readonly profileId: string;
  readonly key: string;
  /** The Content-Type the object is stored under, signed into its PUT or CreateMultipartUpload. */
  readonly contentType?: string;
}

/** A part the store already holds, as ListParts reports it. */
export interface StoredPart {
  readonly partNumber: number;
  readonly etag: string;
  readonly size: number;
}

/** A multipart upload in progress on the server, as ListMultipartUploads reports it. */
export interface OpenUpload {
  readonly key: string;
  readonly uploadId: string;
  readonly initiated: Date;
}

/**
 * Everything the transfer engine needs from signing, and nothing more: presigned URLs and the
 * results of multipart control calls. Never keys, never an SDK client: whatever the engine holds
 * (and persists to resume) is worthless once its URLs expire.
 * core/signing/signer-for-transfers.ts implements it over the Signer.
 */
export interface TransferSigner {
  /** The bucket and key template of a profile, to name new items. */
  describe(profileId: string): Promise<{ bucket: string; keyTemplate: string }>;
  presignPut(ref: ObjectRef, expiresInSeconds: number): Promise<ShareLink>;
  createMultipart(ref: ObjectRef): Promise<string>;
  presignPart(ref: ObjectRef, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<ShareLink>;
  /** The parts stored so far, or undefined when the upload no longer exists (aborted, expired). */
  listParts(ref: ObjectRef, uploadId: string): Promise<StoredPart[] | undefined>;
  /** Returns the ETag, empty when the store gives none (radosgw). */
  completeMultipart(ref: ObjectRef, uploadId: string, parts: readonly { partNumber: number; etag: string }[]): Promise<string>;
  abortMultipart(ref: ObjectRef, uploadId: string): Promise<void>;
  /** Multipart uploads in progress for exactly `ref.key` initiated since `since` (about), newest first. */
  listMultipart(ref: ObjectRef, since: Date): Promise<OpenUpload[]>;
  /** Every multipart upload in progress under `prefix` in the profile's bucket. */
  listMultipartUnder(profileId: string, prefix: string): Promise<OpenUpload[]>;
  headObject(ref: ObjectRef): Promise<{ etag: string; size: number }>;
  /** The share link handed to the user once the upload is done: shown in the browser or downloaded. */
  presignGet(ref: ObjectRef, expiresInSeconds: number, downloadName: string, disposition?: Disposition): Promise<ShareLink>;
}
