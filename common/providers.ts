/** Provider presets for the add-profile form: what each store needs filled in. */
export interface ProviderPreset {
  readonly id: string;
  readonly label: string;
  /** Endpoint with `{region}` / `{account}` placeholders the user completes; empty for AWS. */
  readonly endpoint: string;
  readonly region: string;
  readonly pathStyle: boolean;
  readonly hint: string;
}

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: 'aws', label: 'Amazon S3', endpoint: '', region: 'us-east-1', pathStyle: false, hint: 'Leave the endpoint empty; Signdrop finds the bucket’s region.' },
  {
    id: 'r2',
    label: 'Cloudflare R2',
    endpoint: 'https://ACCOUNT_ID.r2.cloudflarestorage.com',
    region: 'auto',
    pathStyle: true,
    hint: 'Replace ACCOUNT_ID with your Cloudflare account id; region is “auto”.',
  },
  {
    id: 'b2',
    label: 'Backblaze B2',
    endpoint: 'https://s3.us-west-004.backblazeb2.com',
    region: 'us-west-004',
    pathStyle: false,
    hint: 'Use the S3 endpoint shown on your bucket’s page; the region is its middle part.',
  },
  {
    id: 'wasabi',
    label: 'Wasabi',
    endpoint: 'https://s3.us-east-1.wasabisys.com',
    region: 'us-east-1',
    pathStyle: false,
    hint: 'Use your bucket’s region in both fields.',
  },
  {
    id: 'minio',
    label: 'MinIO / Ceph',
    endpoint: 'http://127.0.0.1:9000',
    region: 'us-east-1',
    pathStyle: true,
    hint: 'Your server’s address; path-style URLs.',
  },
];
