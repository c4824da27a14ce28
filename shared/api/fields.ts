// Argument fields several domains' calls share: dates, names, passwords and file paths, each with its Chinese message.
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';

/** A real calendar day written YYYY-MM-DD (2024-02-30 is refused, not rolled over). */
export const isoDate = z.string().refine((s) => isIsoDate(s), '日期无效，应如 2024-01-05');
export const password = z.string().min(1, '请输入口令').max(200);
export const personName = z.string().trim().min(1, '请输入姓名').max(20);
export const caseNumber = z.string().min(1, '请输入案号').max(60);
/** A file or folder on this machine, as a complete path (the core checks that it is one). */
export const filePath = z.string().trim().min(1, '请选择文件').max(1000);
export const empty = z.object({}).strict();
