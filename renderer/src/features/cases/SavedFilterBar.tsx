// 我的筛选 above the case list: the presets for this person's scope and the filters he saved (only his own), one
// choice that applies them; 保存当前筛选 names the filter shown; 删除 removes the saved one shown.
import { useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { Dialog } from '../../components/Dialog';
import { FormField, boxProps } from '../../components/FormField';
import { router, session, stores } from '../../stores';
import { judgesKey } from '../../stores/app';
import { hasActiveFilters, type CaseFilters } from './filters';
import { filterNameProblem, filterPresets, savedToFilters, showsFilter } from './savedFilters';

function go(filters: CaseFilters) {
  router.getState().navigate({ name: 'cases', filters, page: 1 });
}

function SaveDialog({ filters, onClose, suggestion }: { filters: CaseFilters; onClose(): void; suggestion: string }) {
  const [name, setName] = useState(suggestion);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = useStore(stores.savedFilters, (s) => s.items);
  const replacing = existing.some((x) => x.name === name.trim());
  async function submit(e: FormEvent) {
    e.preventDefault();
    const p = filterNameProblem(name);
    if (p) return setError(p);
    setBusy(true);
    const problem = await stores.savedFilters.getState().save(name, filters);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  }
  return (
    <Dialog title="保存当前筛选" onClose={onClose} testId="save-filter-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormField id="save-filter-name" label="名称" required error={error} testId="save-filter-name" hint={replacing ? '已有同名的筛选，保存将替换它' : '只有您本人能看到自己保存的筛选'}>
          <input
            {...boxProps('save-filter-name', error, 'save-filter-name')}
            value={name}
            maxLength={40}
            onChange={(e) => {
              setName(e.target.value);
              if (error) setError(filterNameProblem(e.target.value));
            }}
            onBlur={() => setError(filterNameProblem(name))}
          />
        </FormField>
        <div className="form-actions dialog-actions">
          <button type="button" onClick={onClose} data-testid="save-filter-cancel">
            取消
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="save-filter-save">
            {busy ? '正在保存…' : replacing ? '替换' : '保存'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function SavedFilterBar({ filters }: { filters: CaseFilters }) {
  const user = useStore(session, (s) => s.user);
  const divisions = useStore(stores.app, (s) => s.divisions);
  const allJudges = useStore(stores.app, (s) => s.judges[judgesKey(null)]);
  const saved = useStore(stores.savedFilters);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const presets = filterPresets(user, divisions, allJudges ?? []);
  const savedShown = saved.items.find((x) => showsFilter(filters, savedToFilters(x)));
  const presetShown = presets.find((p) => showsFilter(filters, p.filters));
  const value = savedShown ? `saved:${savedShown.name}` : presetShown ? `preset:${presetShown.key}` : '';

  function pick(v: string) {
    setMessage(null);
    if (v.startsWith('preset:')) {
      const p = presets.find((x) => `preset:${x.key}` === v);
      if (p) go(p.filters);
    } else if (v.startsWith('saved:')) {
      const x = saved.items.find((i) => `saved:${i.name}` === v);
      // The list keeps its sort: a saved filter says what is listed, not in which order.
      if (x) go(savedToFilters(x, filters.sort));
    }
  }

  async function remove() {
    if (!savedShown) return;
    const problem = await stores.savedFilters.getState().remove(savedShown.name);
    setMessage(problem ?? `已删除“${savedShown.name}”`);
  }

  return (
    <div className="saved-filter-bar" data-testid="saved-filters">
      <label className="filter">
        <span>我的筛选</span>
        <select data-testid="saved-filter-select" className="w-saved-select" value={value} onChange={(e) => pick(e.target.value)}>
          <option value="">{value ? '—' : hasActiveFilters(filters) ? '（当前筛选未保存）' : '选择常用筛选…'}</option>
          {presets.length ? (
            <optgroup label="常用">
              {presets.map((p) => (
                <option key={p.key} value={`preset:${p.key}`} title={p.title} data-testid={`saved-filter-preset-${p.key}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {saved.items.length ? (
            <optgroup label="我保存的">
              {saved.items.map((x) => (
                <option key={x.name} value={`saved:${x.name}`}>
                  {x.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </label>
      <button type="button" className="link-button" data-testid="saved-filter-save" disabled={!hasActiveFilters(filters) || !!savedShown} onClick={() => setSaving(true)} title={hasActiveFilters(filters) ? undefined : '先设置筛选条件'}>
        保存当前筛选
      </button>
      {savedShown ? (
        <button type="button" className="link-button" data-testid="saved-filter-delete" onClick={() => void remove()}>
          删除“{savedShown.name}”
        </button>
      ) : null}
      {saved.error ? (
        <span className="field-error" role="alert" data-testid="saved-filter-error" title={saved.error}>
          我的筛选暂不可用：{saved.error}
        </span>
      ) : message ? (
        <span className="muted small" role="status" data-testid="saved-filter-message">
          {message}
        </span>
      ) : null}
      {saving ? <SaveDialog filters={filters} suggestion={presetShown?.name ?? ''} onClose={() => setSaving(false)} /> : null}
    </div>
  );
}
