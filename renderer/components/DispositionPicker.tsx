import type { Disposition } from '../../common/disposition';

const CHOICES = [
  { value: '', label: 'Automatic' },
  { value: 'inline', label: 'Open in browser' },
  { value: 'attachment', label: 'Download' },
] as const satisfies readonly { value: Disposition | ''; label: string }[];

interface Props {
  /** Absent: each file's type decides. */
  readonly value: Disposition | undefined;
  readonly onChange: (value: Disposition | undefined) => void;
}

/**
 * Whether the next uploads' links open in the browser or download. Automatic is the safe default:
 * images, PDF, audio, video and plain text open, everything else (HTML and SVG above all) downloads.
 */
export function DispositionPicker({ value, onChange }: Props) {
  return (
    <label className="inline" title="Automatic: images, PDF, audio, video and plain text open in the browser; other files download">
      Links
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as Disposition))}>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
