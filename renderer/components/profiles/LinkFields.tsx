import { useMemo } from 'react';
import { KEY_TOKENS, renderKey } from '../../../common/key-template';
import { ExpiryPicker } from '../ExpiryPicker';
import { Field } from './Field';
import type { Draft, FieldErrors } from './profile-draft';

interface Props {
  readonly draft: Draft;
  readonly errors: FieldErrors;
  readonly change: (patch: Partial<Draft>) => void;
}

/** The file a preview names: a space shows how names are kept. */
export const PREVIEW_FILE = 'example report.pdf';

/** Where files land (the key template, with the key it gives for an example file) and how long links live. */
export function LinkFields({ draft, errors, change }: Props) {
  // Rendered by the same function the queue uses, so the preview is the key the file gets.
  const preview = useMemo(() => renderKey(draft.keyTemplate, { relativePath: PREVIEW_FILE, now: new Date(), uuid: crypto.randomUUID() }), [draft.keyTemplate]);
  const problem = 'key' in preview ? errors.keyTemplate : (errors.keyTemplate ?? preview.error);
  return (
    <fieldset>
      <legend>Files and links</legend>
      <Field
        label="Key template"
        error={problem}
        hint={
          <>
            {'key' in preview && (
              <>
                “{PREVIEW_FILE}” is stored as <code className="key-preview">{preview.key}</code>.{' '}
              </>
            )}
            Placeholders: {KEY_TOKENS.map((t) => `{${t}}`).join(' ')}.
          </>
        }
      >
        {(control) => <input {...control} value={draft.keyTemplate} onChange={(e) => change({ keyTemplate: e.target.value })} />}
      </Field>
      <ExpiryPicker label="Default link lifetime" value={draft.defaultExpirySeconds} onChange={(seconds) => change({ defaultExpirySeconds: seconds })} />
    </fieldset>
  );
}
