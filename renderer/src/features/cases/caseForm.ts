// 新增案件 and 编辑: the registration form's values, each box's mistake, the case-number check as it is typed, the
// cause catalogue search, and saving (cases.register / cases.update), after which the next number is suggested.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CaseDetail, CaseNumberCheck, CauseEntry, CourtDeskApi, ApiArgs } from '../../../../shared/api/contract';
import { caseFields } from '../../../../shared/cases/workApi';
import { parseCaseNumber } from '../../../../shared/cases/caseNumber';
import { PROCEDURES, type LimitVariant, type Procedure } from '../../../../shared/cases/types';
import { CAUSE_CATALOGS, type CauseCatalogId } from '../../../../shared/cases/caseWork';
import { addNames, bareMessage, errorBox, readDate, readYuan, schemaMessage, tidyCaseNumber } from './formFields';

export type CaseFormField =
  | 'caseNumber' | 'procedure' | 'limitVariant' | 'cause' | 'filedOn' | 'division' | 'judge' | 'plaintiffs' | 'defendants' | 'claimAmount' | 'originCaseNumber';

/** The boxes in the order of the form (and of Tab): the first one with a mistake gets the focus. */
export const FORM_ORDER: readonly CaseFormField[] = [
  'caseNumber', 'procedure', 'limitVariant', 'cause', 'filedOn', 'claimAmount', 'division', 'judge', 'originCaseNumber', 'plaintiffs', 'defendants',
];

/** API argument names (and the core's Chinese column names) to the box that shows their refusal. */
const BOXES: Readonly<Record<string, CaseFormField>> = {
  caseNumber: 'caseNumber', procedure: 'procedure', limitVariant: 'limitVariant', cause: 'cause', causeCatalog: 'cause', filedOn: 'filedOn',
  division: 'division', judge: 'judge', plaintiffs: 'plaintiffs', defendants: 'defendants', claimAmount: 'claimAmount',
  originCaseNumber: 'originCaseNumber', 案号: 'caseNumber', 案由: 'cause', 审判程序: 'procedure', 立案日期: 'filedOn', 承办部门: 'division',
  承办法官: 'judge', 原告: 'plaintiffs', 被告: 'defendants', 标的额: 'claimAmount', 原审案号: 'originCaseNumber',
};

export interface CaseFormValues {
  caseNumber: string;
  procedure: Procedure | '';
  limitVariant: LimitVariant | '';
  cause: string;
  /** The catalogue the cause was picked from; null once the cause is typed by hand (older causes). */
  causeCatalog: CauseCatalogId | null;
  filedOn: string;
  division: string;
  judge: string;
  plaintiffs: string[];
  defendants: string[];
  /** Text in a party box not yet made a name (Enter or 、 does that; saving does too). */
  plaintiffDraft: string;
  defendantDraft: string;
  claimAmount: string;
  originCaseNumber: string;
}

export type CatalogKind = NonNullable<CaseNumberCheck['catalogKind']>;

export interface CauseSearch {
  kind: CatalogKind | null;
  query: string;
  items: CauseEntry[];
  loading: boolean;
  error: string | null;
}

export interface CaseFormState {
  mode: 'new' | 'edit';
  /** The case being edited, as it was read. */
  original: CaseDetail | null;
  values: CaseFormValues;
  errors: Partial<Record<CaseFormField, string>>;
  /** The answer for the case number now in the box (null until it arrives, or while the box is empty). */
  check: CaseNumberCheck | null;
  /** The text that answer is for. */
  checkedText: string | null;
  checking: boolean;
  causes: CauseSearch;
  saving: boolean;
  /** A refusal that belongs to no box (a lost connection, a conflict), shown by the 保存 button. */
  formError: string | null;
  /** The case saved last (新增: shown above the next, empty form). */
  lastSaved: CaseDetail | null;
  /** Cases registered since the form was opened. */
  savedCount: number;
  /** Empties the form for a new case; `keep` carries what the last case had that the next one usually shares. */
  startNew(keep?: Partial<Pick<CaseFormValues, 'filedOn' | 'division' | 'judge'>>): void;
  /** Fills the form with a case to edit (its number fixed). */
  startEdit(detail: CaseDetail): Promise<void>;
  set<K extends keyof CaseFormValues>(key: K, value: CaseFormValues[K]): void;
  /** The box was left: its mistake, if any, is shown now. */
  leave(key: CaseFormField): void;
  /** Asks the core about the number typed (the page calls it after a pause in typing). */
  checkNumber(text?: string): Promise<CaseNumberCheck | null>;
  /** Asks the core for the next free number of a type, and puts it in the box. */
  suggestNumber(typeCode: string, year: number): Promise<void>;
  searchCauses(query: string): Promise<void>;
  pickCause(entry: CauseEntry): void;
  /** Makes the text typed in a party box names (Enter or 、). Returns whether it did. */
  commitParties(side: 'plaintiffs' | 'defendants'): boolean;
  removeParty(side: 'plaintiffs' | 'defendants', index: number): void;
  /** Checks every box and saves; the case saved, or null (the boxes say why). */
  submit(today: string | null): Promise<CaseDetail | null>;
  reset(): void;
}

export type CaseFormStore = StoreApi<CaseFormState>;
export type CaseFormApi = Pick<CourtDeskApi, 'cases.checkNumber' | 'cases.nextNumber' | 'cases.register' | 'cases.update' | 'catalog.causes'>;

export const EMPTY_VALUES: Readonly<CaseFormValues> = Object.freeze({
  caseNumber: '',
  procedure: '',
  limitVariant: '',
  cause: '',
  causeCatalog: null,
  filedOn: '',
  division: '',
  judge: '',
  plaintiffs: [],
  defendants: [],
  plaintiffDraft: '',
  defendantDraft: '',
  claimAmount: '',
  originCaseNumber: '',
});

/** Which catalogue a type's causes come from (the core's rule, for an edited case whose number is not re-checked). */
export function catalogKindOfType(typeCode: string): CatalogKind | null {
  if (typeCode.startsWith('刑')) return 'criminal';
  if (typeCode.startsWith('行')) return 'administrative';
  if (typeCode.startsWith('民') || typeCode.startsWith('执') || typeCode.includes('诉前')) return 'civil';
  return null;
}

/** The catalogue's printed title, for the hint under the 案由 box. */
export function catalogTitle(kind: CatalogKind | null): string | null {
  if (!kind) return null;
  const id = (Object.keys(CAUSE_CATALOGS) as CauseCatalogId[]).find((k) => k.startsWith(kind));
  return id ? CAUSE_CATALOGS[id] : null;
}

/** Which 审限情形 a type may have: the 30-day limit of an appeal against a ruling, or a heavier likely sentence. */
export function limitVariantsOf(typeCode: string | null): LimitVariant[] {
  if (!typeCode) return [];
  if (typeCode === '民终' || typeCode === '行终' || typeCode === '刑终') return ['ruling_appeal'];
  if (typeCode === '刑初') return ['heavy_sentence'];
  return [];
}

/** The procedures the form offers: what the number's type allows; for an edited case without an answer, its own. */
export function procedureChoices(check: CaseNumberCheck | null, original: CaseDetail | null): string[] {
  if (check && check.procedures.length) return check.procedures;
  if (check && check.typeCode) return [];
  if (original?.procedure) return [...PROCEDURES];
  return [];
}

export interface FieldContext {
  mode: 'new' | 'edit';
  check: CaseNumberCheck | null;
  checkedText: string | null;
  original: CaseDetail | null;
  today: string | null;
}

/** The mistake in one box, or null. The same checks as the call's schema, plus what only the form can know. */
export function fieldProblem(key: CaseFormField, v: CaseFormValues, ctx: FieldContext): string | null {
  switch (key) {
    case 'caseNumber': {
      if (ctx.mode === 'edit') return null;
      if (v.caseNumber.trim() === '') return '请输入案号';
      const parsed = parseCaseNumber(v.caseNumber);
      if (!parsed.ok) return parsed.error;
      // The core's answer for exactly this text: another court's code, a number already registered.
      if (ctx.check && ctx.checkedText === v.caseNumber && !ctx.check.ok) return ctx.check.message ?? '案号不能登记';
      return null;
    }
    case 'procedure': {
      const choices = procedureChoices(ctx.check, ctx.original);
      if (choices.length && v.procedure === '') return '请选择审判程序';
      if (v.procedure !== '' && choices.length && !choices.includes(v.procedure)) return `此类案件的审判程序应为 ${choices.join('、')} 之一`;
      return null;
    }
    case 'limitVariant':
      return null;
    case 'cause':
      return schemaMessage(caseFields.shape.cause, v.cause);
    case 'filedOn': {
      const d = readDate(v.filedOn);
      if (d.empty) return '请填写立案日期';
      if ('error' in d) return d.error;
      if (ctx.today && d.value > ctx.today) return `立案日期 ${d.value} 晚于今天 ${ctx.today}`;
      // A case is numbered in the year it is filed: （2025）… filed in 2024 is a slip of one or the other.
      const number = parseCaseNumber(ctx.mode === 'edit' && ctx.original ? ctx.original.caseNumber : v.caseNumber);
      if (number.ok && Number(d.value.slice(0, 4)) !== number.value.year) return `立案日期 ${d.value} 与案号年份 ${number.value.year} 不一致`;
      // The core refuses a filing date after what the case records since (its periods, mediation, review …) too.
      const closedOn = ctx.mode === 'edit' ? ctx.original?.closedOn : null;
      if (closedOn && d.value > closedOn) return `立案日期 ${d.value} 晚于本案的结案日期 ${closedOn}`;
      return null;
    }
    case 'division':
      return schemaMessage(caseFields.shape.division, v.division);
    case 'judge':
      return schemaMessage(caseFields.shape.judge, v.judge);
    case 'plaintiffs':
      return addNames(v.plaintiffs, v.plaintiffDraft).error;
    case 'defendants':
      return addNames(v.defendants, v.defendantDraft).error;
    case 'claimAmount': {
      const r = readYuan(v.claimAmount);
      return 'error' in r ? r.error : null;
    }
    case 'originCaseNumber': {
      const t = v.originCaseNumber.trim();
      if (t === '') return null;
      const parsed = parseCaseNumber(t);
      if (!parsed.ok) return `原审案号${parsed.error.replace(/^案号/, '')}`;
      if (ctx.mode === 'new' && parsed.value.canonical === tidyCaseNumber(v.caseNumber)) return '原审案号不能是本案案号';
      return null;
    }
  }
}

type RegisterArgs = ApiArgs<'cases.register'>;
type Fields = Omit<RegisterArgs, 'caseNumber'>;

/** The case's fields as the call takes them (every box already checked). */
export function formFields(v: CaseFormValues): Fields {
  const amount = readYuan(v.claimAmount);
  const date = readDate(v.filedOn);
  return {
    cause: v.cause.trim(),
    causeCatalog: v.causeCatalog,
    procedure: v.procedure === '' ? null : v.procedure,
    limitVariant: v.limitVariant === '' ? null : v.limitVariant,
    filedOn: 'value' in date ? date.value : v.filedOn.trim(),
    division: v.division.trim(),
    judge: v.judge.trim(),
    plaintiffs: addNames(v.plaintiffs, v.plaintiffDraft).names,
    defendants: addNames(v.defendants, v.defendantDraft).names,
    claimAmount: 'value' in amount ? amount.value : null,
    originCaseNumber: v.originCaseNumber.trim() === '' ? null : tidyCaseNumber(v.originCaseNumber),
  };
}

/** What an edit changes: only the fields that differ from the case as read (so its history says what was done). */
export function changedFields(original: CaseDetail, fields: Fields): Partial<Fields> {
  const was: Fields = {
    cause: original.cause,
    causeCatalog: original.causeCatalog ?? null,
    procedure: original.procedure,
    limitVariant: original.limitVariant,
    filedOn: original.filedOn,
    division: original.division,
    judge: original.judge,
    plaintiffs: original.plaintiffs,
    defendants: original.defendants,
    claimAmount: original.claimAmount,
    originCaseNumber: original.originCaseNumber,
  };
  const out: Partial<Fields> = {};
  for (const k of Object.keys(fields) as Array<keyof Fields>) {
    if (JSON.stringify(fields[k] ?? null) !== JSON.stringify(was[k] ?? null)) (out as Record<string, unknown>)[k] = fields[k];
  }
  // A cause kept as it was keeps its catalogue; one changed by hand says where it came from (or that it is typed).
  if ('causeCatalog' in out && !('cause' in out) && fields.causeCatalog === null) delete out.causeCatalog;
  return out;
}

export function valuesOf(detail: CaseDetail): CaseFormValues {
  return {
    ...EMPTY_VALUES,
    caseNumber: detail.caseNumber,
    procedure: detail.procedure ?? '',
    limitVariant: detail.limitVariant ?? '',
    cause: detail.cause,
    causeCatalog: detail.causeCatalog ?? null,
    filedOn: detail.filedOn,
    division: detail.division,
    judge: detail.judge,
    plaintiffs: [...detail.plaintiffs],
    defendants: [...detail.defendants],
    claimAmount: detail.claimAmount === null ? '' : String(detail.claimAmount),
    originCaseNumber: detail.originCaseNumber ?? '',
  };
}

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
