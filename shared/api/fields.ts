// Argument fields several domains' calls share: dates, names, passwords and file paths, each with its Chinese message.
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { cleanName, NAME_MAX } from '../text/names';

/** A real calendar day written YYYY-MM-DD (2024-02-30 is refused, not rolled over). */
export const isoDate = z.string().refine((s) => isIsoDate(s), '日期无效，应如 2024-01-05');
export const password = z.string().min(1, '请输入口令').max(200);
/** A person's name as stored (shared/text/names.ts): NFC, tidy whitespace, nothing invisible, at most 20 characters. */
export const personName = z
  .string()
  .max(200, '姓名过长')
  .transform((raw, ctx) => {
    const c = cleanName(raw, '姓名', NAME_MAX.person);
    if (c.ok) return c.value;
    ctx.issues.push({ code: 'custom', message: raw.trim() === '' ? '请输入姓名' : c.error, input: raw });
    return z.NEVER;
  });
export const caseNumber = z.string().min(1, '请输入案号').max(60, '案号最多 60 个字');
/** A file or folder on this machine, as a complete path (the core checks that it is one). */
export const filePath = z.string().trim().min(1, '请选择文件').max(1000);
export const empty = z.object({}).strict();

/**
 * What a person types into a search box. Control characters (a NUL pasted from another program, an escape sequence)
 * are no part of any case number or name, and a NUL ends a string inside SQLite's full-text query syntax: refused here
 * with a message, rather than met as a database error. Tabs and line breaks are whitespace, which the search ignores.
 */
export const searchText = z
  .string()
  .trim()
  .max(60, '搜索内容最多 60 个字')
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(s), '搜索内容不能包含控制字符');
