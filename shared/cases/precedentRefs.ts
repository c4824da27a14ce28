// A reference found by 类案检索: a case number, or an entry number of 人民法院案例库; anything else is a typing slip.
import { parseCaseNumber } from './caseNumber';

/** 人民法院案例库 numbers its entries year-category-kind-serial-version, e.g. 2023-16-2-103-001. */
const LIBRARY_ENTRY = /^\d{4}-\d{2}-\d-\d{3}-\d{3}$/;
/**
 * Any court's case number, looser than our own parser: precedents come from the SPC (最高法) and high courts (京民终),
 * whose codes our court's numbers never carry. (year) court-and-type serial 号, optionally 之一.
 */
const ANY_COURT_NUMBER = /^（(\d{4})）[\u4e00-\u9fa5][\u4e00-\u9fa5\d]*?\d+号(之[一二三四五六七八九十]+)?$/u;

export type ReferenceCheck = { ok: true; value: string } | { ok: false; message: string };

/** The reference as stored (a case number in its canonical form), or why it is neither kind. */
export function checkPrecedentReference(text: string): ReferenceCheck {
  const t = text.trim().normalize('NFKC').replace(/[－—–]/g, '-');
  if (LIBRARY_ENTRY.test(t)) return { ok: true, value: t };
  const parsed = parseCaseNumber(text);
  if (parsed.ok) return { ok: true, value: parsed.value.canonical };
  const number = t.replace(/[(〔［\[]/g, '（').replace(/[)〕］\]]/g, '）').replace(/\s+/g, '');
  if (ANY_COURT_NUMBER.test(number)) return { ok: true, value: number };
  return { ok: false, message: `参考案例“${text.trim()}”既不是案号，也不是人民法院案例库的入库编号（如 2023-16-2-103-001）` };
}
