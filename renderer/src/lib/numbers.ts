// Whole numbers as people type them on a Chinese keyboard: full-width digits (１０) and minus signs (－) from an
// input method in full-width mode are the same number as 10 and -10, and the reason a number is refused is said.

/** Full-width digits and the dashes an input method types as a minus, as ASCII; surrounding spaces removed. */
export function asciiNumberText(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–−﹣]/g, '-')
    .replace(/＋/g, '+');
}

export type WholeNumber = { empty: true } | { empty: false; value: number } | { empty: false; error: string };

/**
 * Reads a whole number within [min, max] from a box, or says why not. `what` names it in the message (天数, 分钟数,
 * 页码); an empty box is `empty`, for the caller to decide whether that means "not set".
 */
export function readWholeNumber(text: string, min: number, max: number, what: string): WholeNumber {
  const t = asciiNumberText(text);
  if (t === '') return { empty: true };
  if (!/^[-+]?\d+$/.test(t)) return { empty: false, error: `请输入整数${what}` };
  const n = Number(t);
  if (!Number.isSafeInteger(n) || n < min || n > max) return { empty: false, error: `${what}应在 ${min} 到 ${max} 之间` };
  return { empty: false, value: n };
}
