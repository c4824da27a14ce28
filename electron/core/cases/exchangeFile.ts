// Reads an exchange .xml file, or a .zip batch of them, into the import's table (one row per case, in the import
// columns, so the CSV import's checks apply unchanged) plus what a table has no column for: the case's periods,
// extensions, conversion and the source system's own figures (法定审限天数, 审限届满日期) for 审限核对.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseImportDate, type ImportIssue, type ImportTable, type ImportValidation } from '../../../shared/cases/importColumns';
import { parseCaseNumber } from '../../../shared/cases/caseNumber';
import type { EventKind } from '../../../shared/cases/types';
import { readBounded } from './importFile';
import { count, ImportFileError, MAX_IMPORT_ROWS } from './importBounds';
import { ZipArchive } from './zipArchive';
import { EXCHANGE_NS, EXCHANGE_ROOTS, ExchangeFileError, field, find, HostileXmlError, MAX_XML_FILE_BYTES, parseExchangeXml, records, type XmlElement } from './exchangeXml';

const MiB = 1024 * 1024;
/** A batch of 100,000 case files is about 80 MB zipped (a case file is one to two kilobytes, deflated to half or less). */
export const MAX_ZIP_BYTES = 256 * MiB;
/**
 * All the XML of one ZIP together, inflated: five kilobytes a case for the most cases one import takes. Entries are
 * inflated one at a time and let go once parsed, so this bounds the work a ZIP can ask for, not the memory it takes.
 */
export const MAX_ZIP_INFLATED_BYTES = 1024 * MiB;
/** Entries of any kind (folders, stray files included): room for the most cases one import takes, and their folders. */
export const MAX_ZIP_ENTRIES = MAX_IMPORT_ROWS + 50_000;
/**
 * An entry that inflates to more than this many times its stored size is not a case file but a zip bomb: XML deflates
 * to a fifth or a tenth, and even a file of one repeated character stays under 1,030 to 1 (deflate's own limit). Asked
 * only of entries past BOMB_CHECK_BYTES, where the ratio says something.
 */
export const MAX_COMPRESSION_RATIO = 100;
const BOMB_CHECK_BYTES = 256 * 1024;

/** The import columns the exchange fields fill, and the element each comes from (named in messages). */
const COLUMNS: ReadonlyArray<[header: string, element: string]> = [
  ['案号', '案号'], ['案由', '立案案由名称'], ['审判程序', '适用程序名称'], ['立案日期', '立案日期'], ['承办部门', '承办审判庭'],
  ['承办法官', '承办人'], ['结案日期', '结案日期'], ['结案方式', '结案方式名称'], ['标的额（元）', '诉讼标的金额'], ['原告', '当事人'],
  ['被告', '当事人'], ['是否上诉', '上诉情况'], ['原审案号', '原案情况/案号'],
];
const HEADERS = COLUMNS.map(([h]) => h);
const ELEMENT_OF = new Map(COLUMNS);

export interface ExchangeEvent { kind: EventKind; fromOn: string; toOn: string | null; note: string | null }
export interface ExchangeExtension { months: number; days: number; reason: string; requestedOn: string; status: 'approved' | 'rejected'; decidedOn: string }
export interface ExchangeSource {
  courtCode: string | null;
  courtName: string | null;
  originCourtCode: string | null;
  limitDays: number | null;
  dueOn: string | null;
}

/** One case file's facts beyond the table's columns. */
export interface ExchangeCase {
  row: number;
  entry: string;
  events: ExchangeEvent[];
  extensions: ExchangeExtension[];
  convertedOn: string | null;
  source: ExchangeSource;
}

export interface ExchangeRead extends ImportTable {
  format: 'xml' | 'zip';
  encoding?: undefined;
  sha256: string;
  cases: Map<number, ExchangeCase>;
  /** Per-file problems found while reading: rows (files) refused, and files skipped or with parts left out. */
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

export function isExchangeFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return ext === '.xml' || ext === '.zip';
}

/** Reads the file; a file that is not exchange XML at all (or any DTD anywhere in a batch) throws, naming it. */
export function readExchangeFile(file: string, today: string): ExchangeRead {
  const name = path.basename(file);
  const zip = path.extname(file).toLowerCase() === '.zip';
  const bytes = readBounded(file, zip ? MAX_ZIP_BYTES : MAX_XML_FILE_BYTES);
  if (bytes.length === 0) throw new ImportFileError(`文件“${name}”为空`, 'empty');
  const read: ExchangeRead = {
    format: zip ? 'zip' : 'xml', headers: HEADERS, rows: [], sha256: createHash('sha256').update(bytes).digest('hex'),
    cases: new Map(), errors: [], warnings: [],
  };
  if (!zip) {
    // One file: not being exchange XML refuses the import, as an unreadable spreadsheet does.
    const parsed = parseExchangeXml(bytes, name);
    addCase(read, 1, name, parsed, today, true);
    return read;
  }
  let n = 0;
  for (const { entry, data } of zipEntries(bytes, name)) {
    const row = ++n;
    try {
      addCase(read, row, entry, parseExchangeXml(data, entry), today, false);
    } catch (err) {
      if (err instanceof HostileXmlError) throw new ExchangeFileError(`压缩包“${name}”中的${err.message}；整个压缩包未导入`, 'invalid_xml');
      if (!(err instanceof ExchangeFileError)) throw err;
      read.errors.push({ row, column: null, message: err.message });
    }
  }
  if (read.rows.length === 0 && read.errors.length === 0) read.warnings.push({ row: null, column: null, message: `压缩包“${name}”中没有可导入的案件 XML` });
  return read;
}

/**
 * The .xml entries of a ZIP, each inflated only when the loop reaches it (within the import's bounds, zipArchive.ts,
 * and this reader's caps), so one entry's XML is in memory at a time. Every declared size is checked against the caps
 * before the first entry is inflated: a bomb is refused before it costs anything, and inflating never exceeds what an
 * entry declared.
 */
function* zipEntries(bytes: Buffer, name: string): Generator<{ entry: string; data: Buffer }> {
  const notZip = (err: unknown) => {
    if (err instanceof ImportFileError && err.reason === 'invalid_xlsx') {
      return new ExchangeFileError(err.message.replace('文件不是有效的 .xlsx 文件', `文件“${name}”不是有效的 ZIP 压缩包`), 'invalid_xml');
    }
    return err;
  };
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(bytes, name);
  } catch (err) {
    throw notZip(err);
  }
  if (zip.entries.length > MAX_ZIP_ENTRIES) throw new ExchangeFileError(`压缩包“${name}”中的文件超过 ${count(MAX_ZIP_ENTRIES)} 个，请分成几个压缩包导入`, 'too_large');
  const xml = zip.entries.filter((e) => !(e.name.endsWith('/') || e.name.startsWith('__MACOSX/') || path.posix.basename(e.name).startsWith('.')) && e.name.toLowerCase().endsWith('.xml'));
  if (xml.length > MAX_IMPORT_ROWS) {
    throw new ExchangeFileError(`压缩包“${name}”中有 ${count(xml.length)} 个案件 XML，一次最多导入 ${count(MAX_IMPORT_ROWS)} 件，请分成几个压缩包导入`, 'too_large');
  }
  let total = 0;
  for (const e of xml) {
    if (e.size > MAX_XML_FILE_BYTES) throw new ExchangeFileError(`压缩包“${name}”中的“${e.name}”解压后超过 ${MAX_XML_FILE_BYTES / MiB} MB，不是一件案件的数据交换 XML`, 'too_large');
    if (e.size > BOMB_CHECK_BYTES && e.size > MAX_COMPRESSION_RATIO * e.compressedSize) {
      throw new ExchangeFileError(`压缩包“${name}”中的“${e.name}”压缩比异常（${count(e.compressedSize)} 字节解压为 ${count(e.size)} 字节），疑似压缩炸弹，整个压缩包未导入`, 'too_large');
    }
    total += e.size;
    if (total > MAX_ZIP_INFLATED_BYTES) throw new ExchangeFileError(`压缩包“${name}”解压后超过 ${MAX_ZIP_INFLATED_BYTES / MiB} MB，请分成几个压缩包导入`, 'too_large');
  }
  for (const e of xml) {
    let data: Buffer;
    try {
      data = zip.bytes(e);
    } catch (err) {
      throw notZip(err);
    }
    yield { entry: e.name, data };
  }
}

/** Maps one parsed file into a table row and its extras; problems of the file become issues naming it. */
function addCase(read: ExchangeRead, row: number, entry: string, parsed: { root: XmlElement; uri: string }, today: string, single: boolean): void {
  const { root, uri } = parsed;
  if (uri !== EXCHANGE_NS) {
    const msg = `文件“${entry}”不是法院数据交换 XML（根元素“${root.name}”${uri ? `的命名空间为“${uri}”` : '没有命名空间'}，应为 ${EXCHANGE_NS}）`;
    if (single) throw new ExchangeFileError(`${msg}，不能导入`, 'invalid_xml');
    read.errors.push({ row, column: null, message: msg });
    return;
  }
  if (!(EXCHANGE_ROOTS as readonly string[]).includes(root.name)) {
    read.warnings.push({ row: null, column: null, message: `文件“${entry}”是“${root.name}”，本程序只导入${EXCHANGE_ROOTS.join('、')}，已跳过` });
    return;
  }
  const at = (element: string, message: string) => read.errors.push({ row, column: element, message: `文件“${entry}”〈${element}〉：${message}` });
  const warn = (element: string, message: string) => read.warnings.push({ row, column: element, message: `文件“${entry}”〈${element}〉：${message}` });
  const basic = root.children.find((c) => c.name.endsWith('基本信息')) ?? null;
  if (!basic) {
    at(`${root.name}基本信息`, '缺少案件基本信息，无法导入');
    return;
  }
  const f = (name: string) => field(basic, name);
  const date = (text: string | null) => (text === null ? null : text.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, ''));
  const parsedNumber = parseCaseNumber(f('案号') ?? '');
  const typeCode = parsedNumber.ok ? parsedNumber.value.typeCode : '';

  // Parties by their standing; criminal cases list defendants and private prosecutors in blocks of their own.
  const plaintiffs: string[] = [];
  const defendants: string[] = [];
  const prosecutor = f('公诉机关');
  if (prosecutor) plaintiffs.push(prosecutor);
  for (const r of records(find(root, '当事人'))) {
    const standing = field(r, '诉讼地位名称') ?? '';
    const who = field(r, '名称') ?? field(r, '姓名');
    if (!who) continue;
    if (standing.startsWith('被')) defendants.push(who);
    else if (/原告|申请人|申请执行人|上诉人|起诉人|自诉人/.test(standing)) plaintiffs.push(who);
  }
  for (const r of records(find(root, '被告人信息'))) {
    const who = field(r, '名称') ?? field(r, '姓名');
    if (who) defendants.push(who);
  }
  for (const r of records(find(root, '自诉人信息'))) {
    const who = field(r, '名称') ?? field(r, '姓名');
    if (who) plaintiffs.push(who);
  }
  const appeal = find(root, '上诉情况');
  const appealed = appeal !== null && (records(appeal).length > 0 || field(appeal, '上诉人') !== null);
  const origin = records(find(root, '原案情况'))[0] ?? null;

  const converted = records(find(root, '程序变更')).some((r) => /转.*普通程序/.test(field(r, '变更类型名称') ?? ''));
  const cells: Record<string, string | null> = {
    案号: f('案号'),
    案由: f('立案案由名称') ?? f('案由名称') ?? f('案由'),
    // The procedure matters for first instance only; elsewhere the import would only warn that it is ignored.
    // A case converted to ordinary procedure is tried under it, whatever the procedure field says (简易程序转普通程序).
    审判程序: !typeCode.endsWith('初') ? null : converted ? '普通程序' : procedureOf(f('适用程序名称')),
    立案日期: date(f('立案日期')),
    承办部门: f('承办审判庭'),
    承办法官: f('承办人'),
    结案日期: date(f('结案日期')),
    结案方式: closingMethodOf(f('结案方式名称')),
    '标的额（元）': f('诉讼标的金额'),
    原告: plaintiffs.length ? plaintiffs.join('；') : null,
    被告: defendants.length ? defendants.join('；') : null,
    是否上诉: appealed ? '是' : null,
    原审案号: field(origin, '案号'),
  };
  read.rows.push({ rowNumber: row, cells: HEADERS.map((h) => cells[h]) });

  const filed = cells.立案日期 ? parseImportDate(cells.立案日期) : null;
  const filedOn = filed?.ok ? filed.value : null;
  const closed = cells.结案日期 ? parseImportDate(cells.结案日期) : null;
  const closedOn = closed?.ok ? closed.value : null;
  const day = (element: string, text: string | null, required: boolean): string | null | undefined => {
    if (text === null) {
      if (required) at(element, '不能为空');
      return required ? undefined : null;
    }
    const p = parseImportDate(date(text));
    if (!p.ok) {
      at(element, p.error);
      return undefined;
    }
    if (p.value > today) {
      at(element, `日期 ${p.value} 晚于今天 ${today}`);
      return undefined;
    }
    return p.value;
  };
  const period = (element: string, kind: EventKind, from: string | null | undefined, to: string | null | undefined, note: string | null, events: ExchangeEvent[]) => {
    if (!from || to === undefined) return;
    if (filedOn && from < filedOn) return at(element, `开始日期 ${from} 早于立案日期 ${filedOn}`);
    if (to !== null && to < from) return at(element, `结束日期 ${to} 早于开始日期 ${from}`);
    if (to === null && closedOn) return at(element, `案件已于 ${closedOn} 结案，${kind}期间却没有结束日期`);
    events.push({ kind, fromOn: from, toOn: to, note: note ? note.slice(0, 200) : null });
  };

  const events: ExchangeEvent[] = [];
  records(find(root, '扣除审限')).forEach((r, i) => {
    const element = `扣除审限第${i + 1}条`;
    const typeName = field(r, '扣除审限类型名称');
    const kind = deductionKind(typeName);
    const from = day(`${element}/起始日期`, field(r, '起始日期'), true);
    const to = day(`${element}/结束日期`, field(r, '结束日期'), false);
    if (!kind) {
      warn(`${element}/扣除审限类型名称`, `扣除审限类型“${typeName ?? '（空）'}”不是本程序认识的类型（${DEDUCTION_KINDS.join('、')}），该期间未导入`);
      return;
    }
    period(element, kind, from, to, field(r, '扣除审限事由名称'), events);
  });
  records(find(root, '中止恢复')).forEach((r, i) => {
    const element = `中止恢复第${i + 1}条`;
    const from = day(`${element}/中止日期`, field(r, '中止日期'), true);
    const to = day(`${element}/恢复日期`, field(r, '恢复日期'), false);
    period(element, '中止', from, to, field(r, '中止事由名称'), events);
  });
  const extensions: ExchangeExtension[] = [];
  records(find(root, '延长审限')).forEach((r, i) => {
    const element = `延长审限第${i + 1}条`;
    const lengthText = field(r, '延长期间名称');
    const span = parseLength(lengthText);
    const requestedOn = day(`${element}/申请日期`, field(r, '申请日期'), false);
    const startOn = day(`${element}/开始日期`, field(r, '开始日期'), false);
    if (!span) return void at(`${element}/延长期间名称`, `延长期间“${lengthText ?? '（空）'}”无法识别，应如 6个月、六个月、三十日、30天`);
    const on = requestedOn ?? startOn;
    if (requestedOn === undefined || startOn === undefined) return;
    if (!on) return void at(`${element}/申请日期`, '申请日期和开始日期都为空');
    const opinion = field(r, '审批意见') ?? '';
    // Counted only when the source shows it decided: a start date, or an opinion that approves. A request still
    // pending (no start date, no opinion) must not move the due date, or it would hide an overdue case.
    const refused = /不同意|不准|不予|驳回|不批准|未同意|未批准|拒绝|^否$/.test(opinion.trim());
    const approved = !refused && (startOn !== null || /同意|批准|准予/.test(opinion));
    if (!refused && !approved) return void warn(element, `未载明审批结果（无开始日期，审批意见“${opinion || '（空）'}”），该延长未计入审限`);
    extensions.push({
      ...span, requestedOn: on, decidedOn: startOn ?? on, reason: (field(r, '申请事由或原因名称') ?? '数据交换导入').slice(0, 100),
      status: refused ? 'rejected' : 'approved',
    });
  });
  // One suspension at a time, and nothing else inside one: what the case form refuses, a file may not bring either.
  const suspensions = events.filter((e) => e.kind === '中止');
  if (suspensions.filter((e) => e.toOn === null).length > 1) at('中止恢复', '有两段以上尚未恢复的中止');
  const clash = events.find((e, i) => events.some((o, j) => j !== i && (o.kind === '中止' || e.kind === '中止') && o.fromOn < (e.toOn ?? '9999-12-31') && e.fromOn < (o.toOn ?? '9999-12-31')));
  if (clash) at('中止恢复', `${clash.kind} ${clash.fromOn} 起的期间与中止期间重叠`);
  let convertedOn: string | null = null;
  for (const r of records(find(root, '程序变更'))) {
    const kind = field(r, '变更类型名称') ?? '';
    if (!/转.*普通程序/.test(kind)) continue;
    const on = day('程序变更/变更日期', field(r, '变更日期'), true);
    if (on) convertedOn = on;
  }
  const limitText = f('法定审限天数');
  let limitDays: number | null = null;
  if (limitText !== null) {
    // The stored figure is held to 0–36,500 days (migration 9): a larger one is a slip in the source.
    if (/^\d{1,5}$/.test(limitText) && Number(limitText) <= 36_500) limitDays = Number(limitText);
    else warn('法定审限天数', `“${limitText}”不是整数天数，未用于审限核对`);
  }
  let dueOn: string | null = null;
  const dueText = date(f('审限届满日期'));
  if (dueText !== null) {
    const p = parseImportDate(dueText);
    if (p.ok) dueOn = p.value;
    else warn('审限届满日期', `${p.error}，未用于审限核对`);
  }
  read.cases.set(row, {
    row, entry, events, extensions, convertedOn,
    source: { courtCode: f('经办法院代码')?.slice(0, 20) ?? null, courtName: f('经办法院名称')?.slice(0, 50) ?? null, originCourtCode: field(origin, '经办法院代码')?.slice(0, 20) ?? null, limitDays, dueOn },
  });
}

const DEDUCTION_KINDS: EventKind[] = ['公告', '鉴定', '审计', '评估', '和解', '调解', '管辖异议', '暂缓执行', '拍卖'];

/** The exchange's names of deducted periods, to CourtDesk's event kinds (管辖权异议 → 管辖异议 …); null when unknown. */
export function deductionKind(name: string | null): EventKind | null {
  if (!name) return null;
  if (/管辖/.test(name)) return '管辖异议';
  if (/鉴定/.test(name)) return '鉴定';
  if (/审计/.test(name)) return '审计';
  if (/评估/.test(name)) return '评估';
  if (/公告/.test(name)) return '公告';
  if (/和解/.test(name)) return '和解';
  if (/暂缓执行/.test(name)) return '暂缓执行';
  if (/拍卖|变卖/.test(name)) return '拍卖';
  if (/调解/.test(name)) return '调解';
  return null;
}

function procedureOf(name: string | null): string | null {
  if (!name) return null;
  if (/转.*普通/.test(name)) return '普通程序';
  for (const p of ['小额诉讼程序', '速裁程序', '简易程序', '普通程序']) if (name.includes(p.slice(0, 2))) return p;
  return name;
}

function closingMethodOf(name: string | null): string | null {
  if (!name) return null;
  const known = ['判决', '调解', '撤诉', '驳回起诉', '裁定', '移送', '执行完毕', '终结本次执行', '其他'];
  if (known.includes(name)) return name;
  for (const k of ['终结本次执行', '执行完毕', '驳回起诉', '撤诉', '调解', '移送', '判决', '裁定']) if (name.includes(k)) return k;
  return name;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese or Arabic number up to 999: 6, 六, 十, 十五, 三十, 一百二十. */
function chineseNumber(s: string): number | null {
  const t = s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (/^\d{1,3}$/.test(t)) return Number(t);
  const m = /^(?:([一二两三四五六七八九])百)?(?:([一二两三四五六七八九])?(十))?([零〇一二两三四五六七八九])?$/.exec(t);
  if (!m || t === '') return null;
  const hundreds = m[1] ? DIGITS[m[1]] * 100 : 0;
  const tens = m[3] ? (m[2] ? DIGITS[m[2]] : 1) * 10 : 0;
  const ones = m[4] ? DIGITS[m[4]] : 0;
  return hundreds + tens + ones;
}

/** A length such as 6个月, 六个月, 三十日, 30天, 1个月15日; null when not one. */
export function parseLength(text: string | null): { months: number; days: number } | null {
  if (!text) return null;
  const m = /^(?:(.+?)个?月)?(?:(.+?)[日天])?$/.exec(text.replace(/\s+/g, ''));
  if (!m || (!m[1] && !m[2])) return null;
  const months = m[1] ? chineseNumber(m[1]) : 0;
  const days = m[2] ? chineseNumber(m[2]) : 0;
  if (months === null || days === null || months + days === 0 || months > 120 || days > 3650) return null;
  return { months, days };
}

/**
 * Folds the reader's issues into the table's validation: the table's messages name the file and element instead of a
 * row and column, and a file refused while reading loses its row.
 */
export function mergeExchangeIssues(v: ImportValidation, read: ExchangeRead): void {
  const entryOf = (row: number) => read.cases.get(row)?.entry ?? `第${row}个文件`;
  const rename = (i: ImportIssue): ImportIssue => {
    if (i.row === null) return i;
    const element = (i.column && ELEMENT_OF.get(i.column)) ?? i.column;
    const message = i.message
      .replace(/^第\d+行(?:“[^”]*”)?：?/, `文件“${entryOf(i.row)}”${element ? `〈${element}〉` : ''}：`)
      .replace(/第(\d+)行/g, (_, n) => `文件“${entryOf(Number(n))}”`);
    return { row: i.row, column: element, message };
  };
  v.errors = [...v.errors.map(rename), ...read.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  v.warnings = [...v.warnings.filter((w) => !(w.row === null && w.message === '文件中没有数据行')).map(rename), ...read.warnings];
  const refused = new Set(v.errors.map((e) => e.row));
  v.rows = v.rows.filter((r) => !refused.has(r.row));
}
