import { describe, expect, it } from 'vitest';
import { SigndropError } from '../../../common/result';
import { S3ResponseError } from '../../../core/errors/s3-response-error';
import { toAppError } from '../../../core/errors/to-app-error';

/** An SDK service error as the S3 client throws it. */
const sdkError = (name: string, status: number, message = name) => Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
const profile = { endpoint: 'https://s3.example.com', region: 'eu-west-2', bucket: 'photos', accessKeyId: 'AKIAEXAMPLE' };

describe('toAppError: the one place failures become words', () => {
  it('passes our own errors through untouched', () => {
    const own = SigndropError.of('file-changed', 'a.txt changed', false);
    expect(toAppError(own)).toBe(own.appError);
  });

  it('words an SDK refusal with what the profile says, naming the IAM action', () => {
    const error = toAppError(sdkError('AccessDenied', 403), { ...profile, action: 's3:PutObject' });
    expect(error).toMatchObject({ code: 'access-denied', retryable: false });
    expect(error.message).toContain('s3.example.com denied s3:PutObject on bucket "photos"');
    expect(error.message).toContain('access key "AKIAEXAMPLE"');
  });

  it("words a streamed PUT's answer the same way, from the URL it went to", () => {
    const missing = toAppError(
      S3ResponseError.fromBody(
        404,
        '<Error><Code>NoSuchBucket</Code></Error>',
        's3:PutObject',
        'http://127.0.0.1:7480/gone/k?X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request',
      ),
      { bucket: 'gone' },
    );
    expect(missing).toMatchObject({ code: 'no-such-bucket', retryable: false });
    expect(missing.message).toMatch(/bucket does not exist.*no bucket "gone" at 127\.0\.0\.1:7480/);
    const denied = toAppError(
      S3ResponseError.fromBody(
        403,
        '<Error><Code>AccessDenied</Code></Error>',
        's3:PutObject',
        'http://127.0.0.1:7480/b/k?X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fs3%2Faws4_request',
      ),
    );
    expect(denied.message).toContain('access key "AKID"');
  });

  it('keeps a missing multipart upload apart from a missing bucket', () => {
    expect(toAppError(sdkError('NoSuchUpload', 404), { ...profile, action: 's3:ListMultipartUploadParts' }).code).toBe('request-failed');
  });

  it('says whether trying again can help: the network, 5xx and throttling can; a wrong host name cannot', () => {
    expect(toAppError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toMatchObject({ code: 'endpoint-unreachable', retryable: true });
    expect(toAppError(Object.assign(new Error('getaddrinfo ENOTFOUND nope.example'), { code: 'ENOTFOUND' }))).toMatchObject({
      code: 'endpoint-unreachable',
      retryable: false,
    });
    expect(toAppError(sdkError('SlowDown', 503))).toMatchObject({ code: 'request-failed', retryable: true });
    expect(toAppError(sdkError('InternalError', 500)).message).toMatch(/answered 500 InternalError to the request\. .*retrying may help/);
    expect(toAppError(sdkError('ExpiredToken', 400))).toMatchObject({ code: 'credentials-expired', retryable: false });
  });

  it("keeps anything else's message under the caller's fallback code", () => {
    expect(toAppError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom', retryable: false });
    expect(toAppError('odd', {}, { code: 'upload-failed', retryable: true })).toEqual({ code: 'upload-failed', message: 'odd', retryable: true });
  });
});
