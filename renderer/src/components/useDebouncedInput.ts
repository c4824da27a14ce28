// A text box whose value is applied after a pause in typing (and not while an input method is composing Chinese).
import { useEffect, useRef, useState, type ChangeEvent, type CompositionEvent } from 'react';

export function useDebouncedInput(applied: string, apply: (text: string) => void, delayMs: number, same: (a: string, b: string) => boolean) {
  const [text, setText] = useState(applied);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // The applied value changed from elsewhere (back/forward, 清除筛选): show it.
  useEffect(() => {
    setText((t) => (same(t, applied) ? t : applied));
  }, [applied]);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function schedule(value: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!composing.current) applyRef.current(value);
    }, delayMs);
  }

  return {
    value: text,
    onChange(e: ChangeEvent<HTMLInputElement>) {
      setText(e.target.value);
      if (!composing.current) schedule(e.target.value);
    },
    onCompositionStart() {
      composing.current = true;
    },
    onCompositionEnd(e: CompositionEvent<HTMLInputElement>) {
      composing.current = false;
      schedule(e.currentTarget.value);
    },
    /** Applies at once (Enter). */
    flush() {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      applyRef.current(text);
    },
  };
}
