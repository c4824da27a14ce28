// What people type into the case-work forms, read the way the core will read it: dates in the forms clerks write
// (2024/1/5, 2024年1月5日, full-width digits), amounts in yuan, several names in one box, case numbers in any
// bracket; each box checked with the very schema the call declares (shared/cases/workApi.ts), so a mistake is
// named beside the box where it was made rather than after a round trip.
import type { z } from 'zod';
import type { ApiError } from '../../../../shared/api/contract';
import { caseFields } from '../../../../shared/cases/workApi';
import { normalizeCaseNumber } from '../../../../shared/cases/caseNumber';
import { checkPrecedentReference } from '../../../../shared/cases/precedentRefs';
import { asciiNumberText } from '../../lib/numbers';

/** A box read: nothing typed, a value, or why the text is not one. */
export type Read<T> = { empty: true } | { empty: false; value: T } | { empty: false; error: string };

/** The first message of a zod check, or null when it passes. */
export function schemaMessage(schema: z.ZodType, value: unknown): string | null {
  const r = schema.safeParse(value);
  return r.success ? null : (r.error.issues[0]?.message ?? '输入不正确');
}

/**
 * A date as people write it, as YYYY-MM-DD: 2024-1-5, 2024/01/05, 2024.1.5, 2024年1月5日, 20240105, with
 * full-width digits too. Only the writing is changed; whether it is a real day is the schema's question.
 */
export function normalizeDateText(text: string): string {
  const t = asciiNumberText(text).replace(/[／。．]/g, (c) => (c === '／' ? '/' : '.'));
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return t;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

const DATE_MESSAGE = '日期无效，应如 2024-01-05';

/** A date box: empty, a real calendar day (YYYY-MM-DD), or the same message the core gives. */
export function readDate(text: string): Read<string> {
  const t = normalizeDateText(text);
  if (t === '') return { empty: true };
  const problem = schemaMessage(caseFields.shape.filedOn, t);
  return problem ? { empty: false, error: problem === DATE_MESSAGE ? DATE_MESSAGE : problem } : { empty: false, value: t };
}

/**
 * Yuan as typed: 12000, 12,000.50, １２０００, 1.2万, with or without 元. Two decimals at most (fen); the bounds are
 * the schema's (not negative, not absurd).
 */
export function readYuan(text: string): Read<number> {
  let t = asciiNumberText(text).replace(/[,，\s]/g, '').replace(/．/g, '.').replace(/元$/, '');
  if (t === '') return { empty: true };
  let factor = 1;
  if (t.endsWith('万')) {
    factor = 10_000;
    t = t.slice(0, -1);
  }
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { empty: false, error: '请输入金额（元），如 12000 或 12000.50' };
  const n = Math.round(Number(t) * factor * 100) / 100;
  if (factor === 1 && /\.\d{3,}$/.test(t)) return { empty: false, error: '金额最多精确到分（两位小数）' };
  const problem = schemaMessage(caseFields.shape.claimAmount, n);
  return problem ? { empty: false, error: problem } : { empty: false, value: n };
}

/** The separators between names in one box: 、 (as a docket writes them), commas, semicolons, line breaks. */
const NAME_SEPARATORS = /[、,，;；\n\r\t]+/;

/** Names typed into one box, split where people separate them; blanks dropped. */
export function splitNames(text: string): string[] {
  return text
    .split(NAME_SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const partySchema = caseFields.shape.plaintiffs.element;

/** Adds the names typed to a list: each checked as the core checks a party, repeats ignored. */
export function addNames(list: readonly string[], text: string): { names: string[]; error: string | null } {
  const names = [...list];
  for (const name of splitNames(text)) {
    const problem = schemaMessage(partySchema, name);
    if (problem) return { names: [...list], error: `“${name.slice(0, 12)}${name.length > 12 ? '…' : ''}”：${problem}` };
    if (!names.includes(name)) names.push(name);
  }
  const problem = schemaMessage(caseFields.shape.plaintiffs, names);
  return problem ? { names: [...list], error: problem } : { names, error: null };
}

/** A case number typed in any bracket or digit width, in canonical form when it is one; as typed (trimmed) otherwise. */
export function tidyCaseNumber(text: string): string {
  const t = text.trim();
  return normalizeCaseNumber(t) ?? t;
}

/**
 * References found by 类案检索, typed in one box: case numbers of any court (最高法 …) in canonical form, or entry numbers
 * of 人民法院案例库 (2023-16-2-103-001), as the core stores them; the first that is neither is named.
 */
export function readReferences(text: string): { refs: string[]; error: string | null } {
  const refs: string[] = [];
  for (const part of splitNames(text)) {
    const r = checkPrecedentReference(part);
    if (!r.ok) return { refs, error: r.message };
    if (!refs.includes(r.value)) refs.push(r.value);
  }
  return { refs, error: null };
}

/** The dispatcher's "参数“filedOn”：" prefix: the box the message is shown beside already says which argument. */
export function bareMessage(message: string): string {
  return message.replace(/^参数“[^”]*”：/, '');
}

/**
 * The box an API refusal belongs to: `error.field` (the argument's path, "fields.filedOn", "review.reviewedOn"), or
 * for older refusals the Chinese column name the core's input errors carry ("开始日期"). `boxes` maps both to the
 * form's own keys; a path is tried whole, then without a leading "fields.", then by its first segment.
 */
export function errorBox<K extends string>(error: Pick<ApiError, 'field' | 'message'>, boxes: Readonly<Record<string, K>>): K | null {
  const f = error.field;
  if (!f) return null;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(boxes, k);
  const candidates = [f, f.replace(/^fields\./, ''), f.replace(/^fields\./, '').split('.')[0], f.split('.')[0]];
  for (const c of candidates) if (has(c)) return boxes[c];
  return null;
}
