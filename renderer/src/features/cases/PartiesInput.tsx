// A box for several names (原告, 被告, 参考案号): each name a tag, typed one after another and separated by Enter
// or 、 (also a comma or semicolon); Backspace in the empty box takes the last tag back into the box to correct it.
import { useRef, type KeyboardEvent } from 'react';

interface PartiesInputProps {
  id: string;
  names: readonly string[];
  draft: string;
  onDraft(text: string): void;
  /** Makes the draft names; false when it could not (the mistake is shown by the caller). */
  onCommit(): boolean;
  onRemove(index: number): void;
  onBlur(): void;
  error?: string | null;
  testId: string;
  placeholder?: string;
  /** What a tag is, for the 删除 button's name: 当事人, 案号. */
  noun?: string;
}

const SEPARATOR = /[、,，;；]/;

export function PartiesInput({ id, names, draft, onDraft, onCommit, onRemove, onBlur, error, testId, placeholder, noun = '当事人' }: PartiesInputProps) {
  const composing = useRef(false);
  const input = useRef<HTMLInputElement>(null);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (composing.current || e.nativeEvent.isComposing) return;
    // Enter makes a name of what is typed; in an empty box it is left to the form (保存).
    if (e.key === 'Enter' && draft.trim() !== '') {
      e.preventDefault();
      onCommit();
    } else if (e.key === 'Backspace' && draft === '' && names.length) {
      e.preventDefault();
      const last = names[names.length - 1];
      onRemove(names.length - 1);
      onDraft(last);
    }
  }

  function change(text: string) {
    onDraft(text);
    // A separator typed (not while an input method composes): the names before it are made at once.
    if (!composing.current && SEPARATOR.test(text)) queueMicrotask(onCommit);
  }

  return (
    <div className={`tags-box${error ? ' invalid' : ''}`} onClick={() => input.current?.focus()} data-testid={`${testId}-box`}>
      {names.map((n, i) => (
        <span className="tag" key={`${n}-${i}`} title={n} data-testid={`${testId}-tag`}>
          <span className="tag-text">{n}</span>
          <button
            type="button"
            className="tag-remove"
            tabIndex={-1}
            aria-label={`删除${noun}“${n}”`}
            onClick={(e) => {
              e.stopPropagation();
              onRemove(i);
            }}
          >
            ×
          </button>
        </span>
      ))}
      <input
        ref={input}
        id={id}
        data-testid={testId}
        className="tags-input"
        value={draft}
        maxLength={2000}
        placeholder={names.length ? '' : placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => change(e.target.value)}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          change(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
    </div>
  );
}
