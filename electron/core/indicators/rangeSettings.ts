// The reasonable ranges kept in the settings row 'indicatorRanges': read over the defaults, set, reset and imported (all or nothing), each change audited.
import { z } from 'zod';
import { INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../../shared/indicators/catalogue';
import { effectiveRanges, isRanged, rangeProblem, type IndicatorRange, type RangeEntry, type RangeSource } from '../../../shared/indicators/ranges';
import { parseRangesJson, parseRangesRows, type RangesFileContent, type RangesFileResult } from '../../../shared/indicators/rangesFile';
import { nowStamp } from '../db/clock';
import { InputError } from '../kernel/errors';
import { readFirstSheetFast } from '../cases/xlsxSheet';
import { readFirstSheetWithExceljs } from '../cases/importFile';
import { FastPathUnsupported } from '../cases/zipArchive';
import type { SettingsStore } from '../settings/settingsStore';

export const RANGES_KEY = 'indicatorRanges';
const ROW_VERSION = 1;

const bound = z.number().finite().nullable();
const source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('court'), by: z.string(), at: z.string() }).strict(),
  z.object({ kind: z.literal('higherCourt'), file: z.string(), court: z.string().nullable(), issuedOn: z.string().nullable(), by: z.string(), at: z.string() }).strict(),
]);
const storedRange = z.object({ low: bound, high: bound, source }).strict();
/** The row: only the ranges that differ from the defaults (a reset removes one), so a new default reaches every court that kept it. */
const rowSchema = z.object({ version: z.literal(ROW_VERSION), ranges: z.record(z.string(), storedRange) }).strict();
type StoredRanges = Partial<Record<IndicatorId, IndicatorRange & { source: Exclude<RangeSource, { kind: 'default' }> }>>;

/** The stored ranges; a row that does not read (written by hand, or by a later program) counts entry by entry. */
function stored(settings: SettingsStore): StoredRanges {
  const raw = settings.get<unknown>(RANGES_KEY, null);
  if (raw === null) return {};
  const whole = rowSchema.safeParse(raw);
  const entries = whole.success ? whole.data.ranges : typeof raw === 'object' && raw && 'ranges' in raw && typeof raw.ranges === 'object' && raw.ranges ? (raw.ranges as Record<string, unknown>) : {};
  const out: StoredRanges = {};
  for (const [id, e] of Object.entries(entries)) {
    const p = storedRange.safeParse(e);
    if (!p.success || !isRanged(id) || rangeProblem(INDICATORS[id], p.data)) continue;
    out[id] = p.data;
  }
  return out;
}

export function rangesInForce(settings: SettingsStore): RangeEntry[] {
  return effectiveRanges(stored(settings));
}

function entryOf(settings: SettingsStore, id: IndicatorId): RangeEntry {
  return rangesInForce(settings).find((e) => e.id === id)!;
}

function write(settings: SettingsStore, next: StoredRanges, actor: string, action: 'indicators.range' | 'indicators.rangeReset' | 'indicators.rangesImport'): void {
  // Catalogue order, so the row and its audit entries read the same way every time.
  const ranges = Object.fromEntries(INDICATOR_IDS.filter((id) => next[id]).map((id) => [id, next[id]]));
  settings.set(RANGES_KEY, { version: ROW_VERSION, ranges }, actor, action);
}

export function setRange(settings: SettingsStore, a: { id: IndicatorId } & IndicatorRange, actor: string): RangeEntry {
  const def = INDICATORS[a.id];
  const problem = rangeProblem(def, a);
  if (problem) throw new InputError(`${def.name}：${problem}`, 'low');
  const next = stored(settings);
  next[a.id] = { low: a.low, high: a.high, source: { kind: 'court', by: actor, at: nowStamp() } };
  write(settings, next, actor, 'indicators.range');
  return entryOf(settings, a.id);
}

/** Back to the shipped default; an indicator already at its default is left alone (nothing to audit). */
export function resetRange(settings: SettingsStore, id: IndicatorId, actor: string): RangeEntry {
  if (INDICATORS[id].kind === 'distribution') throw new InputError(`${INDICATORS[id].name}是分布，不设合理区间`, 'id');
  const next = stored(settings);
  if (next[id]) {
    delete next[id];
    write(settings, next, actor, 'indicators.rangeReset');
  }
  return entryOf(settings, id);
}

/** A ranges file, JSON or .xlsx (by its first bytes, not its name): every entry checked before anything is written. */
export async function readRangesFile(bytes: Buffer, fileName: string): Promise<RangesFileResult> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isZip) return parseRangesJson(bytes.toString('utf8'));
  let rows;
  try {
    rows = readFirstSheetFast(bytes, fileName);
  } catch (err) {
    if (!(err instanceof FastPathUnsupported)) return { ok: false, error: '文件不是有效的 .xlsx 表格' };
    try {
      rows = await readFirstSheetWithExceljs(bytes);
    } catch {
      return { ok: false, error: '文件不是有效的 .xlsx 表格' };
    }
  }
  if (!rows) return { ok: false, error: '表格中没有工作表' };
  const plain = (c: unknown): unknown =>
    typeof c === 'object' && c !== null && 'richText' in c ? (c as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join('') : c;
  return parseRangesRows(rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells.map(plain) })));
}

export async function importRanges(settings: SettingsStore, a: { fileName: string; base64: string }, actor: string) {
  const bytes = Buffer.from(a.base64, 'base64');
  const read: RangesFileResult = bytes.length === 0 ? { ok: false, error: '文件是空的' } : await readRangesFile(bytes, a.fileName);
  if (!read.ok) throw new InputError(`合理区间文件“${a.fileName}”未导入，本院的合理区间没有改变：${read.error}`, 'base64');
  return applyHigherCourtRanges(settings, read.value, a.fileName, actor);
}

/** Ranges the intermediate court issued, already read and checked (a ranges file, or the one a return file carries). */
export function applyHigherCourtRanges(settings: SettingsStore, content: RangesFileContent, fileName: string, actor: string) {
  const { court, issuedOn, ranges } = content;
  const next = stored(settings);
  const at = nowStamp();
  const file = fileName.split(/[\\/]/).pop()!.slice(0, 255);
  for (const r of ranges) next[r.id] = { low: r.low, high: r.high, source: { kind: 'higherCourt', file, court, issuedOn, by: actor, at } };
  write(settings, next, actor, 'indicators.rangesImport');
  return { imported: ranges.map((r) => r.id), court, issuedOn, ranges: rangesInForce(settings) };
}
