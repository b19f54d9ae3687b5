/** The secret half of a profile's credentials; the access key id is not secret and lives in the profile. */
export interface Secret {
  readonly secretAccessKey: string;
  /** Present for temporary (STS/SSO) credentials. */
  readonly sessionToken?: string;
  /**
   * ISO 8601 time the temporary credentials stop working, when known. Links signed with them
   * die then too, whatever their X-Amz-Expires says (boto/boto3#2392), so the signer clamps to it.
   */
  readonly expiration?: string;
}

/**
 * Where secrets live. Only this interface touches the keychain, and only code that signs or checks
 * a profile reads from it: one room to audit, and the renderer and the transfer engine never hold a key.
 */
export interface CredentialStore {
  get(profileId: string): Promise<Secret | undefined>;
  set(profileId: string, secret: Secret): Promise<void>;
  delete(profileId: string): Promise<void>;
}

/** For tests of code that needs some store but is not about the keychain. */
export class MemoryCredentialStore implements CredentialStore {
  private readonly secrets = new Map<string, Secret>();
  async get(profileId: string) {
    return this.secrets.get(profileId);
  }
  async set(profileId: string, secret: Secret) {
    this.secrets.set(profileId, secret);
  }
  async delete(profileId: string) {
    this.secrets.delete(profileId);
  }
}
