// Boxes the case page's forms share: a date box that tidies what is typed (2025/3/1 → 2025-03-01) when it is left,
// and a choice from a fixed list with an empty first entry.
import { boxProps } from '../../components/FormField';
import { normalizeDateText } from './formFields';

interface DateBoxProps {
  id: string;
  testId: string;
  value: string;
  error?: string | null;
  disabled?: boolean;
  placeholder?: string;
  onChange(text: string): void;
  /** Left, with the text tidied. */
  onLeave(tidy: string): void;
}

export function DateBox({ id, testId, value, error, disabled, placeholder = 'YYYY-MM-DD', onChange, onLeave }: DateBoxProps) {
  return (
    <input
      {...boxProps(id, error, testId)}
      value={value}
      maxLength={20}
      autoComplete="off"
      placeholder={placeholder}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => onLeave(normalizeDateText(e.target.value))}
    />
  );
}

interface ChoiceProps<T extends string> {
  id: string;
  testId: string;
  value: T | '';
  options: readonly T[];
  error?: string | null;
  disabled?: boolean;
  empty?: string;
  labels?: Partial<Record<T, string>>;
  onChange(v: T | ''): void;
  onLeave?(): void;
}

export function Choice<T extends string>({ id, testId, value, options, error, disabled, empty = '请选择', labels, onChange, onLeave }: ChoiceProps<T>) {
  return (
    <select {...boxProps(id, error, testId)} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T | '')} onBlur={onLeave}>
      <option value="">{empty}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {labels?.[o] ?? o}
        </option>
      ))}
    </select>
  );
}
