import { EXPIRY_PRESETS } from '../../common/expiry';

interface Props {
  readonly value: number;
  readonly onChange: (seconds: number) => void;
}

export function ExpiryPicker({ value, onChange }: Props) {
  return (
    <label className="inline">
      Links expire after
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {EXPIRY_PRESETS.map((p) => (
          <option key={p.seconds} value={p.seconds}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}
