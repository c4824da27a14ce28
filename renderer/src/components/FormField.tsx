// One labelled box of a form with its mistake beside it: the label, the box, and either the message (role=alert,
// tied to the box by aria-describedby) or a hint. The box itself takes boxProps(id, error) for those attributes.
import type { ReactNode } from 'react';

interface FormFieldProps {
  /** The id of the box the label names. */
  id: string;
  label: string;
  required?: boolean;
  error?: string | null;
  hint?: ReactNode;
  /** data-testid of the message: `${testId}-error`. */
  testId: string;
  className?: string;
  /** Beside the label, on its line (quick choices that fill the box). */
  aside?: ReactNode;
  children: ReactNode;
}

/** The attributes that tie a box to its label and its message. */
export function boxProps(id: string, error: string | null | undefined, testId?: string) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    className: error ? 'invalid' : undefined,
    'data-testid': testId,
  } as const;
}

export function FormField({ id, label, required, error, hint, testId, className, aside, children }: FormFieldProps) {
  const labelEl = (
    <label htmlFor={id} className="cw-label">
      {label}
      {required ? (
        <span className="cw-required" aria-label="必填">
          *
        </span>
      ) : null}
    </label>
  );
  return (
    <div className={`form-field cw-field${className ? ` ${className}` : ''}`} data-field={testId}>
      {aside ? (
        <div className="cw-label-row">
          {labelEl}
          {aside}
        </div>
      ) : (
        labelEl
      )}
      {children}
      {error ? (
        <span className="field-error cw-error" id={`${id}-error`} role="alert" data-testid={`${testId}-error`}>
          {error}
        </span>
      ) : hint ? (
        <span className="form-hint">{hint}</span>
      ) : null}
    </div>
  );
}
