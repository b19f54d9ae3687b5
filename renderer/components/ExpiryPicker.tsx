import { useId, useState } from 'react';
import { checkExpiry, EXPIRY_PRESETS, MAX_PRESIGN_EXPIRY_S } from '../../common/expiry';

interface Props {
  readonly value: number;
  readonly onChange: (seconds: number) => void;
  readonly label?: string;
}

const UNITS = [
  { label: 'minutes', seconds: 60 },
  { label: 'hours', seconds: 3600 },
  { label: 'days', seconds: 86_400 },
] as const;

/** The largest unit that counts `seconds` in whole numbers; minutes when none does. */
const customUnit = (seconds: number): number => [...UNITS].reverse().find((u) => seconds % u.seconds === 0)?.seconds ?? 60;

/** Presets plus a custom lifetime, with the 7-day SigV4 limit explained where it bites. */
export function ExpiryPicker({ value, onChange, label = 'Links expire after' }: Props) {
  const isPreset = EXPIRY_PRESETS.some((p) => p.seconds === value);
  const [custom, setCustom] = useState(!isPreset);
  // A remembered custom lifetime comes back as the user typed it (3 days, not 72 hours).
  const [amount, setAmount] = useState(() => (isPreset ? '2' : String(value / customUnit(value))));
  const [unit, setUnit] = useState<number>(() => (isPreset ? 86_400 : customUnit(value)));
  const hintId = useId();
  const customSeconds = Math.round(Number(amount) * unit);
  const problem = custom ? checkExpiry(customSeconds) : undefined;

  const applyCustom = (nextAmount: string, nextUnit: number) => {
    setAmount(nextAmount);
    setUnit(nextUnit);
    const seconds = Math.round(Number(nextAmount) * nextUnit);
    if (!checkExpiry(seconds)) onChange(seconds);
  };

  return (
    <div className="expiry">
      <label className="inline">
        {label}
        <select
          value={custom ? 'custom' : value}
          onChange={(e) => {
            if (e.target.value === 'custom') {
              setCustom(true);
              applyCustom(amount, unit);
            } else {
              setCustom(false);
              onChange(Number(e.target.value));
            }
          }}
        >
          {EXPIRY_PRESETS.map((p) => (
            <option key={p.seconds} value={p.seconds}>
              {p.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {custom && (
        <span className="inline custom-expiry">
          <input
            aria-label="Custom lifetime"
            aria-describedby={hintId}
            aria-invalid={problem ? true : undefined}
            type="number"
            min={1}
            value={amount}
            onChange={(e) => applyCustom(e.target.value, unit)}
          />
          <select aria-label="Unit" value={unit} onChange={(e) => applyCustom(amount, Number(e.target.value))}>
            {UNITS.map((u) => (
              <option key={u.seconds} value={u.seconds}>
                {u.label}
              </option>
            ))}
          </select>
        </span>
      )}
      {custom && (
        <p id={hintId} className={problem ? 'error' : 'hint'} role={problem ? 'alert' : undefined}>
          {problem ?? `Presigned links live at most 7 days (${MAX_PRESIGN_EXPIRY_S / 86_400} days is the S3 limit).`}
        </p>
      )}
    </div>
  );
}
