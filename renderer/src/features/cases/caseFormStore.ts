// The registration form's store: the values and mistakes of each box, the case-number check as it is typed, the cause
// catalogue search, and saving (cases.register / cases.update), after which the next number is suggested.
import { createStore } from 'zustand/vanilla';
import type { CaseNumberCheck } from '../../../../shared/api/contract';
import { parseCaseNumber } from '../../../../shared/cases/caseNumber';
import type { Procedure } from '../../../../shared/cases/types';
import { addNames, bareMessage, errorBox, readDate, tidyCaseNumber } from './formFields';
import { BOXES, type CaseFormApi, type CaseFormField, type CaseFormState, type CaseFormStore, type CaseFormValues, EMPTY_VALUES, FORM_ORDER, type FieldContext, catalogKindOfType, changedFields, fieldProblem, formFields, limitVariantsOf, valuesOf } from './caseForm';

export function createCaseFormStore(api: CaseFormApi): CaseFormStore {
  let checkSeq = 0;
  let causeSeq = 0;
  let generation = 0;

  // An empty form; the cases saved in this sitting (lastSaved, savedCount) outlive it.
  const blank = (keep?: Partial<CaseFormValues>) => ({
    mode: 'new' as const,
    original: null,
    values: { ...EMPTY_VALUES, plaintiffs: [], defendants: [], ...keep },
    errors: {},
    check: null,
    checkedText: null,
    checking: false,
    causes: { kind: null, query: '', items: [], loading: false, error: null },
    saving: false,
    formError: null,
  });
  const initial = () => ({ ...blank(), lastSaved: null, savedCount: 0 });

  return createStore<CaseFormState>()((set, get) => {
    const ctx = (today: string | null = null): FieldContext => {
      const s = get();
      return { mode: s.mode, check: s.check, checkedText: s.checkedText, original: s.original, today };
    };

    /** Shows or clears one box's mistake. */
    function mark(key: CaseFormField, problem: string | null): void {
      const errors = { ...get().errors };
      if (problem) errors[key] = problem;
      else delete errors[key];
      set({ errors });
    }

    /** The number's type decides the procedure (its default when the one chosen does not fit) and the catalogue. */
    function follow(check: CaseNumberCheck): void {
      const v = get().values;
      const patch: Partial<CaseFormValues> = {};
      if (check.procedures.length === 0) {
        if (check.typeCode) patch.procedure = '';
      } else if (v.procedure === '' || !check.procedures.includes(v.procedure)) {
        patch.procedure = (check.defaultProcedure ?? '') as Procedure | '';
      }
      if (v.limitVariant && !limitVariantsOf(check.typeCode).includes(v.limitVariant)) patch.limitVariant = '';
      const kind = check.catalogKind;
      const causes = get().causes;
      if (Object.keys(patch).length) set({ values: { ...get().values, ...patch } });
      if (kind !== causes.kind) {
        set({ causes: { kind, query: '', items: [], loading: false, error: null } });
        // A cause picked from another kind's catalogue no longer fits: it stays as typed text for the person to see.
        if (v.causeCatalog && kind && !v.causeCatalog.startsWith(kind)) set({ values: { ...get().values, causeCatalog: null } });
      }
      if (get().errors.procedure) mark('procedure', fieldProblem('procedure', get().values, ctx()));
    }

    return {
      ...initial(),

      startNew(keep) {
        generation++;
        checkSeq++;
        causeSeq++;
        set(blank(keep));
      },

      async startEdit(detail) {
        generation++;
        checkSeq++;
        causeSeq++;
        const kind = catalogKindOfType(detail.typeCode);
        set({
          ...initial(),
          mode: 'edit',
          original: detail,
          values: valuesOf(detail),
          causes: { kind, query: '', items: [], loading: false, error: null },
        });
        // The number is fixed, but its type's procedures come from the same answer as for a new one; that it is
        // already registered is no mistake here.
        const gen = generation;
        const res = await api['cases.checkNumber']({ caseNumber: detail.caseNumber });
        if (gen !== generation || !res.ok) return;
        set({ check: { ...res.value, ok: true, message: null }, checkedText: detail.caseNumber });
      },

      set(key, value) {
        set({ values: { ...get().values, [key]: value }, formError: null });
        if (key === 'cause') {
          // Typed by hand: no longer the catalogue entry, unless it is exactly one of those offered.
          const hit = get().causes.items.find((c) => c.name === String(value).trim());
          set({ values: { ...get().values, causeCatalog: hit ? hit.catalog : null } });
        }
        const box = (key === 'plaintiffDraft' ? 'plaintiffs' : key === 'defendantDraft' ? 'defendants' : key === 'causeCatalog' ? 'cause' : key) as CaseFormField;
        // A mistake already shown is taken away as soon as it is mended, not only when the box is left.
        if (get().errors[box]) mark(box, fieldProblem(box, get().values, ctx()));
        if (key === 'caseNumber') {
          checkSeq++;
          set({ checking: false, check: null, checkedText: null });
        }
      },

      leave(key) {
        if (key === 'caseNumber' && get().mode === 'new') {
          // Shown as the core will store it: （2024）辽0421民初12号 for (2024)辽0421民初12号.
          const tidy = tidyCaseNumber(get().values.caseNumber);
          if (tidy !== get().values.caseNumber && parseCaseNumber(tidy).ok) {
            const s = get();
            const sameCheck = s.checkedText === s.values.caseNumber;
            set({ values: { ...s.values, caseNumber: tidy }, ...(sameCheck ? { checkedText: tidy } : {}) });
          }
        }
        if (key === 'filedOn') {
          const d = readDate(get().values.filedOn);
          if ('value' in d && d.value !== get().values.filedOn) set({ values: { ...get().values, filedOn: d.value } });
        }
        if (key === 'originCaseNumber') {
          const tidy = tidyCaseNumber(get().values.originCaseNumber);
          if (tidy !== get().values.originCaseNumber) set({ values: { ...get().values, originCaseNumber: tidy } });
        }
        if (key === 'plaintiffs' || key === 'defendants') get().commitParties(key);
        mark(key, fieldProblem(key, get().values, ctx()));
      },

      async checkNumber(text) {
        const typed = text ?? get().values.caseNumber;
        if (get().mode === 'edit') return get().check;
        if (typed.trim() === '' || !parseCaseNumber(typed).ok) {
          // The format is the form's own check: no call for text that is not a case number yet.
          set({ check: null, checkedText: null, checking: false });
          return null;
        }
        const mine = ++checkSeq;
        set({ checking: true });
        const res = await api['cases.checkNumber']({ caseNumber: typed });
        if (mine !== checkSeq) return null;
        if (!res.ok) {
          set({ checking: false, check: null, checkedText: null });
          mark('caseNumber', bareMessage(res.error.message));
          return null;
        }
        set({ checking: false, check: res.value, checkedText: typed });
        follow(res.value);
        // The answer is shown at once (another court's code, already registered), and cleared once it is fine.
        mark('caseNumber', fieldProblem('caseNumber', get().values, ctx()));
        return res.value;
      },

      async suggestNumber(typeCode, year) {
        const gen = generation;
        const res = await api['cases.nextNumber']({ typeCode, year });
        if (gen !== generation) return;
        if (!res.ok) {
          mark('caseNumber', bareMessage(res.error.message));
          return;
        }
        get().set('caseNumber', res.value.caseNumber);
        await get().checkNumber(res.value.caseNumber);
      },

      async searchCauses(query) {
        const kind = get().causes.kind;
        const mine = ++causeSeq;
        if (!kind) {
          set({ causes: { ...get().causes, query, items: [], loading: false, error: null } });
          return;
        }
        set({ causes: { ...get().causes, query, loading: true, error: null } });
        const res = await api['catalog.causes']({ kind, query: query.trim().slice(0, 30), limit: 30 });
        if (mine !== causeSeq) return;
        if (res.ok) set({ causes: { kind, query, items: res.value, loading: false, error: null } });
        else set({ causes: { kind, query, items: [], loading: false, error: res.error.message } });
      },

      pickCause(entry) {
        set({ values: { ...get().values, cause: entry.name, causeCatalog: entry.catalog }, formError: null });
        mark('cause', null);
      },

      commitParties(side) {
        const draftKey = side === 'plaintiffs' ? 'plaintiffDraft' : 'defendantDraft';
        const v = get().values;
        if (v[draftKey].trim() === '') return false;
        const r = addNames(v[side], v[draftKey]);
        if (r.error) {
          mark(side, r.error);
          return false;
        }
        set({ values: { ...v, [side]: r.names, [draftKey]: '' } });
        mark(side, null);
        return true;
      },

      removeParty(side, index) {
        const v = get().values;
        set({ values: { ...v, [side]: v[side].filter((_, i) => i !== index) } });
      },

      async submit(today) {
        const s = get();
        if (s.saving) return null;
        const gen = generation;
        set({ formError: null });
        // A number typed and saved at once, before the pause that checks it: asked now.
        if (s.mode === 'new' && get().checkedText !== get().values.caseNumber) await get().checkNumber();
        if (gen !== generation) return null;
        const errors: Partial<Record<CaseFormField, string>> = {};
        for (const key of FORM_ORDER) {
          const p = fieldProblem(key, get().values, ctx(today));
          if (p) errors[key] = p;
        }
        if (s.mode === 'new' && !errors.caseNumber && !get().check) errors.caseNumber = get().errors.caseNumber ?? '案号尚未核对，请稍候再保存';
        set({ errors });
        if (Object.keys(errors).length) return null;

        const v = get().values;
        const fields = formFields(v);
        set({ saving: true });
        let res;
        if (s.mode === 'edit' && s.original) {
          const changed = changedFields(s.original, fields);
          if (Object.keys(changed).length === 0) {
            set({ saving: false, formError: '没有修改任何内容' });
            return null;
          }
          res = await api['cases.update']({ caseNumber: s.original.caseNumber, fields: changed });
        } else {
          res = await api['cases.register']({ caseNumber: get().check?.canonical ?? tidyCaseNumber(v.caseNumber), ...fields });
        }
        if (gen !== generation) return null;
        if (!res.ok) {
          const box = errorBox(res.error, BOXES);
          if (box) set({ saving: false, errors: { ...get().errors, [box]: bareMessage(res.error.message) } });
          else set({ saving: false, formError: res.error.message });
          return null;
        }
        const saved = res.value;
        set({ saving: false, lastSaved: saved, savedCount: get().savedCount + (s.mode === 'new' ? 1 : 0) });
        if (s.mode === 'new') {
          // Ready for the next case: the same filing day and handler, the next free number of the same type.
          const check = get().check;
          get().startNew({ filedOn: fields.filedOn, division: fields.division, judge: fields.judge });
          const parsed = parseCaseNumber(saved.caseNumber);
          if (parsed.ok) await get().suggestNumber(check?.typeCode ?? parsed.value.typeCode, parsed.value.year);
        } else {
          set({ original: saved, values: valuesOf(saved) });
        }
        return saved;
      },

      reset() {
        generation++;
        checkSeq++;
        causeSeq++;
        set(initial());
      },
    };
  });
}
