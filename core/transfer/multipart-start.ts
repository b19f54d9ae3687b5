import type { ObjectRef, TransferSigner } from './transfer-signer';

type Retry = <T>(fn: (n: number) => Promise<T>) => Promise<T>;

/**
 * Starts a multipart upload without leaving one behind: when a CreateMultipartUpload fails without an
 * answer (cut, timed out), the store may have started the upload anyway. Before trying again, the
 * uploads of exactly this key initiated since the first try are looked up: the newest is used and any
 * others aborted, so a lost answer costs a listing, never an upload billed forever.
 */
export async function startMultipart(signer: TransferSigner, ref: ObjectRef, retry: Retry): Promise<string> {
  const since = new Date();
  let tried = false;
  return retry(async () => {
    if (tried) {
      const [newest, ...others] = await signer.listMultipart(ref, since);
      if (newest) {
        await Promise.all(others.map((u) => signer.abortMultipart(ref, u.uploadId)));
        return newest.uploadId;
      }
    }
    tried = true;
    return signer.createMultipart(ref);
  });
}
