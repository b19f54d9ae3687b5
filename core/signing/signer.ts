import type { S3Client } from '@aws-sdk/client-s3';
import type { StoredProfile } from '../../common/profile';
import { SigndropError } from '../../common/result';
import type { ShareLink } from '../../common/uploads';
import type { CredentialStore } from '../credentials/credential-store';
import { resolveCredentials } from '../credentials/resolve-credentials';
import type { ProfileSource } from '../profiles/profile-source';
import { createS3Client, type ClientExtras } from '../s3/client';
import { linkLifetime, parseCredentialExpiry, type LinkLifetime } from './lifetime';
import { getRequest, type BatchKey, type BatchLink, type BatchOptions, type GetLinkOptions, type PutUrlOptions } from './link-options';
import { presignPostPolicy, type PostPolicyOptions, type PresignedPost } from './post-policy';
import type { PresignableRequest } from './presignable';
import { Presigner } from './presigner';

export type { BatchKey, BatchLink, BatchOptions } from './link-options';
export type { LinkLifetime } from './lifetime';
export type { GetLinkOptions, PutUrlOptions } from './link-options';
export type { PresignableRequest } from './presignable';
export type { PostPolicyOptions, PresignedPost } from './post-policy';

/** The Signer only looks profiles up by id. */
type ProfileLookup = Pick<ProfileSource, 'get'>;

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

/**
 * Signs URLs for a profile. The only reader of the credential store: the transfer engine
 * and the renderer get URLs from here, never keys. Every presigned URL (GET link, PUT,
 * UploadPart) comes from one Presigner per profile (presigner.ts) and gets the same clock and
 * the same lifetime rules (lifetime.ts): never longer than temporary credentials live. `now` is
 * the signing clock (injectable so tests can sign in the past).
 */
export class Signer {
  private readonly resolved = new Map<string, ResolvedProfile>();
  private readonly presigners = new Map<string, Presigner>();

  constructor(
    private readonly profiles: ProfileLookup,
    private readonly credentials: CredentialStore,
    private readonly now: () => Date = () => new Date(),
    /** Where profiles whose keys come from the environment read them (the CLI's, in its tests). */
    private readonly env: NodeJS.ProcessEnv = process.env,
    /** Client settings over the defaults: tests lower the SDK's time-outs here. */
    private readonly clientExtras: ClientExtras = {},
  ) {}

  /** Drops the cached client, after a profile or its secret changed. */
  forget(profileId: string): void {
    this.resolved.delete(profileId);
    this.presigners.delete(profileId);
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
    const { urls, lifetime } = await this.presign(profileId, [getRequest(key, options)], options.expiresInSeconds);
    return { url: urls[0]!, method: 'GET', ...outcome(lifetime) };
  }

  /** A PUT URL for one upload to `key`, with its Content-Type signed when given. */
  async presignPut(profileId: string, key: string, options: PutUrlOptions): Promise<PresignedRequest> {
    const request = { kind: 'PutObject' as const, key, ...(options.contentType ? { contentType: options.contentType } : {}) };
    const { urls, lifetime } = await this.presign(profileId, [request], options.expiresInSeconds);
    return { url: urls[0]!, method: 'PUT', ...outcome(lifetime) };
  }

  /** A PUT URL for one part of a multipart upload (no checksum parameters: core/s3/client.ts). */
  async presignUploadPart(profileId: string, key: string, part: { uploadId: string; partNumber: number; expiresInSeconds: number }): Promise<PresignedRequest> {
    const request = { kind: 'UploadPart' as const, key, uploadId: part.uploadId, partNumber: part.partNumber };
    const { urls, lifetime } = await this.presign(profileId, [request], part.expiresInSeconds);
    return { url: urls[0]!, method: 'PUT', ...outcome(lifetime) };
  }

  /**
   * GET links for many keys at once, byte-identical to presignGet's for the same time: the
   * presigner's per-second parts make 10,000 links take well under a second.
   */
  async presignGetBatch(profileId: string, keys: readonly BatchKey[], options: BatchOptions): Promise<PresignedBatch> {
    const requests = keys.map((entry) =>
      typeof entry === 'string'
        ? getRequest(entry, options)
        : getRequest(entry.key, { ...options, ...(entry.downloadName ? { downloadName: entry.downloadName } : {}) }),
    );
    const { urls, lifetime } = await this.presign(profileId, requests, options.expiresInSeconds);
    return { links: urls.map((url, i) => ({ key: requests[i]!.key, url })), ...outcome(lifetime) };
  }

  /** A browser-form upload policy (size range, key prefix, content type); see post-policy.ts. */
  async presignPost(profileId: string, options: PostPolicyOptions): Promise<PresignedPost> {
    const { client, profile, credentialsExpireAt } = await this.resolve(profileId);
    const signingDate = this.now();
    const lifetime = linkLifetime(options.expiresInSeconds, signingDate, credentialsExpireAt);
    return presignPostPolicy(client, profile.bucket, options, lifetime, signingDate);
  }

  /** Signs `requests` now, for the lifetime the profile's credentials allow. */
  private async presign(
    profileId: string,
    requests: readonly PresignableRequest[],
    expiresInSeconds: number,
  ): Promise<{ urls: string[]; lifetime: LinkLifetime }> {
    const { client, profile, credentialsExpireAt } = await this.resolve(profileId);
    const signingDate = this.now();
    const lifetime = linkLifetime(expiresInSeconds, signingDate, credentialsExpireAt);
    let presigner = this.presigners.get(profileId);
    if (!presigner) {
      presigner = new Presigner(client, profile.bucket);
      this.presigners.set(profileId, presigner);
    }
    return { urls: await presigner.sign(requests, lifetime.seconds, signingDate), lifetime };
  }

  /**
   * The profile, its SDK client and its credentials' expiry. For the signing modules in
   * core/signing only (POST policies, multipart control, deletes): everything else gets URLs, never a client.
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
      client: createS3Client(profile, credentials, this.clientExtras),
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
