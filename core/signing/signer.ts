import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { contentDisposition } from '../../common/content-disposition';
import { checkExpiry } from '../../common/expiry';
import type { StoredProfile } from '../../common/profile';
import { SigndropError } from '../../common/result';
import type { ShareLink } from '../../common/uploads';
import type { CredentialStore } from '../credentials/credential-store';
import { resolveCredentials } from '../credentials/resolve-credentials';
import { createS3Client } from '../s3/client';

export interface GetLinkOptions {
  readonly expiresInSeconds: number;
  /** The name the browser saves the download under (defaults to the key's last segment). */
  readonly downloadName?: string;
  readonly disposition?: 'attachment' | 'inline';
  readonly contentType?: string;
}

export interface PutUrlOptions {
  readonly expiresInSeconds: number;
  /** When set, the upload must send exactly this Content-Type or S3 answers 403. */
  readonly contentType?: string;
}

/** Where the signer finds a profile by id: the JSON store in the app, an ad-hoc one in the CLI. */
export interface ProfileSource {
  get(id: string): Promise<StoredProfile | undefined>;
}

export interface PresignedRequest extends ShareLink {
  readonly method: 'GET' | 'PUT';
}

/**
 * Signs URLs for a profile. The only reader of the credential store: the transfer engine
 * and the renderer get URLs from here, never keys.
 */
export class Signer {
  private readonly clients = new Map<string, { client: S3Client; profile: StoredProfile }>();

  constructor(
    private readonly profiles: ProfileSource,
    private readonly credentials: CredentialStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Drops the cached client, after a profile or its secret changed. */
  forget(profileId: string): void {
    this.clients.delete(profileId);
  }

  async profile(profileId: string): Promise<StoredProfile> {
    return (await this.resolve(profileId)).profile;
  }

  async presignGet(profileId: string, key: string, options: GetLinkOptions): Promise<PresignedRequest> {
    const { client, profile } = await this.resolve(profileId);
    const name = options.downloadName ?? key.slice(key.lastIndexOf('/') + 1);
    const command = new GetObjectCommand({
      Bucket: profile.bucket,
      Key: key,
      ResponseContentDisposition: contentDisposition(name, options.disposition),
      ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
    });
    return this.sign(client, command, 'GET', options.expiresInSeconds);
  }

  async presignPut(profileId: string, key: string, options: PutUrlOptions): Promise<PresignedRequest> {
    const { client, profile } = await this.resolve(profileId);
    const command = new PutObjectCommand({
      Bucket: profile.bucket,
      Key: key,
      ...(options.contentType ? { ContentType: options.contentType } : {}),
    });
    return this.sign(client, command, 'PUT', options.expiresInSeconds);
  }

  private async sign(
    client: S3Client,
    command: GetObjectCommand | PutObjectCommand,
    method: 'GET' | 'PUT',
    expiresIn: number,
  ): Promise<PresignedRequest> {
    const problem = checkExpiry(expiresIn);
    if (problem) throw SigndropError.of('expiry-too-long', problem);
    const signingDate = this.now();
    const url = await getSignedUrl(client, command, { expiresIn, signingDate });
    return { url, method, expiresAt: new Date(signingDate.getTime() + expiresIn * 1000).toISOString() };
  }

  /**
   * The profile and its SDK client. For the signing modules in core/signing only
   * (POST policies, multipart control): everything else gets URLs, never a client.
   */
  async resolve(profileId: string): Promise<{ client: S3Client; profile: StoredProfile }> {
    const cached = this.clients.get(profileId);
    if (cached) return cached;
    const profile = await this.profiles.get(profileId);
    if (!profile) throw SigndropError.of('not-found', 'That profile no longer exists. Choose or add another profile.');
    const credentials = await resolveCredentials(profile, this.credentials);
    const entry = { client: createS3Client(profile, credentials), profile };
    this.clients.set(profileId, entry);
    return entry;
  }
}
