// The state of one of the case page's small forms: its values, each box's mistake (shown when the box is left, taken
// away as soon as it is mended), and sending it, with a refusal put beside the box the core names.
import { useRef, useState } from 'react';
import type { ChangeOutcome } from './caseWork';
import { refusalBox } from './caseWork';
import type { Problems } from './workForms';

/** Focuses the first box marked wrong inside `root` (after React has drawn the marks). */
export function focusFirstInvalid(root: ParentNode | null): void {
  requestAnimationFrame(() => {
    const el = (root ?? document).querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

export function useWorkForm<V extends object, K extends string>(initial: V | (() => V), problems: (v: V) => Problems<K>) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Problems<K>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const latest = useRef(values);
  latest.current = values;

  function mark(next: V, keys: readonly K[]) {
    const p = problems(next);
    setErrors((e) => {
      const out = { ...e };
      for (const k of keys) {
        if (p[k]) out[k] = p[k];
        else delete out[k];
      }
      return out;
    });
  }

  return {
    values,
    errors,
    formError,
    busy,
    root,
    /** Sets boxes; a mistake already shown in any of `recheck` (default: the boxes set) is checked again at once. */
    set(patch: Partial<V>, recheck?: readonly K[]) {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      setValues(next);
      setFormError(null);
      const keys = (recheck ?? (Object.keys(patch) as K[])).filter((k) => errors[k]);
      if (keys.length) mark(next, keys);
    },
    /** The box was left: its mistake is shown now. */
    leave(key: K, patch?: Partial<V>) {
      const next = patch ? { ...latest.current, ...patch } : latest.current;
      if (patch) {
        latest.current = next;
        setValues(next);
      }
      mark(next, [key]);
    },
    /** Checks every box; sends when all are right; the refusal goes beside its box, or under the form. */
    async submit(send: (v: V) => Promise<ChangeOutcome>, boxes: Readonly<Record<string, K>>): Promise<boolean> {
      if (busy) return false;
      const v = latest.current;
      const p = problems(v);
      setErrors(p);
      setFormError(null);
      if (Object.keys(p).length) {
        focusFirstInvalid(root.current);
        return false;
      }
      setBusy(true);
      const outcome = await send(v);
      setBusy(false);
      if (outcome.ok) return true;
      const box = refusalBox(outcome, boxes);
      if (box) {
        setErrors({ [box]: outcome.message } as Problems<K>);
        focusFirstInvalid(root.current);
      } else setFormError(outcome.message);
      return false;
    },
    setFormError,
    setErrors,
  };
}
