// The statutory time-limit table (time-limits.md): limit and extension rule per stage and procedure.
import type { LimitVariant, Procedure } from '../cases/types';

export interface Span {
  months: number;
  days: number;
}

export type Approver = 'president' | 'president_or_vice' | 'higher_court' | 'high_court' | 'none';

export interface LimitRule {
  /** e.g. 民初·普通程序 */
  label: string;
  limit: Span;
  /** Most the court's own president may grant in all; null when the statute sets no cap for the president. */
  presidentMax: Span | null;
  /** Who approves an extension the president cannot grant (or any extension when presidentMax is zero). */
  beyond: Approver;
  basis: string;
}

const m = (months: number, days = 0): Span => ({ months, days });
const d = (days: number): Span => ({ months: 0, days });
const NONE: Span = { months: 0, days: 0 };

/** Stage a case belongs to, from its type code. Stages with no row here have no time limit. */
export function stageOf(typeCode: string): string {
  if (typeCode === '执恢') return '执';
  return typeCode;
}

/** First-instance stages take a procedure; empty means 普通程序 there. */
export function isFirstInstance(typeCode: string): boolean {
  return typeCode === '民初' || typeCode === '刑初' || typeCode === '行初';
}

export function effectiveProcedure(typeCode: string, procedure: Procedure | null): Procedure | null {
  if (!isFirstInstance(typeCode)) return null;
  return procedure ?? '普通程序';
}

/** Procedures allowed per first-instance stage; import and entry refuse the others. */
export const PROCEDURES_BY_STAGE: Record<string, readonly Procedure[]> = {
  民初: ['普通程序', '简易程序', '小额诉讼程序'],
  刑初: ['普通程序', '简易程序', '速裁程序'],
  行初: ['普通程序', '简易程序'],
};

const ruleCache = new Map<string, LimitRule | null>();

/** The row of the table for a case; rules are immutable, so each combination is looked up once. */
export function limitRule(typeCode: string, procedure: Procedure | null, variant: LimitVariant | null): LimitRule | null {
  const key = `${typeCode}|${procedure}|${variant}`;
  let rule = ruleCache.get(key);
  if (rule === undefined) {
    rule = findRule(typeCode, procedure, variant);
    if (rule) Object.freeze(rule);
    ruleCache.set(key, rule);
  }
  return rule;
}

function findRule(typeCode: string, procedure: Procedure | null, variant: LimitVariant | null): LimitRule | null {
  const stage = stageOf(typeCode);
  const proc = effectiveProcedure(typeCode, procedure);
  switch (stage) {
    case '民初':
      if (proc === '普通程序')
        return { label: '民初·普通程序', limit: m(6), presidentMax: m(6), beyond: 'higher_court', basis: '民事诉讼法第152条' };
      if (proc === '简易程序')
        return { label: '民初·简易程序', limit: m(3), presidentMax: m(1), beyond: 'none', basis: '民事诉讼法第164条，民诉法解释第258条' };
      if (proc === '小额诉讼程序')
        return { label: '民初·小额诉讼程序', limit: m(2), presidentMax: m(1), beyond: 'none', basis: '民事诉讼法第168条' };
      return null;
    case '民特':
      return { label: '民特·特别程序', limit: d(30), presidentMax: null, beyond: 'none', basis: '民事诉讼法第187条' };
    case '民终':
      if (variant === 'ruling_appeal')
        return { label: '民终·裁定上诉', limit: d(30), presidentMax: null, beyond: 'none', basis: '民诉法解释第339条' };
      return { label: '民终·判决上诉', limit: m(3), presidentMax: null, beyond: 'none', basis: '民事诉讼法第183条' };
    case '刑初':
      if (proc === '普通程序')
        return { label: '刑初·普通程序', limit: m(2), presidentMax: m(1), beyond: 'higher_court', basis: '刑事诉讼法第208条' };
      if (proc === '简易程序')
        return variant === 'heavy_sentence'
          ? { label: '刑初·简易程序（可能判处三年以上）', limit: m(1, 15), presidentMax: NONE, beyond: 'none', basis: '刑事诉讼法第220条' }
          : { label: '刑初·简易程序', limit: d(20), presidentMax: NONE, beyond: 'none', basis: '刑事诉讼法第220条' };
      if (proc === '速裁程序')
        return variant === 'heavy_sentence'
          ? { label: '刑初·速裁程序（可能判处一年以上）', limit: d(15), presidentMax: NONE, beyond: 'none', basis: '刑事诉讼法第225条' }
          : { label: '刑初·速裁程序', limit: d(10), presidentMax: NONE, beyond: 'none', basis: '刑事诉讼法第225条' };
      return null;
    case '行初':
      if (proc === '普通程序')
        return { label: '行初·普通程序', limit: m(6), presidentMax: NONE, beyond: 'high_court', basis: '行政诉讼法第81条，行诉法解释第50条' };
      if (proc === '简易程序')
        return { label: '行初·简易程序', limit: d(45), presidentMax: NONE, beyond: 'none', basis: '行政诉讼法第83条' };
      return null;
    case '执':
      return { label: '执行', limit: m(6), presidentMax: m(3), beyond: 'high_court', basis: '最高人民法院关于执行案件审限的规定' };
    default:
      return null;
  }
}

/** "6个月", "30天", "1个月15天". */
export function spanLabel(span: Span): string {
  if (span.months && span.days) return `${span.months}个月${span.days}天`;
  if (span.months) return `${span.months}个月`;
  return `${span.days}天`;
}

/** Which deducted-period kinds count for a stage: 调解 only in administrative cases, 暂缓执行 and 拍卖 only in enforcement. */
export function isDeductibleKind(kind: string, typeCode: string): boolean {
  const stage = stageOf(typeCode);
  if (kind === '调解') return stage.startsWith('行');
  // The days of 先行调解 both parties consented to beyond the first 15 (or 7): not counted, in civil cases.
  if (kind === '先行调解延长') return stage.startsWith('民');
  if (kind === '暂缓执行' || kind === '拍卖') return stage === '执';
  return true;
}
