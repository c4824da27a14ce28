// A modal dialog on the native <dialog> element: focus stays inside, Esc closes it.
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}

export function Dialog({ title, onClose, children, testId, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
    };
  }, []);
  return (
    <dialog ref={ref} className={`dialog${wide ? ' wide' : ''}`} data-testid={testId} aria-label={title}>
      <div className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="link-button dialog-close" onClick={onClose} aria-label="关闭">
          关闭
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
