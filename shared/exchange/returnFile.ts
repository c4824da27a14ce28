// The intermediate court's return file (中院回执) as text: a JSON body (the ranges document, unchanged, the receipt of
// the last package received, and its help measures for the court) followed by the intermediate court's minisign signature of it. Pure: both sides read it alike.
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { parseStrictJson } from './strictJson';
import { SIGNATURE_BEGIN, SIGNATURE_END } from './keyCard';

export const RETURN_FORMAT = 'courtdesk-return';
export const RETURN_VERSION = 1;
/**
 * The longest return file in characters: the ranges and the receipt take about 3,000, and a court's help measures with
 * their progress (23 measures with a few entries each, some 25,000) leave room; every text argument of the API stays
 * under 100,000 characters. On disk, Chinese takes 3 bytes a character: RETURN_MAX_FILE_BYTES.
 */
export const RETURN_MAX_BYTES = 98_304;
export const RETURN_MAX_FILE_BYTES = 3 * RETURN_MAX_BYTES;

const court = z.object({ courtCode: z.string().min(1).max(20), courtName: z.string().min(1).max(100) }).strict();
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const isoDay = z.string().refine(isIsoDate);
const helpId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const helpName = z.string().min(1).max(50);

/** One help measure (帮扶措施) of the intermediate court for the court, whole, with every progress entry. */
export const returnHelpMeasureSchema = z
  .object({
    id: helpId,
    text: z.string().min(1).max(1000),
    weakPointIds: z.array(helpId).max(20),
    leader: helpName,
    owner: helpName,
    division: helpName,
    startOn: isoDay,
    dueOn: isoDay,
    doneOn: isoDay.nullable(),
    progress: z.array(z.object({ id: helpId, onDate: isoDay, text: z.string().min(1).max(2000), done: z.boolean() }).strict()).max(500),
  })
  .strict()
  .refine((m) => m.dueOn >= m.startOn, { path: ['dueOn'] });
export type ReturnHelpMeasure = z.infer<typeof returnHelpMeasureSchema>;

export const returnBodySchema = z
  .object({
    format: z.literal(RETURN_FORMAT),
    version: z.literal(RETURN_VERSION),
    returnId: z.uuid(),
    from: court,
    to: court,
    issuedAt: z.iso.datetime({ offset: true }),
    /** The ranges document as `courtdesk ranges import` reads it (format courtdesk-indicator-ranges). */
    ranges: z.record(z.string(), z.unknown()),
    /** The last package of this basic court the intermediate court imported, or null before the first. */
    lastImported: z
      .object({ sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), packageId: z.uuid(), payloadSha256: hex64, receivedAt: z.string().max(40), auditLength: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).nullable() })
      .strict()
      .nullable(),
    /** Absent in a return file made before help measures travelled: read as none (and nothing at the court is changed). */
    helpMeasures: z.array(returnHelpMeasureSchema).max(500).optional(),
  })
  .strict();
export type ReturnBody = z.infer<typeof returnBodySchema>;

/** The signed part: the body as sorted, indented JSON ending with a newline. */
export function returnBodyText(body: ReturnBody): string {
  return `${JSON.stringify(sortKeys(body), null, 2)}\n`;
}

export function returnFileText(bodyText: string, signature: string): string {
  return `${bodyText}${SIGNATURE_BEGIN}\n${signature.endsWith('\n') ? signature : `${signature}\n`}${SIGNATURE_END}\n`;
}

export type ParsedReturn = { ok: true; body: ReturnBody; bodyText: string; signature: string } | { ok: false; message: string };

/** Splits and reads a return file; the signature is the core's to check. */
export function parseReturnFile(text: string): ParsedReturn {
  if (text.length > RETURN_MAX_BYTES) return { ok: false, message: '文件过大，不是中院回执' };
  const t = text.replace(/\r\n/g, '\n');
  const begin = t.indexOf(`\n${SIGNATURE_BEGIN}\n`);
  const end = t.indexOf(`\n${SIGNATURE_END}`, begin + 1);
  if (begin < 0 || end < 0) return { ok: false, message: '文件缺少签名段，不是完整的中院回执' };
  const bodyText = t.slice(0, begin + 1);
  const signature = t.slice(begin + SIGNATURE_BEGIN.length + 2, end + 1);
  if (bodyText.startsWith('\uFEFF')) return { ok: false, message: '中院回执以 BOM 开头，不是本程序写出的格式' };
  const json = parseStrictJson(bodyText);
  if (!json.ok) return { ok: false, message: `中院回执不是有效的 JSON：${json.message}` };
  const doc = json.value as Record<string, unknown> | null;
  if (typeof doc !== 'object' || doc === null || doc.format !== RETURN_FORMAT) return { ok: false, message: '不是 CourtDesk 中院回执' };
  if (doc.version !== RETURN_VERSION) return { ok: false, message: `本程序只能读取第 ${RETURN_VERSION} 版的中院回执，请升级程序` };
  const body = returnBodySchema.safeParse(doc);
  if (!body.success) {
    const i = body.error.issues[0];
    return { ok: false, message: `中院回执的 ${i.path.join('.') || '内容'} 不正确` };
  }
  return { ok: true, body: body.data, bodyText, signature };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
