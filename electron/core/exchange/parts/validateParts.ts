// Checks a received package's data parts row by row (strict UTF-8 NDJSON/JSON, the row schemas, the sender's case numbers, no duplicates, counts as declared) before anything is written.
import type { z } from 'zod';
import { parseCaseNumber } from '../../../../shared/cases/caseNumber';
import {
  DATA_PARTS, MAX_LINE_BYTES, MAX_TOTAL_ROWS, caseRowSchema, deletionRowSchema, eventRowSchema, extensionDecisionRowSchema,
  extensionRequestRowSchema, indicatorsPartSchema, rangesPartSchema, auditChainPartSchema, type DataPart, type ReceivedRows,
} from '../../../../shared/exchange/parts';
import { ledgerPartProblem, ledgerPartRows, ledgerPartSchema } from '../../../../shared/ledger/exchangePart';

export type { ReceivedRows } from '../../../../shared/exchange/parts';

export interface ValidateContext {
  senderCode: string;
  kind: 'full' | 'incremental';
  counts: Record<DataPart, number>;
  /** The manifest's period, when given: indicators.json must be that period's figures. */
  period?: { from: string; to: string };
}

/** code: 'ledger' when ledger.json is at fault (its own refusal code), otherwise 'rows'. */
export type ValidateResult = { ok: true; rows: ReceivedRows } | { ok: false; code: 'rows' | 'ledger'; message: string };

class Refusal extends Error {
  constructor(
    message: string,
    readonly code: 'rows' | 'ledger' = 'rows',
  ) {
    super(message);
  }
}
const refuse = (message: string): never => {
  throw new Refusal(message);
};

/** ledger.json read and checked on its own: a bad ledger refuses the package with its own code and a message naming the 台账. */
function ledgerRows(data: Buffer): ReceivedRows['ledger'] {
  try {
    const p = json('ledger.json', data, ledgerPartSchema);
    const problem = ledgerPartProblem(p, null);
    if (problem) refuse(`ledger.json：${problem}`);
    return p;
  } catch (e) {
    if (e instanceof Refusal) throw new Refusal(`报送包中的脱薄台账（${e.message}）不正确，未导入`, 'ledger');
    throw e;
  }
}

/**
 * JSON.parse makes "__proto__" an own key, which zod's record drops without a word when it copies the object: a key
 * no CourtDesk row has, refused outright (a substring test, cheaper than a reviver on 50,000 lines).
 */
const PROTO = '"__proto__"';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function text(part: DataPart, data: Buffer): string {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) refuse(`${part} 以 BOM 开头，不是报送包写出的格式`);
  try {
    return decoder.decode(data);
  } catch {
    return refuse(`${part} 不是有效的 UTF-8 文本`);
  }
}

/** The first issue of a zod error in words: the field's path and its message. */
function issueText(e: z.ZodError): string {
  const i = e.issues[0];
  const field = i.path.length ? `字段 ${i.path.join('.')}：` : '';
  return `${field}${i.message}`;
}

/** Parses every line of an NDJSON part with its schema; an empty part is zero rows; the last line ends with '\n'. */
function ndjson<T>(part: DataPart, data: Buffer, schema: z.ZodType<T>): T[] {
  const s = text(part, data);
  if (s === '') return [];
  if (!s.endsWith('\n')) refuse(`${part} 最后一行不完整（缺少换行），文件可能被截断`);
  const lines = s.slice(0, -1).split('\n');
  const out: T[] = [];
  for (let i = 0; i < lines.length; i++) {
    const at = `${part} 第 ${i + 1} 行`;
    const line = lines[i];
    if (line.length > MAX_LINE_BYTES / 3 && Buffer.byteLength(line) > MAX_LINE_BYTES) refuse(`${at}超过 1 MiB`);
    if (line.includes(PROTO)) refuse(`${at}含有不允许的字段名 __proto__`);
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      refuse(`${at}不是有效的 JSON`);
    }
    const r = schema.safeParse(v);
    if (!r.success) refuse(`${at}：${issueText(r.error)}`);
    out.push(r.data as T);
  }
  return out;
}

function json<T>(part: DataPart, data: Buffer, schema: z.ZodType<T>): T {
  const s = text(part, data);
  if (s.includes(PROTO)) refuse(`${part} 含有不允许的字段名 __proto__`);
  let v: unknown;
  try {
    v = JSON.parse(s);
  } catch (e) {
    if (e instanceof Refusal) throw e;
    refuse(`${part} 不是有效的 JSON`);
  }
  const r = schema.safeParse(v);
  if (!r.success) refuse(`${part}：${issueText(r.error)}`);
  return r.data as T;
}

/** The first duplicate key's line (1-based), or null. */
function duplicate<T>(rows: T[], key: (r: T) => string | number): number | null {
  const seen = new Set<string | number>();
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i]);
    if (seen.has(k)) return i + 1;
    seen.add(k);
  }
  return null;
}

function check(entries: Map<string, Buffer>, ctx: ValidateContext): ReceivedRows {
  for (const p of DATA_PARTS) if (!entries.has(p)) refuse(`报送包缺少 ${p}`);
  const get = (p: DataPart) => entries.get(p)!;
  const rows: ReceivedRows = {
    cases: ndjson('cases.ndjson', get('cases.ndjson'), caseRowSchema),
    events: ndjson('events.ndjson', get('events.ndjson'), eventRowSchema),
    extensionRequests: ndjson('extension_requests.ndjson', get('extension_requests.ndjson'), extensionRequestRowSchema),
    extensionDecisions: ndjson('extension_decisions.ndjson', get('extension_decisions.ndjson'), extensionDecisionRowSchema),
    indicators: json('indicators.json', get('indicators.json'), indicatorsPartSchema),
    ranges: json('ranges.json', get('ranges.json'), rangesPartSchema),
    deletions: ndjson('deletions.ndjson', get('deletions.ndjson'), deletionRowSchema),
    auditChain: json('audit_chain.json', get('audit_chain.json'), auditChainPartSchema),
    ledger: ledgerRows(get('ledger.json')),
  };
  const actual: Record<DataPart, number> = {
    'cases.ndjson': rows.cases.length,
    'events.ndjson': rows.events.length,
    'extension_requests.ndjson': rows.extensionRequests.length,
    'extension_decisions.ndjson': rows.extensionDecisions.length,
    'indicators.json': rows.indicators.groups.length,
    'ranges.json': rows.ranges.length,
    'deletions.ndjson': rows.deletions.length,
    'audit_chain.json': rows.auditChain.length - rows.auditChain.since,
    'ledger.json': ledgerPartRows(rows.ledger),
  };
  if (ctx.period && (rows.indicators.from !== ctx.period.from || rows.indicators.to !== ctx.period.to)) {
    refuse(`indicators.json 的期间 ${rows.indicators.from} 至 ${rows.indicators.to} 与清单的期间 ${ctx.period.from} 至 ${ctx.period.to} 不符`);
  }
  if (ctx.period && rows.ledger.asOf !== ctx.period.to) {
    throw new Refusal(`报送包中的脱薄台账（ledger.json：asOf ${rows.ledger.asOf} 与报送期末 ${ctx.period.to} 不符）不正确，未导入`, 'ledger');
  }
  let total = 0;
  for (const p of DATA_PARTS) {
    if (ctx.counts[p] !== actual[p]) refuse(`${p} 有 ${actual[p]} 行，与清单声明的 ${ctx.counts[p]} 行不符`);
    total += actual[p];
  }
  if (total > MAX_TOTAL_ROWS) refuse(`报送包共 ${total} 行，超过上限 ${MAX_TOTAL_ROWS} 行`);

  // Every case number is the sender's own: the case number's court code part names the court.
  rows.cases.forEach((c, i) => {
    const p = parseCaseNumber(c.caseNumber);
    if (!p.ok || p.value.canonical !== c.caseNumber) refuse(`cases.ndjson 第 ${i + 1} 行：案号“${c.caseNumber}”格式不正确`);
    else if (p.value.courtCode !== ctx.senderCode) refuse(`cases.ndjson 第 ${i + 1} 行：案号“${c.caseNumber}”属于 ${p.value.courtCode}，不是报送法院 ${ctx.senderCode} 的案件`);
  });
  const own = (part: DataPart, list: Array<{ caseNumber: string }>) => list.forEach((r, i) => {
    const p = parseCaseNumber(r.caseNumber);
    if (!p.ok || p.value.courtCode !== ctx.senderCode) refuse(`${part} 第 ${i + 1} 行：案号“${r.caseNumber}”不是报送法院 ${ctx.senderCode} 的案件`);
  });
  own('events.ndjson', rows.events);
  own('extension_requests.ndjson', rows.extensionRequests);

  const dupes: Array<[DataPart, number | null, string]> = [
    ['cases.ndjson', duplicate(rows.cases, (r) => r.caseNumber), '案号重复'],
    ['events.ndjson', duplicate(rows.events, (r) => r.id), '编号重复'],
    ['extension_requests.ndjson', duplicate(rows.extensionRequests, (r) => r.id), '编号重复'],
    ['extension_decisions.ndjson', duplicate(rows.extensionDecisions, (r) => r.id), '编号重复'],
    ['deletions.ndjson', duplicate(rows.deletions, (r) => `${r.entity}\u0000${r.key}`), '删除记录重复'],
  ];
  for (const [part, line, what] of dupes) if (line !== null) refuse(`${part} 第 ${line} 行：${what}`);
  const ig = duplicate(rows.indicators.groups, (g) => `${g.scope}\u0000${g.name}`);
  if (ig !== null) refuse(`indicators.json 第 ${ig} 组：分组重复`);
  const rg = duplicate(rows.ranges, (r) => r.id);
  if (rg !== null) refuse(`ranges.json 第 ${rg} 项：指标重复`);

  // A full package is the whole picture: everything it refers to travels with it, and it deletes nothing.
  if (ctx.kind === 'full') {
    if (rows.deletions.length) refuse('deletions.ndjson 第 1 行：全量报送包不应包含删除记录');
    const cases = new Set(rows.cases.map((c) => c.caseNumber));
    const requests = new Set(rows.extensionRequests.map((r) => r.id));
    const orphan = <T>(part: DataPart, list: T[], ok: (r: T) => boolean, what: string) => {
      const i = list.findIndex((r) => !ok(r));
      if (i >= 0) refuse(`${part} 第 ${i + 1} 行：${what}不在本报送包中`);
    };
    orphan('events.ndjson', rows.events, (r) => cases.has(r.caseNumber), '所属案件');
    orphan('extension_requests.ndjson', rows.extensionRequests, (r) => cases.has(r.caseNumber), '所属案件');
    orphan('extension_decisions.ndjson', rows.extensionDecisions, (r) => requests.has(r.requestId), '所属延长申请');
  }
  return rows;
}

/** Never throws on bad input: the first problem in Chinese, naming the part and the line. */
export function validateParts(entries: Map<string, Buffer>, ctx: ValidateContext): ValidateResult {
  try {
    return { ok: true, rows: check(entries, ctx) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}
