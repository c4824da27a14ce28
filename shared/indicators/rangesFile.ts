// The ranges file the intermediate court sends (JSON, or a sheet with columns 指标 / 下限 / 上限), read all or nothing into checked ranges. Pure.
import { INDICATORS, type IndicatorId } from './catalogue';
import { indicatorByName, isRanged, rangeProblem, type IndicatorRange } from './ranges';
import { isIsoDate } from '../dates/calendar';

/** The JSON document's format name; the signed return file of issue 15 is to carry this document unchanged. */
export const RANGES_FORMAT = 'courtdesk-indicator-ranges';
export const RANGES_FORMAT_VERSION = 1;

/** A ranges file read and checked: who issued it (a sheet says nothing of that) and one range per indicator named. */
export interface RangesFileContent {
  court: string | null;
  issuedOn: string | null;
  ranges: Array<{ id: IndicatorId } & IndicatorRange>;
}

export type RangesFileResult = { ok: true; value: RangesFileContent } | { ok: false; error: string };

const fail = (error: string): RangesFileResult => ({ ok: false, error });

/** A bound as a file writes it: a number, "95%", or empty / 无 / — / null for an open end. undefined: not a number. */
export function parseBound(v: unknown): number | null | undefined {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim().replace(/[%％]$/, '').trim();
  if (t === '' || t === '无' || t === '-' || t === '—' || t.toLowerCase() === 'none' || t.toLowerCase() === 'null') return null;
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** One entry, checked: its message names where it stands (第 3 行 or the id) and the indicator. */
function entry(where: string, name: unknown, low: unknown, high: unknown, seen: Set<IndicatorId>): ({ id: IndicatorId } & IndicatorRange) | string {
  const text = typeof name === 'string' ? name : name === null || name === undefined ? '' : String(name);
  if (text.trim() === '') return `${where}：没有填写指标`;
  const id = indicatorByName(text);
  if (!id) return `${where}：没有名为“${text.trim().slice(0, 40)}”的指标`;
  const def = INDICATORS[id];
  if (!isRanged(id)) return `${where}（${def.name}）：${def.name}是分布，不设合理区间`;
  if (seen.has(id)) return `${where}（${def.name}）：该指标在文件中出现了两次`;
  const lo = parseBound(low);
  const hi = parseBound(high);
  if (lo === undefined) return `${where}（${def.name}）：下限“${String(low).slice(0, 20)}”不是数字`;
  if (hi === undefined) return `${where}（${def.name}）：上限“${String(high).slice(0, 20)}”不是数字`;
  const problem = rangeProblem(def, { low: lo, high: hi });
  if (problem) return `${where}（${def.name}）：${problem}`;
  seen.add(id);
  return { id, low: lo, high: hi };
}

/**
 * The JSON document: {"format": "courtdesk-indicator-ranges", "version": 1, "court": {"code", "name"},
 * "issuedOn": "YYYY-MM-DD", "ranges": {"clearanceRate": {"low": 100, "high": null}, …}}. Keys it does not know are
 * refused, so a later version is never half understood.
 */
export function parseRangesJson(text: string): RangesFileResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return fail('文件不是有效的 JSON 文档');
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return fail('文件不是合理区间文件（应为一个 JSON 对象）');
  const d = doc as Record<string, unknown>;
  const extra = Object.keys(d).filter((k) => !['format', 'version', 'court', 'issuedOn', 'ranges'].includes(k));
  if (d.format !== RANGES_FORMAT) return fail(`文件不是合理区间文件（format 应为 ${RANGES_FORMAT}）`);
  if (d.version !== RANGES_FORMAT_VERSION) return fail(`本程序只能读取第 ${RANGES_FORMAT_VERSION} 版的合理区间文件，文件是第 ${String(d.version).slice(0, 10)} 版`);
  if (extra.length) return fail(`文件含有本程序不认识的项：${extra.slice(0, 5).join('、')}`);
  let court: string | null = null;
  if (d.court !== undefined) {
    const c = d.court as Record<string, unknown> | null;
    if (typeof c !== 'object' || c === null || (c.code !== undefined && typeof c.code !== 'string') || (c.name !== undefined && typeof c.name !== 'string')) {
      return fail('court 应为 {"code": 法院代字, "name": 法院名称}');
    }
    court = [c.name, c.code ? `（${String(c.code)}）` : ''].filter(Boolean).join('').slice(0, 100) || null;
  }
  if (d.issuedOn !== undefined && (typeof d.issuedOn !== 'string' || !isIsoDate(d.issuedOn))) return fail('issuedOn（下发日期）应为 YYYY-MM-DD 格式的日期');
  if (typeof d.ranges !== 'object' || d.ranges === null || Array.isArray(d.ranges)) return fail('ranges 应为以指标代号为键的对象');
  const seen = new Set<IndicatorId>();
  const ranges: RangesFileContent['ranges'] = [];
  for (const [key, r] of Object.entries(d.ranges as Record<string, unknown>)) {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return fail(`${key.slice(0, 40)}：应为 {"low": 下限, "high": 上限}`);
    const o = r as Record<string, unknown>;
    const unknownKeys = Object.keys(o).filter((k) => k !== 'low' && k !== 'high');
    if (unknownKeys.length) return fail(`${key.slice(0, 40)}：不认识的项 ${unknownKeys.slice(0, 3).join('、')}`);
    // In JSON a bound is a number or null: "95" in quotes is a mistake worth naming.
    for (const [k, label] of [['low', '下限'], ['high', '上限']] as const) {
      if (o[k] !== undefined && o[k] !== null && typeof o[k] !== 'number') return fail(`${key.slice(0, 40)}：${label}“${String(o[k]).slice(0, 20)}”不是数字`);
    }
    const e = entry(key.slice(0, 40), key, o.low, o.high, seen);
    if (typeof e === 'string') return fail(e);
    ranges.push(e);
  }
  if (ranges.length === 0) return fail('文件中没有任何指标的合理区间');
  return { ok: true, value: { court, issuedOn: (d.issuedOn as string | undefined) ?? null, ranges } };
}

/**
 * A sheet cell formatted as a percentage holds the fraction (95 % is stored as 0.95), and the reader sees only the
 * number; a rate's bound between 0 and 1 is therefore refused rather than read as 0.95 %. Text such as "0.5%" passes.
 */
function percentFormatted(id: IndicatorId, cells: unknown[]): number | null {
  if (INDICATORS[id].kind !== 'ratio') return null;
  for (const c of cells) if (typeof c === 'number' && c > 0 && c < 1) return c;
  return null;
}

/** A sheet's rows (the first holds the headings 指标, 下限, 上限 in any order); numbered as the spreadsheet numbers them. */
export function parseRangesRows(rows: Array<{ rowNumber: number; cells: unknown[] }>): RangesFileResult {
  if (rows.length === 0) return fail('表格是空的');
  const head = rows[0].cells.map((c) => (typeof c === 'string' ? c.trim() : ''));
  const col = { name: head.indexOf('指标'), low: head.indexOf('下限'), high: head.indexOf('上限') };
  const missing = (['指标', '下限', '上限'] as const).filter((h) => !head.includes(h));
  if (missing.length) return fail(`第 ${rows[0].rowNumber} 行应为表头，缺少列：${missing.join('、')}`);
  const seen = new Set<IndicatorId>();
  const ranges: RangesFileContent['ranges'] = [];
  for (const row of rows.slice(1)) {
    const cell = (i: number) => row.cells[i] ?? null;
    if ([col.name, col.low, col.high].every((i) => cell(i) === null || cell(i) === '')) continue;
    const e = entry(`第 ${row.rowNumber} 行`, cell(col.name), cell(col.low), cell(col.high), seen);
    if (typeof e === 'string') return fail(e);
    const percentCell = percentFormatted(e.id, [cell(col.low), cell(col.high)]);
    if (percentCell !== null) {
      return fail(`第 ${row.rowNumber} 行（${INDICATORS[e.id].name}）：${percentCell} 像是设成百分比格式的单元格（表格里显示为 ${Math.round(percentCell * 10000) / 100}%）。请填写百分数的数值，如 95 表示 95%；确为不足 1% 的区间，请写成文字，如“0.5%”`);
    }
    ranges.push(e);
  }
  if (ranges.length === 0) return fail('表格中没有任何指标的合理区间');
  return { ok: true, value: { court: null, issuedOn: null, ranges } };
}
