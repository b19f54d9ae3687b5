import type { GetObjectCommandInput } from '@aws-sdk/client-s3';
import { contentDisposition } from '../../common/content-disposition';
import type { PresignableRequest } from './presignable';

/** How a GET link presents the file to whoever opens it. */
export interface GetLinkOptions {
  /** 1 s to 7 days; shortened when the profile's temporary credentials expire sooner. */
  readonly expiresInSeconds: number;
  /** The name the browser saves the download under (defaults to the key's last segment). */
  readonly downloadName?: string;
  /** 'attachment' (default) downloads; 'inline' lets the browser show it. */
  readonly disposition?: 'attachment' | 'inline';
  /** Overrides the stored Content-Type in the response (`response-content-type`). */
  readonly contentType?: string;
}

/** One key to link, with the name its download should get when not the key's last segment. */
export type BatchKey = string | { readonly key: string; readonly downloadName?: string };

export interface BatchLink {
  readonly key: string;
  readonly url: string;
}

export type BatchOptions = Omit<GetLinkOptions, 'downloadName'>;

export interface PutUrlOptions {
  readonly expiresInSeconds: number;
  /** When set, it is signed: the upload must send exactly this Content-Type or S3 answers 403. */
  readonly contentType?: string;
}

/** The last segment of a key: what a download is called when no name is given. */
export const keyBaseName = (key: string): string => key.slice(key.lastIndexOf('/') + 1);

/**
 * The `response-*` overrides of a GET link. S3 answers with these headers, which is how a link
 * names the download (RFC 6266) without changing the stored object
 * (https://github.com/rclone/rclone/issues/7684).
 */
export function responseOverrides(
  key: string,
  options: Pick<GetLinkOptions, 'downloadName' | 'disposition' | 'contentType'>,
): Pick<GetObjectCommandInput, 'ResponseContentDisposition' | 'ResponseContentType'> {
  const name = options.downloadName || keyBaseName(key);
  return {
    ...(name ? { ResponseContentDisposition: contentDisposition(name, options.disposition) } : {}),
    ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
  };
}

/** The presignable GET of `key` as `options` present it. */
export function getRequest(key: string, options: Omit<GetLinkOptions, 'expiresInSeconds'>): PresignableRequest {
  const overrides = responseOverrides(key, options);
  return {
    kind: 'GetObject',
    key,
    ...(overrides.ResponseContentDisposition ? { responseContentDisposition: overrides.ResponseContentDisposition } : {}),
    ...(overrides.ResponseContentType ? { responseContentType: overrides.ResponseContentType } : {}),
  };
}
