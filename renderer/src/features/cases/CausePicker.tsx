// 案由: a box that searches the SPC catalogue of the case's kind as it is typed (catalog.causes) and offers the
// matching causes with their place in the catalogue; ↑↓ and Enter pick one, Esc closes the list. A cause the
// catalogue no longer has (an older case's) may be typed as it is: it is kept as free text.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CauseEntry } from '../../../../shared/api/contract';
import type { CauseSearch } from './caseForm';

interface CausePickerProps {
  id: string;
  value: string;
  picked: boolean;
  search: CauseSearch;
  error?: string | null;
  onType(text: string): void;
  onSearch(query: string): void;
  onPick(entry: CauseEntry): void;
  onBlur(): void;
  testId: string;
}

export function CausePicker({ id, value, picked, search, error, onType, onSearch, onPick, onBlur, testId }: CausePickerProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const items = search.items;
  const listId = `${id}-list`;
  /** The list answers the text now in the box (not an earlier one still shown while the next search runs). */
  const fresh = search.query === value && !search.loading;
  /** ↓ was pressed before the list answered: its first entry is highlighted when it does. */
  const wantFirst = useRef(false);
  /** Enter followed that ↓ before the answer: the first entry is picked when it arrives. */
  const pickFirst = useRef(false);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  useEffect(() => {
    if (pickFirst.current && wantFirst.current && items.length) {
      pickFirst.current = false;
      wantFirst.current = false;
      pick(items[0]);
      return;
    }
    setActive(wantFirst.current && items.length ? 0 : -1);
    wantFirst.current = false;
    pickFirst.current = false;
  }, [items]);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function schedule(text: string) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (!composing.current) onSearch(text);
    }, 150);
  }

  function pick(entry: CauseEntry) {
    onPick(entry);
    setOpen(false);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (composing.current || e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      if (!fresh) {
        // Typed faster than the search: ask now, and highlight the first answer for this text.
        if (timer.current) clearTimeout(timer.current);
        timer.current = null;
        wantFirst.current = true;
        onSearch(value);
        return;
      }
      setActive((i) => Math.min(items.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (fresh) setActive((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && open && !fresh && (active >= 0 || wantFirst.current)) {
      // The highlighted entry belongs to earlier text: the first answer for this text is picked when it arrives.
      e.preventDefault();
      if (wantFirst.current) pickFirst.current = true;
    } else if (e.key === 'Enter' && open && active >= 0 && items[active]) {
      // Picks the cause highlighted; without one, Enter is the form's (保存).
      e.preventDefault();
      pick(items[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  }

  const showList = open && !!search.kind && (items.length > 0 || search.loading || search.error !== null || value.trim() !== '');
  return (
    <div className="combo">
      <input
        id={id}
        data-testid={testId}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={error ? 'invalid' : undefined}
        autoComplete="off"
        maxLength={100}
        value={value}
        placeholder={search.kind ? '输入关键字查找，如“借贷”' : '先填写案号'}
        onChange={(e) => {
          onType(e.target.value);
          setOpen(true);
          if (!composing.current) schedule(e.target.value);
        }}
        onFocus={() => {
          if (search.kind && !picked) {
            setOpen(true);
            onSearch(value);
          }
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          schedule(e.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onBlur();
        }}
      />
      {showList ? (
        <ul className="combo-list" id={listId} role="listbox" ref={list} data-testid={`${testId}-list`}>
          {items.map((c, i) => (
            <li
              key={`${c.catalog}-${c.code ?? ''}-${c.name}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={`${i === active ? 'active' : ''}${fresh ? '' : ' stale'}`}
              data-testid={`${testId}-option`}
              // mousedown, not click: the box's blur would close the list before a click arrives.
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="combo-name">{c.name}</span>
              <span className="combo-path" title={c.path.join(' › ')}>
                {c.code ? `${c.code} · ` : ''}
                {c.path.join(' › ')}
              </span>
            </li>
          ))}
          {search.loading && !items.length ? <li className="combo-note">正在查找…</li> : null}
          {search.error ? <li className="combo-note tone-danger">{search.error}</li> : null}
          {!search.loading && !search.error && !items.length ? (
            <li className="combo-note">目录中没有“{value.trim()}”：可以直接按原样填写（适用于旧案由）</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
