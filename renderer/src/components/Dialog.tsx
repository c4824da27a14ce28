// A modal dialog on the native <dialog> element: focus starts on its first field and stays inside, Esc closes it,
// and closing gives focus back to what had it before (the button that opened it).
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
  /** A class of its own, for a dialog sized apart (the letter viewer fills most of the window). */
  className?: string;
  /**
   * Where focus goes back when the dialog closes, when that is not what had focus as it opened: a button that was
   * disabled while the dialog's content was being prepared (and so lost focus) names itself here.
   */
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/**
 * Where focus starts: an element marked data-autofocus, else the first field, else the first enabled button of the
 * body. Not the head's 关闭, where showModal() puts it: Enter would then close a form the person meant to fill in.
 */
export function initialFocus(body: ParentNode): HTMLElement | null {
  return (
    body.querySelector<HTMLElement>('[data-autofocus]:not(:disabled)') ??
    body.querySelector<HTMLElement>('input:not(:disabled):not([type=hidden]), select:not(:disabled), textarea:not(:disabled)') ??
    body.querySelector<HTMLElement>('button:not(:disabled)')
  );
}

export function Dialog({ title, onClose, children, testId, wide, className, returnFocusTo }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  const returnRef = useRef(returnFocusTo);
  returnRef.current = returnFocusTo;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!d.open) d.showModal();
    if (body.current) initialFocus(body.current)?.focus();
    const onCancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
      // React has already taken the dialog out of the page when this runs, so the browser's own return of focus on
      // close() does not happen: without this, focus would fall to the page body and Tab start from the top.
      const back = returnRef.current?.current ?? opener;
      // Without scrolling to it: what the dialog did may have changed the page above the button (the case page shows
      // the new due date at its top), and that is where the person should be looking.
      if (back?.isConnected) back.focus({ preventScroll: true });
    };
  }, []);
  return (
    <dialog ref={ref} className={`dialog${wide ? ' wide' : ''}${className ? ` ${className}` : ''}`} data-testid={testId} aria-label={title}>
      <div className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="link-button dialog-close" onClick={onClose} aria-label="关闭" data-testid="dialog-close">
          关闭
        </button>
      </div>
      <div className="dialog-body" ref={body}>
        {children}
      </div>
    </dialog>
  );
}
