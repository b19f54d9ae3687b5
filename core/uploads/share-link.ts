import { chooseDisposition, type Disposition } from '../../common/disposition';
import type { ShareLink } from '../../common/uploads';
import type { TransferSigner } from '../transfer/transfer-signer';
import { contentTypeFor } from './content-type';

/** What signing a finished upload's share link needs to know about its item. */
export interface LinkedEntry {
  readonly profileId: string;
  readonly key: string;
  readonly relativePath: string;
  readonly expiresInSeconds: number;
  readonly disposition?: Disposition | undefined;
}

/**
 * Signs the share link of a stored upload: downloaded under the file's own name, shown inline or
 * downloaded as the user chose, else as its content type calls for (the type it was stored with).
 */
export function signShareLink(signer: TransferSigner, e: LinkedEntry): Promise<ShareLink> {
  const contentType = contentTypeFor(e.relativePath);
  const name = e.relativePath.slice(e.relativePath.lastIndexOf('/') + 1);
  return signer.presignGet({ profileId: e.profileId, key: e.key, contentType }, e.expiresInSeconds, name, chooseDisposition(contentType, e.disposition));
}
