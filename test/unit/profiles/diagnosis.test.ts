import { describe, expect, it } from 'vitest';
import { clockSkewSeconds, diagnose, judgeSkew, type ProbeOutcome } from '../../../core/s3/diagnosis';

const target = { endpoint: 'https://s3.example.com', region: 'us-east-1', bucket: 'photos', accessKeyId: 'AKIAEXAMPLE' };
const put = (o: Omit<ProbeOutcome, 'action'>): ProbeOutcome => ({ action: 's3:PutObject', ...o });

describe('diagnose', () => {
  it('passes a 2xx answer', () => {
    expect(diagnose(put({ status: 200 }), target)).toBeUndefined();
  });

  it.each([
    ['InvalidAccessKeyId', 403, 'invalid-access-key', 'AKIAEXAMPLE'],
    ['SignatureDoesNotMatch', 403, 'signature-mismatch', 'secret access key does not match'],
    ['NoSuchBucket', 404, 'no-such-bucket', 'no bucket "photos"'],
    ['AccessDenied', 403, 'access-denied', 'denied s3:PutObject on bucket "photos"'],
    ['RequestTimeTooSkewed', 403, 'clock-skew', 'clock'],
    ['ExpiredToken', 400, 'credentials-expired', 'temporary keys expire'],
  ])('%s becomes %s', (errorCode, status, code, words) => {
    const error = diagnose(put({ status, errorCode }), target);
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(words);
  });

  it('names the region AWS says the bucket is in', () => {
    const error = diagnose(put({ status: 400, errorCode: 'AuthorizationHeaderMalformed', errorRegion: 'eu-west-2' }), target);
    expect(error).toMatchObject({ code: 'wrong-region' });
    expect(error?.message).toContain("is in eu-west-2, not us-east-1. Set the profile's region to eu-west-2");
  });

  it('reads the region of a bodiless 301 from x-amz-bucket-region', () => {
    const error = diagnose(put({ status: 301, headers: { 'x-amz-bucket-region': 'ap-south-1' } }), target);
    expect(error?.message).toContain('ap-south-1');
  });

  it('tells a refused port from an untrusted certificate', () => {
    expect(diagnose(put({ networkCode: 'ECONNREFUSED', networkMessage: 'connect ECONNREFUSED 127.0.0.1:9' }), target)).toMatchObject({
      code: 'endpoint-unreachable',
      retryable: true,
    });
    const tls = diagnose(put({ networkCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', networkMessage: 'self-signed certificate' }), target);
    expect(tls?.code).toBe('tls-failure');
    expect(tls?.message).toContain('s3.example.com');
  });

  it('names the action in access-denied for every step', () => {
    expect(diagnose({ action: 's3:GetObject', status: 403, errorCode: 'AccessDenied' }, target)?.message).toContain('s3:GetObject');
  });
});

describe('clock skew', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  it('reads the server Date header', () => {
    expect(clockSkewSeconds('Thu, 01 Jan 2026 12:20:00 GMT', now)).toBe(1200);
    expect(clockSkewSeconds(undefined, now)).toBeUndefined();
    expect(clockSkewSeconds('garbage', now)).toBeUndefined();
  });

  it('is fatal over 15 minutes, a warning over 1 minute, silent below', () => {
    expect(judgeSkew(15 * 60 + 1).error?.code).toBe('clock-skew');
    expect(judgeSkew(-16 * 60).error?.message).toContain('16 minutes ahead of');
    expect(judgeSkew(15 * 60).warning).toContain('15 minutes behind');
    expect(judgeSkew(61).warning).toBeDefined();
    expect(judgeSkew(60)).toEqual({});
    expect(judgeSkew(undefined)).toEqual({});
  });
});
