import { describe, expect, it } from 'vitest';
import { uriEncode, verifyPresignedUrl } from '../../support/sigv4';

/**
 * AWS's published presigned GET example ("Authenticating Requests: Using Query Parameters",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html).
 * If the verifier reproduces this signature, it implements SigV4 as AWS specifies it.
 */
const EXAMPLE = {
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  url:
    'https://examplebucket.s3.amazonaws.com/test.txt' +
    '?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
    '&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
};

describe('the independent SigV4 verifier', () => {
  it("reproduces AWS's published presigned GET example", () => {
    const result = verifyPresignedUrl(EXAMPLE.url, { method: 'GET', secretAccessKey: EXAMPLE.secretAccessKey });
    expect(result.expectedSignature).toBe('aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404');
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.accessKeyId).toBe('AKIAIOSFODNN7EXAMPLE');
    expect(result.scope).toEqual({ date: '20130524', region: 'us-east-1', service: 's3', terminator: 'aws4_request' });
    expect(result.expiresIn).toBe(86_400);
    expect(result.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host',
        'host:examplebucket.s3.amazonaws.com',
        '',
        'host',
        'UNSIGNED-PAYLOAD',
      ].join('\n'),
    );
  });

  it('rejects the example with another secret, method, key or region', () => {
    const wrongSecret = verifyPresignedUrl(EXAMPLE.url, { method: 'GET', secretAccessKey: 'not-the-secret' });
    expect(wrongSecret.valid).toBe(false);
    expect(verifyPresignedUrl(EXAMPLE.url, { method: 'PUT', secretAccessKey: EXAMPLE.secretAccessKey }).valid).toBe(false);
    expect(verifyPresignedUrl(EXAMPLE.url.replace('/test.txt', '/other.txt'), { method: 'GET', secretAccessKey: EXAMPLE.secretAccessKey }).valid).toBe(false);
    expect(verifyPresignedUrl(EXAMPLE.url.replace('us-east-1', 'eu-west-1'), { method: 'GET', secretAccessKey: EXAMPLE.secretAccessKey }).valid).toBe(false);
  });

  it('checks the validity window when told when the URL is used', () => {
    const at = (iso: string) => verifyPresignedUrl(EXAMPLE.url, { method: 'GET', secretAccessKey: EXAMPLE.secretAccessKey, at: new Date(iso) });
    expect(at('2013-05-24T12:00:00Z').valid).toBe(true);
    expect(at('2013-05-25T00:00:01Z').problems).toContain('The URL has expired');
    expect(at('2013-05-23T23:59:59Z').problems).toContain('The URL is not valid yet');
  });

  it('needs every signed header besides Host to be sent', () => {
    const url = EXAMPLE.url.replace('X-Amz-SignedHeaders=host', 'X-Amz-SignedHeaders=content-type%3Bhost');
    const result = verifyPresignedUrl(url, { method: 'GET', secretAccessKey: EXAMPLE.secretAccessKey });
    expect(result.problems).toContain('Signed header "content-type" is not sent');
  });

  it('encodes as the specification says: unreserved kept, the rest as uppercase UTF-8 percent-escapes', () => {
    expect(uriEncode('a-Z_0.~')).toBe('a-Z_0.~');
    expect(uriEncode('a b+c/é😀')).toBe('a%20b%2Bc%2F%C3%A9%F0%9F%98%80');
    expect(uriEncode('dir/file name', true)).toBe('dir/file%20name');
  });
});
