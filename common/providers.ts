/** Provider presets for the profile form: what each store needs filled in, and nothing it does not. */
export interface ProviderPreset {
  readonly id: string;
  readonly label: string;
  /**
   * The endpoint, with `{region}` and `{account}` filled from the form's fields; empty for AWS
   * itself; undefined for a server of the user's own, whose address they type.
   */
  readonly endpoint: string | undefined;
  readonly region: string;
  /** The regions the provider has: the form offers a list instead of a free field. */
  readonly regions?: readonly string[];
  /** Asks for the account id the endpoint is built from (Cloudflare R2). */
  readonly needsAccount?: boolean;
  readonly pathStyle: boolean;
  readonly hint: string;
}

/** Backblaze B2's S3 regions, as its bucket pages name them. */
const B2_REGIONS = ['us-west-000', 'us-west-001', 'us-west-002', 'us-west-004', 'us-east-005', 'eu-central-003', 'ca-east-006'] as const;
/** Wasabi's regions, each its own endpoint. */
const WASABI_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-central-1',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-central-1',
  'eu-central-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
] as const;

export const PROVIDER_PRESETS: readonly ProviderPreset[] = [
  { id: 'aws', label: 'Amazon S3', endpoint: '', region: 'us-east-1', pathStyle: false, hint: 'Signdrop finds the bucket’s region when you test or save.' },
  {
    id: 'r2',
    label: 'Cloudflare R2',
    endpoint: 'https://{account}.r2.cloudflarestorage.com',
    region: 'auto',
    needsAccount: true,
    pathStyle: true,
    hint: 'Your account id is on the R2 overview page of the Cloudflare dashboard.',
  },
  {
    id: 'b2',
    label: 'Backblaze B2',
    endpoint: 'https://s3.{region}.backblazeb2.com',
    region: 'us-west-004',
    regions: B2_REGIONS,
    pathStyle: false,
    hint: 'The region is the middle part of the S3 endpoint on your bucket’s page.',
  },
  {
    id: 'wasabi',
    label: 'Wasabi',
    endpoint: 'https://s3.{region}.wasabisys.com',
    region: 'us-east-1',
    regions: WASABI_REGIONS,
    pathStyle: false,
    hint: 'Choose the region your bucket was created in.',
  },
  {
    id: 'custom',
    label: 'MinIO / Ceph',
    endpoint: undefined,
    region: 'us-east-1',
    pathStyle: true,
    hint: 'Your server’s address; most self-hosted servers need path-style URLs.',
  },
];

/** A Cloudflare account id: 32 hexadecimal characters. */
export const isR2AccountId = (value: string): boolean => /^[0-9a-f]{32}$/i.test(value.trim());

/** Whether the user types the endpoint: their own server, or AWS (empty, or a private VPC endpoint). */
export const typesEndpoint = (preset: ProviderPreset): boolean => !preset.endpoint;

/** The endpoint a preset builds from the region and account; undefined when the user types it. */
export function presetEndpoint(preset: ProviderPreset, fields: { readonly region: string; readonly account: string }): string | undefined {
  if (typesEndpoint(preset)) return undefined;
  return preset.endpoint?.replace('{region}', fields.region.trim()).replace('{account}', fields.account.trim().toLowerCase());
}

/** Which preset a saved profile came from, read back from its endpoint (the account id too, for R2). */
export function presetOf(endpoint: string): { preset: ProviderPreset; account: string } {
  const r2 = /^https:\/\/([0-9a-f]{32})\.r2\.cloudflarestorage\.com\/?$/i.exec(endpoint);
  const byId = (id: string) => PROVIDER_PRESETS.find((p) => p.id === id)!;
  if (endpoint === '') return { preset: byId('aws'), account: '' };
  if (r2) return { preset: byId('r2'), account: r2[1]! };
  if (/^https:\/\/s3\.[a-z0-9-]+\.backblazeb2\.com\/?$/.test(endpoint)) return { preset: byId('b2'), account: '' };
  if (/^https:\/\/s3\.[a-z0-9-]+\.wasabisys\.com\/?$/.test(endpoint)) return { preset: byId('wasabi'), account: '' };
  return { preset: byId('custom'), account: '' };
}
