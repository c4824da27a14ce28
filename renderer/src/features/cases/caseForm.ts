// 新增案件 and 编辑: the registration form's boxes and values, the rule each box is held to, and the fields a save
// sends; the store that runs the form is caseFormStore.ts.
import type { StoreApi } from 'zustand/vanilla';
import type { CaseDetail, CaseNumberCheck, CauseEntry, CourtDeskApi, ApiArgs } from '../../../../shared/api/contract';
import { caseFields } from '../../../../shared/cases/workApi';
import { parseCaseNumber } from '../../../../shared/cases/caseNumber';
import { PROCEDURES, type LimitVariant, type Procedure } from '../../../../shared/cases/types';
import { CAUSE_CATALOGS, type CauseCatalogId } from '../../../../shared/cases/caseWork';
import { addNames, readDate, readYuan, schemaMessage, tidyCaseNumber } from './formFields';

export type CaseFormField =
  | 'caseNumber' | 'procedure' | 'limitVariant' | 'cause' | 'filedOn' | 'division' | 'judge' | 'plaintiffs' | 'defendants' | 'claimAmount' | 'originCaseNumber';

/** The boxes in the order of the form (and of Tab): the first one with a mistake gets the focus. */
export const FORM_ORDER: readonly CaseFormField[] = [
  'caseNumber', 'procedure', 'limitVariant', 'cause', 'filedOn', 'claimAmount', 'division', 'judge', 'originCaseNumber', 'plaintiffs', 'defendants',
];

/** API argument names (and the core's Chinese column names) to the box that shows their refusal. */
export const BOXES: Readonly<Record<string, CaseFormField>> = {
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
