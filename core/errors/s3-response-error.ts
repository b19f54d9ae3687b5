import type { FailureContext, S3Failure } from './s3-failure';

/**
 * An S3 error answer to a request we sent ourselves (a streamed PUT to a presigned URL), kept as
 * data: toAppError words it, and retries read whether it is worth another attempt.
 */
export class S3ResponseError extends Error {
  constructor(
    readonly failure: S3Failure,
    /** Where the request went, as far as its URL tells. */
    readonly context: FailureContext = {},
  ) {
    super(`S3 answered ${failure.status} ${failure.errorCode ?? ''}`.trim());
    this.name = 'S3ResponseError';
  }

  /** From a status and an S3 error document (`<Code>`, `<Message>`, `<Region>`), for `action` sent to `url`. */
  static fromBody(status: number, body: string, action: string, url?: string): S3ResponseError {
    const tag = (name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(body)?.[1];
    const code = tag('Code');
    const message = tag('Message');
    const region = tag('Region');
    const failure: S3Failure = {
      action,
      status,
      ...(code ? { errorCode: code } : {}),
      ...(message ? { errorMessage: message } : {}),
      ...(region ? { errorRegion: region } : {}),
    };
    return new S3ResponseError(failure, url ? contextOfUrl(url) : {});
  }
}

/** The endpoint and access key id a presigned URL names (its X-Amz-Credential starts with the key id). */
function contextOfUrl(url: string): FailureContext {
  const parsed = new URL(url);
  const accessKeyId = parsed.searchParams.get('X-Amz-Credential')?.split('/')[0];
  return { endpoint: parsed.origin, ...(accessKeyId ? { accessKeyId } : {}) };
}
