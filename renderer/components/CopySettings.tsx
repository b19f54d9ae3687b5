import { BATCH_COPY_FORMS, COPY_FORMATS, MAX_TEMPLATE_LENGTH, type BatchCopyForm, type CopyFormat } from '../../common/settings';
import type { SettingsState } from '../state/use-settings';

const FORMAT_LABEL: Record<CopyFormat, string> = { url: 'URL', markdown: 'Markdown', html: 'HTML', template: 'Template' };
const BATCH_LABEL: Record<BatchCopyForm, string> = { 'all-links': 'All links', 'page-link': 'One page link' };

/**
 * How links reach the clipboard: after each upload or not, a batch as all its links or as the one
 * link of a page listing them, and in which format. Remembered by main.
 */
export function CopySettings({ settings }: { readonly settings: SettingsState }) {
  const { value, update } = settings;
  return (
    <div className="copy-settings">
      <label className="check">
        <input type="checkbox" checked={value.copyAfterUpload} onChange={(e) => update({ copyAfterUpload: e.target.checked })} />
        Copy links when uploads finish
      </label>
      <label className="inline" title="What is copied when several files finish together">
        For several files
        <select value={value.batchCopy} onChange={(e) => update({ batchCopy: e.target.value as BatchCopyForm })}>
          {BATCH_COPY_FORMS.map((f) => (
            <option key={f} value={f}>
              {BATCH_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        Copy as
        <select value={value.copyFormat} onChange={(e) => update({ copyFormat: e.target.value as CopyFormat })}>
          {COPY_FORMATS.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABEL[f]}
            </option>
          ))}
        </select>
      </label>
      {value.copyFormat === 'template' && (
        <label className="inline template">
          Template
          <input
            value={value.copyTemplate}
            maxLength={MAX_TEMPLATE_LENGTH}
            spellCheck={false}
            aria-label="Copy template"
            aria-describedby="template-hint"
            onChange={(e) => update({ copyTemplate: e.target.value })}
          />
          <span id="template-hint" className="hint">
            {'{url} {name} {size} {expires}'}
          </span>
        </label>
      )}
    </div>
  );
}
