import type { ObjectRef, TransferSigner } from '../transfer/transfer-signer';
import {
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  headObject,
  listMultipartUploads,
  listParts,
  listUploadsUnder,
} from './multipart-control';
import type { Signer } from './signer';

/**
 * The transfer engine's view of the Signer: presigned URLs (from the Signer's one presigner, with
 * its clock and its credential-lifetime clamp) and the results of multipart control calls.
 */
export function transferSignerFor(signer: Signer): TransferSigner {
  return {
    describe: async (profileId) => {
      const p = await signer.profile(profileId);
      return { bucket: p.bucket, keyTemplate: p.keyTemplate };
    },
    presignPut: ({ profileId, key, contentType }, expiresInSeconds) =>
      signer.presignPut(profileId, key, { expiresInSeconds, ...(contentType ? { contentType } : {}) }),
    createMultipart: ({ profileId, key, contentType }) => createMultipartUpload(signer, profileId, key, contentType),
    presignPart: ({ profileId, key }, uploadId, partNumber, expiresInSeconds) =>
      signer.presignUploadPart(profileId, key, { uploadId, partNumber, expiresInSeconds }),
    listParts: ({ profileId, key }, uploadId) => listParts(signer, profileId, key, uploadId),
    completeMultipart: ({ profileId, key }, uploadId, parts) => completeMultipartUpload(signer, profileId, key, uploadId, parts),
    abortMultipart: ({ profileId, key }, uploadId) => abortMultipartUpload(signer, profileId, key, uploadId),
    listMultipart: ({ profileId, key }, since) => listMultipartUploads(signer, profileId, key, since),
    listMultipartUnder: (profileId, prefix) => listUploadsUnder(signer, profileId, prefix),
    headObject: ({ profileId, key }: ObjectRef) => headObject(signer, profileId, key),
    // The share link handed to the user: a GET that opens or downloads under the file's own name.
    presignGet: async ({ profileId, key }, expiresInSeconds, downloadName, disposition) => {
      const { links, expiresAt } = await signer.presignGetBatch(profileId, [{ key, downloadName }], {
        expiresInSeconds,
        ...(disposition ? { disposition } : {}),
      });
      return { url: links[0]!.url, expiresAt };
    },
  };
}
