import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import type { StoredProfile } from '../../common/profile';
import type { AppError } from '../../common/result';
import type { ResolvedCredentials } from '../credentials/resolve-credentials';
import { createS3Client, DEFAULT_REGION } from './client';
import { clockSkewSeconds, diagnose, judgeSkew, type ProbeOutcome, type ProbeTarget } from './diagnosis';
import { probe, type ProbeCommand } from './probe';

/** A test must answer quickly: a dead endpoint should say so in seconds, not after the OS's minutes. */
const CONNECT_TIMEOUT_MS = 5000;
const REQUEST_TIMEOUT_MS = 15_000;
/** Where the probe object goes: a fixed prefix so a leftover is recognisable. */
export const PROBE_PREFIX = '.signdrop-connection-test/';

export interface TestConnectionOptions {
  readonly now?: () => Date;
}

import type { ConnectionReport } from '../../common/connection';

export type { ConnectionReport };

/** A client for the checks: one attempt (retries would hide the first answer) and short timeouts. */
function probeClient(profile: StoredProfile, credentials: ResolvedCredentials, region: string): S3Client {
  return createS3Client({ ...profile, region }, credentials, {
    maxAttempts: 1,
    followRegionRedirects: false,
    requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  });
}

/** What the bucket said of its region when asked with the profile's. */
export interface BucketRegionAnswer {
  /** `x-amz-bucket-region`; undefined when the store does not say (many S3-compatible stores) or cannot be reached. */
  readonly region?: string;
  /** The store refused a request signed for the profile's region the way S3 refuses a wrong one (301, 307, 400). */
  readonly refused: boolean;
}

/** The statuses S3 answers a request signed for the wrong region with: a redirect, or AuthorizationHeaderMalformed. */
const WRONG_REGION_STATUSES = new Set([301, 307, 400]);

/**
 * Asks the bucket for its region: S3 names it in `x-amz-bucket-region` on HeadBucket whatever the
 * status (200, 301 from the global endpoint, even 403), and says whether the profile's region was refused.
 */
export async function askBucketRegion(profile: StoredProfile, credentials: ResolvedCredentials): Promise<BucketRegionAnswer> {
  const client = probeClient(profile, credentials, profile.region || DEFAULT_REGION);
  try {
    const outcome = await probe(client, new HeadBucketCommand({ Bucket: profile.bucket }), 's3:ListBucket');
    const region = outcome.headers?.['x-amz-bucket-region'] || undefined;
    return { ...(region ? { region } : {}), refused: WRONG_REGION_STATUSES.has(outcome.status ?? 0) };
  } finally {
    client.destroy();
  }
}

/** The bucket's region as it names it; undefined when the store does not say or cannot be reached. */
export async function detectBucketRegion(profile: StoredProfile, credentials: ResolvedCredentials): Promise<string | undefined> {
  return (await askBucketRegion(profile, credentials)).region;
}

/**
 * Checks a profile the way uploads use it: write a small probe object (s3:PutObject), read it back
 * (s3:GetObject, what every link does), delete it (s3:DeleteObject, a warning only). The first
 * failure becomes one specific diagnosis; the server's Date header gives the clock skew.
 */
export async function testConnection(
  profile: StoredProfile,
  credentials: ResolvedCredentials,
  { now = () => new Date() }: TestConnectionOptions = {},
): Promise<ConnectionReport> {
  const warnings: string[] = [];
  const passed: string[] = [];
  let region = profile.region || DEFAULT_REGION;
  let detectedRegion: string | undefined;
  let skew: number | undefined;
  const target = (): ProbeTarget => ({ endpoint: profile.endpoint, region: profile.region, bucket: profile.bucket, accessKeyId: credentials.accessKeyId });
  const report = (error?: AppError): ConnectionReport => ({
    ok: !error,
    region,
    ...(detectedRegion ? { detectedRegion } : {}),
    ...(skew !== undefined ? { clockSkewSeconds: skew } : {}),
    passed,
    warnings,
    ...(error ? { error } : {}),
  });
  /** Runs one step; returns an error to stop at, after reading the clock from any answer. */
  const step = async (client: S3Client, command: ProbeCommand, action: string): Promise<AppError | undefined> => {
    const outcome: ProbeOutcome = await probe(client, command, action);
    if (skew === undefined) {
      skew = clockSkewSeconds(outcome.headers?.['date'], now());
      const verdict = judgeSkew(skew);
      if (verdict.error) return verdict.error;
      if (verdict.warning) warnings.push(verdict.warning);
    }
    const problem = diagnose(outcome, target());
    if (!problem) passed.push(action);
    return problem;
  };

  if (!profile.region) {
    detectedRegion = await detectBucketRegion(profile, credentials);
    if (detectedRegion) region = detectedRegion;
  }
  const client = probeClient(profile, credentials, region);
  try {
    const key = `${PROBE_PREFIX}${randomUUID()}`;
    const body = 'Signdrop connection test: safe to delete.';
    const putProblem = await step(client, new PutObjectCommand({ Bucket: profile.bucket, Key: key, Body: body, ContentType: 'text/plain' }), 's3:PutObject');
    if (putProblem) {
      // AWS names the right region on a wrong-region answer; surface it for "use this region?".
      if (putProblem.code === 'wrong-region') detectedRegion = (await detectBucketRegion(profile, credentials)) ?? detectedRegion;
      return report(putProblem);
    }
    const getProblem = await step(client, new GetObjectCommand({ Bucket: profile.bucket, Key: key }), 's3:GetObject');
    const deleteProblem = await step(client, new DeleteObjectCommand({ Bucket: profile.bucket, Key: key }), 's3:DeleteObject');
    if (deleteProblem) warnings.push(`Uploads work, but the test file ${key} could not be deleted (${deleteProblem.message})`);
    return report(getProblem);
  } finally {
    client.destroy();
  }
}
