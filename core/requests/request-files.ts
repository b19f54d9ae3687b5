import type { RequestFile } from '../../common/requests';
import { listObjects, storedNaming } from '../signing/list-objects';
import type { Signer } from '../signing/signer';
import { filesPrefix } from './request-prefix';

/**
 * The name a Content-Disposition gives: RFC 5987 `filename*` first (the page sends that), then a
 * quoted `filename`; the key's last segment when neither is there (a file someone put by hand).
 */
export function nameFromDisposition(value: string | undefined, key: string): string {
  const encoded = value && /filename\*\s*=\s*UTF-8''([^;\s]+)/i.exec(value)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const quoted = value && /filename\s*=\s*"([^"]*)"/i.exec(value)?.[1];
  return quoted || key.slice(key.lastIndexOf('/') + 1);
}

/** The percent-encoded name the page sends as `x-amz-meta-filename` (POST mode), decoded. */
function nameFromMetadata(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Reads what arrived under a request's prefix: ListObjectsV2 for keys and sizes, and one HeadObject
 * per new file for the name it had (the listing does not carry it). Names are cached by key and
 * time, so watching a request asks only about files it has not seen.
 */
export class RequestFiles {
  private readonly names = new Map<string, string>();

  constructor(private readonly signer: Signer) {}

  async list(profileId: string, prefix: string): Promise<RequestFile[]> {
    const objects = await listObjects(this.signer, profileId, filesPrefix(prefix));
    return Promise.all(
      objects.map(async (o) => {
        const cacheKey = `${o.key} ${o.lastModified} ${o.size}`;
        let name = this.names.get(cacheKey);
        if (name === undefined) {
          const { disposition, metadata } = await storedNaming(this.signer, profileId, o.key);
          name = nameFromMetadata(metadata['filename']) ?? nameFromDisposition(disposition, o.key);
          this.names.set(cacheKey, name);
        }
        return { key: o.key, name, size: o.size, lastModified: o.lastModified };
      }),
    );
  }
}
