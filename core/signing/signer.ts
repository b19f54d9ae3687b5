import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StoredProfile } from '../../common/profile';
import { SigndropError } from '../../common/result';
import type { ShareLink } from '../../common/uploads';
import type { CredentialStore } from '../credentials/credential-store';
import { resolveCredentials } from '../credentials/resolve-credentials';
import { createS3Client } from '../s3/client';
import { GetLinkBatchSigner, type BatchKey, type BatchLink, type BatchOptions } from './batch';
import { linkLifetime, parseCredentialExpiry, type LinkLifetime } from './lifetime';
import { responseOverrides, type GetLinkOptions, type PutUrlOptions } from './link-options';
import { presignPostPolicy, type PostPolicyOptions, type PresignedPost } from './post-policy';

export type { BatchKey, BatchLink, BatchOptions } from './batch';
export type { LinkLifetime } from './lifetime';
export type { GetLinkOptions, PutUrlOptions } from './link-options';
export type { PostPolicyOptions, PresignedPost } from './post-policy';

/** Where the signer finds a profile by id: the JSON store in the app, an ad-hoc one in the CLI. */
export interface ProfileSource {
  get(id: string): Promise<StoredProfile | undefined>;
}

/** What a presign returns: the URL and when it really stops working. */
export interface PresignedRequest extends ShareLink {
  readonly method: 'GET' | 'PUT';
  /** Set when temporary credentials made the link shorter-lived than asked. */
  readonly clampedBy?: 'credentials';
  /** Says so in words, for the person sharing the link. */
  readonly warning?: string;
}

/** Many GET links signed at once; they share one signing time and lifetime. */
export interface PresignedBatch {
  readonly links: readonly BatchLink[];
  readonly expiresAt: string;
  readonly clampedBy?: 'credentials';
  readonly warning?: string;
}

/** A profile ready to sign with, for the modules in core/signing only. */
export interface ResolvedProfile {
  readonly client: S3Client;
  readonly profile: StoredProfile;
  /** When the profile's temporary credentials expire, if they are temporary and it is known. */
  readonly credentialsExpireAt?: Date;
}

// The SDK presigner leaves Content-Type unsigned; we sign it so an upload with another type fails.
const SIGN_CONTENT_TYPE = new Set(['content-type']);

/**
 * Signs URLs for a profile. The only reader of the credential store: the transfer engine
 * and the renderer get URLs from here, never keys. `now` is the signing clock (injectable so
 * tests can sign in the past).
 */
export class Signer {
  private readonly resolved = new Map<string, ResolvedProfile>();
  private readonly batchSigners = new Map<string, Promise<GetLinkBatchSigner>>();

  constructor(
    private readonly profiles: ProfileSource,
    private readonly credentials: CredentialStore,
    private readonly now: () => Date = () => new Date(),
    /** Where profiles whose keys come from the environment read them (the CLI's, in its tests). */
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Drops the cached client, after a profile or its secret changed. */
  forget(profileId: string): void {
    this.resolved.delete(profileId);
    this.batchSigners.delete(profileId);
  }

  async profile(profileId: string): Promise<StoredProfile> {
    return (await this.resolve(profileId)).profile;
  }

  /**
   * How long a link asked to live `expiresInSeconds` would really work if signed now:
   * shorter when the profile's temporary credentials expire first. For the UI and CLI to
   * warn before signing. Throws like the presign methods for an impossible lifetime.
   */
  async linkLifetime(profileId: string, expiresInSeconds: number): Promise<LinkLifetime> {
    const { credentialsExpireAt } = await this.resolve(profileId);
    return linkLifetime(expiresInSeconds, this.now(), credentialsExpireAt);
  }

  /** A GET link that downloads `key`, named and typed as `options` say. */
  async presignGet(profileId: string, key: string, options: GetLinkOptions): Promise<PresignedRequest> {
    const { client, profile, credentialsExpireAt } = await this.resolve(profileId);
    const command = new GetObjectCommand({ Bucket: profile.bucket, Key: key, ...responseOverrides(key, options) });
    return this.sign(client, command, 'GET', options.expiresInSeconds, credentialsExpireAt);
  }

  /** A PUT URL for one upload to `key`, with its Content-Type signed when given. */
  async presignPut(profileId: string, key: string, options: PutUrlOptions): Promise<PresignedRequest> {
    const { client, profile, credentialsExpireAt } = await this.resolve(profileId);
    const command = new PutObjectCommand({
      Bucket: profile.bucket,
      Key: key,
      ...(options.contentType ? { ContentType: options.contentType } : {}),
    });
    return this.sign(client, command, 'PUT', options.expiresInSeconds, credentialsExpireAt, options.contentType ? SIGN_CONTENT_TYPE : undefined);
  }

  /**
   * GET links for many keys at once, byte-identical to presignGet's for the same time, but
   * without running the SDK's middleware stack per link (see batch.ts): 10,000 in well under a second.
   */
  async presignGetBatch(profileId: string, keys: readonly BatchKey[], options: BatchOptions): Promise<PresignedBatch> {
    const { client, profile, credentialsExpireAt } = await this.resolve(profileId);
    const signingDate = this.now();
    const lifetime = linkLifetime(options.expiresInSeconds, signingDate, credentialsExpireAt);
    let batch = this.batchSigners.get(profileId);
    if (!batch) {
      batch = GetLinkBatchSigner.create(client, profile.bucket);
      this.batchSigners.set(profileId, batch);
      batch.catch(() => this.batchSigners.delete(profileId));
    }
    const links = await (await batch).sign(keys, options, lifetime.seconds, signingDate);
    return { links, ...outcome(lifetime) };
  }

  /** A browser-form upload policy (size range, key prefix, content type); see post-policy.ts. */
  async presignPost(profileId: string, options: PostPolicyOptions): Promise<PresignedPost> {
    const { client, profile, credentialsExpireAt } = await this.resolve(profileId);
    const signingDate = this.now();
    const lifetime = linkLifetime(options.expiresInSeconds, signingDate, credentialsExpireAt);
    return presignPostPolicy(client, profile.bucket, options, lifetime, signingDate);
  }

  private async sign(
    client: S3Client,
    command: GetObjectCommand | PutObjectCommand,
    method: 'GET' | 'PUT',
    expiresInSeconds: number,
    credentialsExpireAt: Date | undefined,
    signableHeaders?: Set<string>,
  ): Promise<PresignedRequest> {
    const signingDate = this.now();
    const lifetime = linkLifetime(expiresInSeconds, signingDate, credentialsExpireAt);
    const url = await getSignedUrl(client, command, {
      expiresIn: lifetime.seconds,
      signingDate,
      ...(signableHeaders ? { signableHeaders } : {}),
    });
    return { url, method, ...outcome(lifetime) };
  }

  /**
   * The profile, its SDK client and its credentials' expiry. For the signing modules in
   * core/signing only (POST policies, multipart control): everything else gets URLs, never a client.
   */
  async resolve(profileId: string): Promise<ResolvedProfile> {
    const cached = this.resolved.get(profileId);
    if (cached) return cached;
    const profile = await this.profiles.get(profileId);
    if (!profile) throw SigndropError.of('not-found', 'That profile no longer exists. Choose or add another profile.');
    const credentials = await resolveCredentials(profile, this.credentials, { env: this.env });
    // Only temporary credentials expire; a stray expiration on a long-term key is not trusted.
    const credentialsExpireAt = credentials.sessionToken ? parseCredentialExpiry(credentials.expiration) : undefined;
    const entry: ResolvedProfile = {
      client: createS3Client(profile, credentials),
      profile,
      ...(credentialsExpireAt ? { credentialsExpireAt } : {}),
    };
    this.resolved.set(profileId, entry);
    return entry;
  }
}

/** The parts of a lifetime every presign result carries. */
function outcome(lifetime: LinkLifetime): Pick<PresignedRequest, 'expiresAt' | 'clampedBy' | 'warning'> {
  return {
    expiresAt: lifetime.expiresAt,
    ...(lifetime.clampedBy ? { clampedBy: lifetime.clampedBy } : {}),
    ...(lifetime.warning ? { warning: lifetime.warning } : {}),
  };
}
