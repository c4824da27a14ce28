// Names of people, courts, divisions and parties as typed or imported: one Unicode form, whitespace tidied, and no
// invisible or control characters, so that two names that look alike are one name (韩颖淑 and 韩颖淑\u202e are not both).

/**
 * Characters that change how text looks without being seen: control characters (Cc: NUL, tab, line breaks …),
 * format characters (Cf: zero-width space U+200B, joiners, bidirectional overrides like U+202E, the BOM) and the
 * line and paragraph separators. Private-use and not-yet-assigned code points stay allowed: rare characters of
 * Chinese names (生僻字) live there in some systems.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** Limits of every name the court keeps, in characters (code points); the database checks the same. */
export const NAME_MAX = { person: 20, division: 50, court: 50, party: 100 } as const;

export type CleanName = { ok: true; value: string } | { ok: false; error: string };

/** The stored form of a name: NFC, trimmed, any run of spaces (the ideographic one too) as one space. */
export function normalizeName(raw: string): string {
  return raw.normalize('NFC').replace(/[\s\u3000]+/gu, ' ').trim();
}

/** A name as it will be stored, or why it cannot be; `what` names the field in the message (姓名, 承办部门 …). */
export function cleanName(raw: string, what: string, max: number): CleanName {
  const hidden = INVISIBLE.exec(raw.replace(/[\t\r\n]/g, ' '));
  if (hidden) {
    const code = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return { ok: false, error: `${what}含有不可见字符或控制字符（U+${code}），请删除后重新输入` };
  }
  const value = normalizeName(raw);
  if (value === '') return { ok: false, error: `${what}不能为空` };
  const length = [...value].length;
  if (length > max) return { ok: false, error: `${what}长度为${length}个字，超过${max}个字的上限` };
  return { ok: true, value };
}
