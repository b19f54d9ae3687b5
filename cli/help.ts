/**
 * The help text: the command line's whole contract (commands, options, output formats, exit
 * status), so a script's author needs no other page. The integration tests hold the CLI to it.
 * Each command's own lines also make its `signdrop help <command>` / `<command> --help` page.
 */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  'profile add': `  profile add <name> --bucket B [--region R] [--endpoint URL] [--path-style] [--aws-profile P] [--no-test]
                       save a profile; keys come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
                       (and AWS_SESSION_TOKEN), or are asked for on the terminal with hidden input,
                       and are kept in the OS keychain. --aws-profile uses ~/.aws instead (SSO too).
                       --key-template T and --expires D set the profile's defaults. The connection
                       is tested first and nothing is saved if it fails; --no-test skips the test.
                       Without a keychain, use --aws-profile, or AWS_* keys with --bucket on each command.`,
  'profile edit': `  profile edit <name> [--bucket B] [--region R] [--endpoint URL] [--path-style | --no-path-style]
                      [--key-template T] [--expires D] [--no-test]
                       change a saved profile (its keys stay); tested before saving, as add is`,
  'profile default': `  profile default <name>
                       the profile used when several exist and none is named (the app's default too)`,
  'profile list': `  profile list         list saved profiles, the default one marked`,
  'profile remove': `  profile remove <name>
                       delete a profile and its keychain item`,
  'profile test': `  profile test [<name>]
                       check keys, bucket, region, permissions and clock (all profiles if none named)`,
  upload: `  upload <file-or-folder>... [--expires D] [--key-template T] [--inline | --download] [--page]
                       upload files (folders recursively) and print a link for each as it is done,
                       in argument order; each is stored with its content type. --page also writes
                       one page in the bucket that lists them all and prints its link last (page<TAB>URL)`,
  link: `  link <key> [--expires D] [--download-name NAME] [--inline | --download] [--no-check]
                       print a link for an object already in the bucket (checked first:
                       a missing key is an error; --no-check signs without asking the store)`,
  'put-url': `  put-url <key> [--expires D] [--content-type T]
                       print a URL someone else can PUT a file to`,
  'request create': `  request create [--title T] [--message M] [--expires D] [--max-size SIZE] [--max-files N] [--types LIST]
                       write an upload page into the bucket and print its link: anyone with it
                       can send up to N files (default 10) of at most SIZE (default 100MB) each,
                       for D (default 1d); LIST is extensions or types, e.g. pdf,image/*`,
  'request list': `  request list         open and recently closed requests, with how many files arrived`,
  'request files': `  request files <id>   what arrived for a request, with the names the files had`,
  'request close': `  request close <id>   delete the request's page: its link stops working (the files stay)`,
  history: `  history [--search Q] [--active | --expired]
                       every link the app and the CLI made, newest first (time left, key, URL)`,
  'history relink': `  history relink <key> [--expires D] [--inline | --download]
                       a new link to an object in the history; its entry is updated in place`,
  delete: `  delete <key>...      delete objects, so their links stop working; marked deleted in the history`,
  cleanup: `  cleanup --expired [--dry-run]
                       delete the objects whose every link in the history expired`,
  'bucket expire-after': `  bucket expire-after <days|off>
                       a lifecycle rule: the profile's uploads are deleted that many days after
                       upload, unfinished multipart uploads after 1 day; other rules are kept`,
};

const EVERY_COMMAND = `Every command:
  --profile NAME       a saved profile (else the only one, else the default profile)
  --endpoint URL --region R --bucket B [--path-style]
                       an S3-compatible store without a profile; keys from AWS_ACCESS_KEY_ID,
                       AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN (+ AWS_CREDENTIAL_EXPIRATION), or AWS_PROFILE;
                       region from AWS_REGION
  --json               one JSON object per line:
                         upload: {"file","key","bucket","size","etag","url","expiresAt"}
                         upload --page, last: {"page":{"url","key","expiresAt","files"}}
                         link, put-url: {"key","url","method","expiresAt"}
                         request create: {"id","url","prefix","expiresAt","mode","maxFiles","maxSize"}
                         request list: {"id","title","prefix","expiresAt","files","state"}
                         request files: {"key","name","size","lastModified"}
                         history, history relink: {"key","name","size","bucket","url","expiresAt","uploadedAt"}
                         delete, cleanup: {"key","bucket","deleted"}; cleanup last: {"count","bytes","dryRun"}
                         bucket expire-after: {"bucket","prefix","days","otherRules"}
                         a failed item: {"file","error":{"code","message"}}
  -h, --help           show this help (signdrop help <command>, or <command> --help, for one command)
  --version            print the version`;

const NOTES = `Links open in the browser for images (not SVG), PDF, audio, video and plain text, and download
otherwise (HTML and SVG too); --inline or --download overrides that for every file.
Durations: 45s, 15m, 1h, 7d, or a number of seconds; at most 7d (the SigV4 limit).
Key template tokens: {filename} {name} {ext} {yyyy} {mm} {dd} {uuid} {random}; default {uuid}/{filename}.
Sizes are in decimal units (1 MB = 1,000,000 bytes), as in the app; --max-size takes 500MB, 2GiB
(binary) or a number of bytes, at most 5GiB (S3's limit for one upload). On a terminal, upload shows one
progress line on stderr; with --json or in a pipe it shows none.
Exit status: 0 all succeeded; 1 any item failed (each failure also on stderr); 2 usage error.
An upload killed or crashed midway resumes when the same command runs again: the same keys,
and only the parts the store lacks are sent. After Ctrl+C (unfinished multipart uploads aborted),
the same command uploads what is left again under the same keys.
Profiles, the link history and the CLI's queue are kept in the folder the app uses:
$SIGNDROP_CONFIG_DIR, else ~/.config/Signdrop (Linux), ~/Library/Application Support/Signdrop
(macOS), %APPDATA%\\Signdrop (Windows).
`;

export const HELP = `Usage: signdrop <command> [options]

Commands:
${Object.values(COMMAND_HELP).join('\n')}

${EVERY_COMMAND}

${NOTES}`;

/** One command's page ("profile" alone: every profile command), or undefined for an unknown name. */
export function commandHelp(name: string): string | undefined {
  const names = Object.keys(COMMAND_HELP).filter((c) => c === name || c.startsWith(`${name} `));
  if (names.length === 0) return undefined;
  return `signdrop ${name}:\n\n${names.map((c) => COMMAND_HELP[c]).join('\n')}\n\n${EVERY_COMMAND}\n`;
}
