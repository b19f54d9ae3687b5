import { COPY_FORMATS, MAX_TEMPLATE_LENGTH, type CopyFormat } from '../../common/settings';
import type { SettingsState } from '../state/use-settings';

const FORMAT_LABEL: Record<CopyFormat, string> = { url: 'URL', markdown: 'Markdown', html: 'HTML', template: 'Template' };

/** How links reach the clipboard: after each upload or not, and in which format. Remembered by main. */
export function CopySettings({ settings }: { readonly settings: SettingsState }) {
  const { value, update } = settings;
  return (
    <div className="copy-settings">
      <label className="check">
        <input type="checkbox" checked={value.copyAfterUpload} onChange={(e) => update({ copyAfterUpload: e.target.checked })} />
        Copy links when uploads finish
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
