// The package's cleartext manifest.json and the encrypted content.json: schemas, strict parsing, canonical encoding.
import { z } from 'zod';
import { isIsoDate } from '../dates/calendar';
import { PACKAGE_LIMITS } from './limits';
import { DATA_PARTS, type DataPart } from './partNames';
import { parseStrictJson } from './strictJson';

export const FORMAT_VERSION = 1;
export const SUITE = 'age-x25519/minisign-ed25519';

/** Our own reasons, told apart from zod's texts (whose language depends on the process's z.config locale). */
const OWN_REASONS = new Set<string>();
function own(reason: string): string {
  OWN_REASONS.add(reason);
  return reason;
}

const HEX64 = /^[0-9a-f]{64}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// ISO 8601 with an explicit offset: a creation time without one means a different instant on each machine
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whole numbers JSON and JavaScript agree on: 2^60 would be read as a different number than written. */
const safeInt = (min: number) => z.number().int().min(min).max(Number.MAX_SAFE_INTEGER);
const sequenceSchema = safeInt(1);
const isoDate = z.string().refine(isIsoDate, own('应为有效日期（YYYY-MM-DD）'));
const countSchema = z.number().int().min(0).max(PACKAGE_LIMITS.rows);
const countsSchema = z.object(Object.fromEntries(DATA_PARTS.map((p) => [p, countSchema])) as Record<DataPart, typeof countSchema>).strict();
const courtCode = z.string().min(1).max(32);

export const manifestSchema = z
  .object({
    formatVersion: z.literal(FORMAT_VERSION),
    suite: z.literal(SUITE),
    packageId: z.string().regex(UUID_RE, own('应为小写 UUID')),
    sender: z.object({ courtCode, courtName: z.string().min(1).max(100) }).strict(),
    recipient: z.object({ courtCode, fingerprint: z.string().regex(HEX64, own('应为 64 位小写十六进制')) }).strict(),
    period: z.object({ from: isoDate, to: isoDate }).strict(),
    kind: z.enum(['full', 'incremental']),
    baseSequence: sequenceSchema.nullable(),
    sequence: sequenceSchema,
    schemaVersion: safeInt(1),
    createdAt: z
      .string()
      .regex(DATETIME_RE, own('应为带时区的 ISO 8601 时间'))
      .refine((s) => !Number.isNaN(Date.parse(s)), own('应为有效时间')),
    includesPartyNames: z.boolean(),
    counts: countsSchema,
    payloadSha256: z.string().regex(HEX64, own('应为 64 位小写十六进制')),
    keyRotation: z
      .object({ publicKey: z.string().min(1).max(200), fromSequence: sequenceSchema, proof: z.string().min(1).max(2000) })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.period.from > m.period.to) ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: own('不能早于起始日期') });
    if (m.kind === 'full' && m.baseSequence !== null)
      ctx.addIssue({ code: 'custom', path: ['baseSequence'], message: own('全量报送包不应有基准序号') });
    if (m.kind === 'incremental' && (m.baseSequence === null || m.baseSequence >= m.sequence))
      ctx.addIssue({ code: 'custom', path: ['baseSequence'], message: own('增量报送包的基准序号应小于本包序号') });
    const total = DATA_PARTS.reduce((s, p) => s + m.counts[p], 0);
    if (total > PACKAGE_LIMITS.rows) ctx.addIssue({ code: 'custom', path: ['counts'], message: own(`行数合计超过 ${PACKAGE_LIMITS.rows} 行的上限`) });
  });

export type Manifest = z.infer<typeof manifestSchema>;

export type ManifestCheck =
  | { ok: true; manifest: Manifest }
  | { ok: false; code: 'bom' | 'utf8' | 'json' | 'duplicateKey' | 'formatVersion' | 'schema' | 'tooLarge'; message: string };

type TextCheck = { ok: true; value: unknown } | { ok: false; code: 'bom' | 'utf8' | 'json' | 'duplicateKey' | 'tooLarge'; message: string };

/** Bytes → strict JSON value: size cap, no BOM, valid UTF-8, no duplicate keys; `label` names the file in messages. */
function readStrictJsonBytes(bytes: Uint8Array, label: string, maxBytes: number): TextCheck {
  if (bytes.length > maxBytes) return { ok: false, code: 'tooLarge', message: `${label}超过 ${maxBytes / 1024} KiB 的上限` };
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { ok: false, code: 'bom', message: `${label}以 BOM（字节顺序标记）开头，不是规定的 UTF-8 无 BOM 格式` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, code: 'utf8', message: `${label}不是有效的 UTF-8 文本` };
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return { ok: false, code: parsed.code, message: `${label}：${parsed.message}` };
  return { ok: true, value: parsed.value };
}

/** The value at `path` in what was parsed, to tell a missing field from one of the wrong type. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function issueMessage(label: string, error: z.ZodError, input: unknown): string {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.') || '（整体）';
  let reason: string;
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) reason = '缺失';
  else if (issue.code === 'unrecognized_keys') return `${label}含有未定义的字段「${issue.keys.join('、').slice(0, 80)}」${field === '（整体）' ? '' : `（位于「${field}」）`}`;
  else if (OWN_REASONS.has(issue.message)) reason = issue.message;
  else if (issue.code === 'invalid_type') reason = `类型不对（应为${issue.expected === 'number' ? '数字' : issue.expected === 'string' ? '文本' : issue.expected}）`;
  else if (issue.code === 'too_big' || issue.code === 'too_small') reason = '超出允许范围';
  else if (issue.code === 'invalid_value') reason = '取值不在允许范围内';
  else reason = '格式不对';
  if (field === 'sequence' || field === 'baseSequence' || field === 'keyRotation.fromSequence')
    if (!OWN_REASONS.has(issue.message) && reason !== '缺失') reason = '应为 1 至 2^53−1 之间的整数';
  return `${label}的字段「${field}」${reason}`;
}

const MANIFEST_LABEL = '报送包清单（manifest.json）';

export function parseManifest(bytes: Uint8Array): ManifestCheck {
  const read = readStrictJsonBytes(bytes, MANIFEST_LABEL, PACKAGE_LIMITS.manifestBytes);
  if (!read.ok) return read;
  const value = read.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, code: 'schema', message: `${MANIFEST_LABEL}应为一个 JSON 对象` };
  // the version first: a later format gets "update CourtDesk", not a list of fields this version does not know
  const version = (value as Record<string, unknown>).formatVersion;
  if (version === undefined) return { ok: false, code: 'schema', message: `${MANIFEST_LABEL}的字段「formatVersion」缺失` };
  if (version !== FORMAT_VERSION)
    return {
      ok: false,
      code: 'formatVersion',
      message: `报送包格式版本（formatVersion）为 ${JSON.stringify(version).slice(0, 20)}，本软件只支持版本 ${FORMAT_VERSION}；请升级 CourtDesk 或请报送法院重新生成`,
    };
  const result = manifestSchema.safeParse(value);
  if (!result.success) return { ok: false, code: 'schema', message: issueMessage(MANIFEST_LABEL, result.error, value) };
  return { ok: true, manifest: result.data };
}

/** Recursively rebuilds `value` with keys in sorted order, so the bytes depend only on the content. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** Canonical bytes: sorted keys, two-space indent (IT staff read it with `cat`), LF, UTF-8 without BOM. */
function encodeCanonical(value: unknown): Buffer {
  return Buffer.from(new TextEncoder().encode(`${JSON.stringify(sortKeys(value), null, 2)}\n`));
}

/** Canonical manifest bytes; throws on an invalid manifest, which is a programming error at the exporting side. */
export function encodeManifest(m: Manifest): Buffer {
  return encodeCanonical(manifestSchema.parse(m));
}

const partSchema = z.object({ sha256: z.string().regex(HEX64, own('应为 64 位小写十六进制')), bytes: safeInt(0) }).strict();

export const contentSchema = z
  .object({
    packageId: z.string().regex(UUID_RE, own('应为小写 UUID')),
    sender: z.object({ courtCode }).strict(),
    sequence: sequenceSchema,
    kind: z.enum(['full', 'incremental']),
    baseSequence: sequenceSchema.nullable(),
    schemaVersion: safeInt(1),
    counts: countsSchema,
    parts: z.object(Object.fromEntries(DATA_PARTS.map((p) => [p, partSchema])) as Record<DataPart, typeof partSchema>).strict(),
  })
  .strict();

export type Content = z.infer<typeof contentSchema>;

const CONTENT_LABEL = '加密内容的目录（content.json）';

export function parseContent(bytes: Uint8Array): { ok: true; content: Content } | { ok: false; message: string } {
  const read = readStrictJsonBytes(bytes, CONTENT_LABEL, PACKAGE_LIMITS.manifestBytes);
  if (!read.ok) return { ok: false, message: read.message };
  const result = contentSchema.safeParse(read.value);
  if (!result.success) return { ok: false, message: issueMessage(CONTENT_LABEL, result.error, read.value) };
  return { ok: true, content: result.data };
}

/** Canonical content.json bytes (for the exporting side). */
export function encodeContent(c: Content): Buffer {
  return encodeCanonical(contentSchema.parse(c));
}

/**
 * Where content.json (under the encryption) and manifest.json (under the signature) disagree, in Chinese, or null.
 * Why: a court could otherwise re-sign another court's ciphertext under its own manifest.
 */
export function contentDisagreement(content: Content, manifest: Manifest): string | null {
  const lead = '加密内容与清单不一致：';
  if (content.sender.courtCode !== manifest.sender.courtCode)
    return `${lead}内容属于法院「${content.sender.courtCode.slice(0, 32)}」，清单写的是「${manifest.sender.courtCode}」`;
  if (content.packageId !== manifest.packageId) return `${lead}报送包编号不同`;
  if (content.sequence !== manifest.sequence) return `${lead}序号不同（内容 ${content.sequence}，清单 ${manifest.sequence}）`;
  if (content.kind !== manifest.kind) return `${lead}报送类型（全量/增量）不同`;
  if (content.baseSequence !== manifest.baseSequence)
    return `${lead}增量基准序号不同（内容 ${content.baseSequence ?? '无'}，清单 ${manifest.baseSequence ?? '无'}）`;
  if (content.schemaVersion !== manifest.schemaVersion)
    return `${lead}数据结构版本不同（内容 ${content.schemaVersion}，清单 ${manifest.schemaVersion}）`;
  for (const part of DATA_PARTS)
    if (content.counts[part] !== manifest.counts[part])
      return `${lead}「${part}」的行数不同（内容 ${content.counts[part]}，清单 ${manifest.counts[part]}）`;
  return null;
}
