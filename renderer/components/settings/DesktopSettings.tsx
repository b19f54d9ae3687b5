import { useState } from 'react';
import type { SettingsState } from '../../state/use-settings';
import { Field } from '../profiles/Field';

/** Launch at login and the global clipboard shortcut: main registers the shortcut and says when another app holds it. */
export function DesktopSettings({ settings }: { readonly settings: SettingsState }) {
  const { value, refused, update } = settings;
  const [accelerator, setAccelerator] = useState(value.clipboardShortcut.accelerator);
  const shortcutError = refused?.keys.includes('clipboardShortcut') ? refused.error.message : undefined;
  return (
    <section aria-labelledby="desktop-title">
      <h3 id="desktop-title">Desktop</h3>
      <label className="check">
        <input type="checkbox" checked={value.launchAtLogin} onChange={(e) => update({ launchAtLogin: e.target.checked })} />
        Launch Signdrop at login (in the tray, without a window)
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={value.clipboardShortcut.enabled}
          onChange={(e) => update({ clipboardShortcut: { enabled: e.target.checked, accelerator } })}
        />
        Upload the clipboard with a global shortcut
      </label>
      <Field
        label="Clipboard shortcut"
        error={shortcutError}
        hint="Modifiers and one key, like CommandOrControl+Shift+U; press Enter or leave the field to apply."
      >
        {(control) => (
          <input
            {...control}
            value={accelerator}
            onChange={(e) => setAccelerator(e.target.value)}
            onBlur={() => accelerator !== value.clipboardShortcut.accelerator && update({ clipboardShortcut: { ...value.clipboardShortcut, accelerator } })}
            onKeyDown={(e) => e.key === 'Enter' && update({ clipboardShortcut: { ...value.clipboardShortcut, accelerator } })}
          />
        )}
      </Field>
    </section>
  );
}
