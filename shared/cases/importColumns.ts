// The import columns of docs/import-columns.md, and the validation that turns a read table (CSV or .xlsx) into case records.
import { parseCaseNumber } from './caseNumber';
import {
  APPEAL_OUTCOMES,
  CLOSING_METHODS,
  PROCEDURES,
  type AppealOutcome,
  type CaseRecord,
  type ClosingMethod,
  type Procedure,
} from './types';
import { PROCEDURES_BY_STAGE, isFirstInstance } from '../deadlines/limits';
import { isIsoDate } from '../dates/calendar';
import { cleanName, NAME_MAX } from '../text/names';
import { type CellValue, type Parsed, cellText, isCellError, listText, normalizeCell, oneOf, parseAmount, parseDays, parseImportDate, parseProcedureName, parseYesNo, splitNames } from './importCells';

import { IMPORT_COLUMNS, columnByName, columnOfField, suggestedColumn, type ImportField } from './importHeaders';

export { IMPORT_COLUMNS, columnForHeader, looseKey, type ImportColumn, type ImportField } from './importHeaders';
export { type CellError, type CellValue, MAX_AMOUNT, MAX_DAYS, cellText, isCellError, normalizeCell, parseAmount, parseDays, parseImportDate, parseYesNo, splitNames } from './importCells';

/** Position of each field in IMPORT_COLUMNS, for per-row value arrays. */
const SLOT = Object.fromEntries(IMPORT_COLUMNS.map((c, i) => [c.field, i])) as Record<ImportField, number>;

export const TEXT_MAX_LENGTH = { cause: 100, division: NAME_MAX.division, judge: NAME_MAX.person } as const;
/** One side's parties (原告 or 被告) of one case; the database keeps the joined list within `chars` too. */
export const PARTIES_MAX = { count: 200, chars: 4000 } as const;
/** Text of letters, digits and common punctuation only: nothing invisible to look for in it (normal form still asked). */
const PLAIN_NAME_RE = /^[\p{L}\p{N}·（）()\-、.]+$/u;

/** Already in the form cleanName would store: most cells are, and skip its work. */
function plainName(t: string, max: number): boolean {
  return t.length <= max && PLAIN_NAME_RE.test(t) && t.normalize('NFC') === t;
}

export interface ImportIssue {
  row: number | null;
  column: string | null;
  message: string;
}
export interface ValidRow {
  row: number;
  record: CaseRecord;
  warnings: string[];
}
export interface ImportValidation {
  rows: ValidRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  unknownColumns: string[];
  skippedEmpty: number;
}
export interface ImportTable {
  headers: string[];
  rows: Array<{ rowNumber: number; cells: unknown[] }>;
}
export interface ImportContext {
  /** This court's code, e.g. 辽0421: rows of other courts are refused. */
  courtCode: string;
  /** ISO date; later dates are refused. */
  today: string;
  /**
   * The person's answer for headers the import does not know (shared/cases/importMapping.ts): the column each one
   * fills, or null for "not imported" (then not warned about). Known headers are never remapped.
   */
  mapping?: Readonly<Record<string, ImportField | null>>;
}

function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation

export function validateImportRows(table: ImportTable, ctx: ImportContext): ImportValidation {
  // A bad "today" would silently accept or refuse every date: a caller's bug, not the user's.
  if (!isIsoDate(ctx.today)) throw new RangeError(`validateImportRows: today is not an ISO date: ${ctx.today}`);
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const unknownColumns: string[] = [];
  const result: ImportValidation = { rows: [], errors, warnings, unknownColumns, skippedEmpty: 0 };

  // Header → column index. The file's own header text is what messages name, so the user finds the column.
  const indexOf = new Map<ImportField, number>();
  const labelOf = new Map<ImportField, string>();
  const headers = table.headers.map((h) => cellText(h));
  const unheaded = new Set<number>();
  headers.forEach((header, i) => {
    if (header === '') {
      unheaded.add(i);
      return;
    }
    const mapped = ctx.mapping && Object.prototype.hasOwnProperty.call(ctx.mapping, header) && !columnByName(header) !== null ? ctx.mapping[header] : undefined;
    if (mapped === null) return;
    const col = columnByName(header) ?? (mapped ? columnOfField(mapped) : null);
    if (!col) {
      if (!unknownColumns.includes(header)) {
        unknownColumns.push(header);
        const near = suggestedColumn(header);
        warnings.push({
          row: null,
          column: header,
          message: near
            ? `未知列“${header}”，已忽略；是否应为“${near.header}”？`
            : `未知列“${header}”，已忽略`,
        });
      }
      return;
    }
    const earlier = indexOf.get(col.field);
    if (earlier !== undefined) {
      const first = headers[earlier];
      errors.push({
        row: null,
        column: header,
        message: first === header
          ? `表头“${header}”重复出现（第${earlier + 1}列和第${i + 1}列）`
          : `表头“${first}”和“${header}”是同一列，只能保留一个（第${earlier + 1}列和第${i + 1}列）`,
      });
      return;
    }
    indexOf.set(col.field, i);
    labelOf.set(col.field, header);
  });
  for (const col of IMPORT_COLUMNS) {
    if (col.required && !indexOf.has(col.field)) {
      const also = col.aliases.length ? `（也可用“${col.aliases.join('”“')}”）` : '';
      errors.push({ row: null, column: col.header, message: `缺少必填列“${col.header}”${also}` });
    }
  }
  if (errors.length > 0) return result;

  const labels = {} as Record<ImportField, string>;
  for (const col of IMPORT_COLUMNS) labels[col.field] = labelOf.get(col.field) ?? col.header;
  const fields = [...indexOf.keys()];
  const slots = fields.map((f) => SLOT[f]);
  const columns = fields.map((f) => indexOf.get(f)!);
  const seen = new Map<string, number>();
  // A court files on a few hundred distinct days a year, so most date cells repeat a text already parsed.
  const dateCache = new Map<string, Parsed<string>>();
  const dataOutsideColumns = new Set<number>();
  const checkOutside = headers.length > 0 && (unheaded.size > 0 || table.rows.some((r) => r.cells.length > headers.length));

  for (const { rowNumber, cells } of table.rows) {
    // One normalisation per cell; a row with text only in ignored columns (a note, a total label) carries no
    // case, so it counts as empty.
    const values: CellValue[] = new Array<CellValue>(IMPORT_COLUMNS.length).fill(null);
    let empty = true;
    for (let k = 0; k < slots.length; k++) {
      const v = normalizeCell(cells[columns[k]]);
      values[slots[k]] = v;
      if (v !== null) empty = false;
    }
    if (empty) {
      result.skippedEmpty++;
      continue;
    }
    if (checkOutside) {
      for (let i = 0; i < cells.length; i++) {
        if ((i >= headers.length || unheaded.has(i)) && normalizeCell(cells[i]) !== null) dataOutsideColumns.add(i);
      }
    }
    const check = new RowCheck(rowNumber, values, labels, ctx, seen, dateCache);
    const record = check.run();
    warnings.push(...check.warnings);
    if (check.errors.length > 0) errors.push(...check.errors);
    else result.rows.push({ row: rowNumber, record: record!, warnings: check.warnings.map((w) => w.message) });
  }

  for (const i of [...dataOutsideColumns].sort((a, b) => a - b)) {
    warnings.push({ row: null, column: null, message: `第${i + 1}列（${columnLetter(i)}列）没有表头，其中的数据已忽略` });
  }
  if (table.rows.length === result.skippedEmpty) {
    warnings.push({ row: null, column: null, message: '文件中没有数据行' });
  }
  return result;
}

/** The checks of one row; every problem is collected, not just the first. */
class RowCheck {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  constructor(
    private readonly row: number,
    /** Indexed by SLOT. */
    private readonly values: CellValue[],
    private readonly labels: Record<ImportField, string>,
    private readonly ctx: ImportContext,
    /** Canonical case number → the row that first had it, across the file. */
    private readonly seen: Map<string, number>,
    private readonly dateCache: Map<string, Parsed<string>>,
  ) {}

  private cell(field: ImportField): CellValue {
    return this.values[SLOT[field]];
  }

  private err(field: ImportField, message: string): void {
    const column = this.labels[field];
    this.errors.push({ row: this.row, column, message: `第${this.row}行“${column}”：${message}` });
  }

  private warn(field: ImportField, message: string): void {
    const column = this.labels[field];
    this.warnings.push({ row: this.row, column, message: `第${this.row}行“${column}”：${message}` });
  }

  /** The cell as text, or null when empty; an error value is reported here once. */
  private text(field: ImportField): string | null {
    const c = this.cell(field);
    if (c === null) return null;
    if (isCellError(c)) {
      this.err(field, `单元格是错误值“${c.cellError}”`);
      return null;
    }
    return typeof c === 'string' ? c : cellText(c);
  }

  private requiredText(field: 'cause' | 'division' | 'judge'): string {
    const t = this.text(field);
    if (t === null) {
      if (this.cell(field) === null) this.err(field, '不能为空');
      return '';
    }
    const max = TEXT_MAX_LENGTH[field];
    // Most values are short plain names: the full check only for what could fail it.
    if (plainName(t, max)) return t;
    const c = cleanName(t, '', max);
    if (!c.ok) {
      this.err(field, c.error);
      return '';
    }
    return c.value;
  }

  private date(field: 'filedOn' | 'closedOn', required: boolean): string | null {
    const c = this.cell(field);
    if (c === null) {
      if (required) this.err(field, '不能为空');
      return null;
    }
    let parsed: Parsed<string>;
    if (typeof c === 'string') {
      const hit = this.dateCache.get(c);
      parsed = hit ?? parseImportDate(c);
      if (!hit) this.dateCache.set(c, parsed);
    } else parsed = parseImportDate(c);
    if (!parsed.ok) {
      this.err(field, parsed.error);
      return null;
    }
    if (parsed.value > this.ctx.today) {
      this.err(field, `日期${parsed.value}晚于今天（${this.ctx.today}），不能是将来的日期`);
      return null;
    }
    return parsed.value;
  }

  private amount(field: 'claimAmount' | 'enforcementClaim' | 'enforcementRecovered'): number | null {
    const parsed = parseAmount(this.cell(field));
    if (!parsed.ok) {
      this.err(field, parsed.error);
      return null;
    }
    return parsed.value;
  }

  private days(field: 'deductedDays' | 'extendedDays'): number {
    const parsed = parseDays(this.cell(field));
    if (!parsed.ok) {
      this.err(field, parsed.error);
      return 0;
    }
    return parsed.value;
  }

  private yesNo(field: 'appealed' | 'reviewed' | 'precedentSearched'): boolean | null {
    const parsed = parseYesNo(this.cell(field));
    if (!parsed.ok) {
      this.err(field, parsed.error);
      return null;
    }
    return parsed.value;
  }

  private names(field: 'plaintiffs' | 'defendants'): string[] {
    const c = this.cell(field);
    if (isCellError(c)) this.err(field, `单元格是错误值“${c.cellError}”`);
    const names = splitNames(c);
    let total = 0;
    for (const [i, name] of names.entries()) {
      total += name.length + 1;
      if (plainName(name, NAME_MAX.party)) continue;
      const cleaned = cleanName(name, names.length > 1 ? `第${i + 1}个名称` : '', NAME_MAX.party);
      if (cleaned.ok) names[i] = cleaned.value;
      else {
        this.err(field, cleaned.error);
        return [];
      }
    }
    // A cell of a thousand parties is a mistake, and a 200 MB one an attack: the whole list has its own bound.
    if (names.length > PARTIES_MAX.count || total > PARTIES_MAX.chars) {
      this.err(field, `共${names.length}个名称、${total}个字，超过上限（${PARTIES_MAX.count}个名称、${PARTIES_MAX.chars}个字）`);
      return [];
    }
    return names;
  }

  /** The record when the row has no errors (check errors first), else null. */
  run(): CaseRecord | null {
    const { ctx } = this;

    // 案号
    let caseNumber = '';
    let typeCode: string | null = null;
    let caseYear: number | null = null;
    const caseNumberText = this.text('caseNumber');
    if (caseNumberText === null) {
      if (this.cell('caseNumber') === null) this.err('caseNumber', '不能为空');
    } else {
      const parsed = parseCaseNumber(caseNumberText);
      if (!parsed.ok) this.err('caseNumber', parsed.error);
      else {
        const cn = parsed.value;
        caseNumber = cn.canonical;
        typeCode = cn.typeCode;
        caseYear = cn.year;
        if (cn.courtCode !== ctx.courtCode) {
          this.err('caseNumber', `案号“${cn.canonical}”属于法院代码${cn.courtCode}，本院代码为${ctx.courtCode}`);
        }
        if (!cn.knownType) this.warn('caseNumber', `案号“${cn.canonical}”的类型代字“${cn.typeCode}”不是已知类型，已保留`);
        const earlier = this.seen.get(cn.canonical);
        if (earlier !== undefined) this.err('caseNumber', `案号“${cn.canonical}”与第${earlier}行重复`);
        else this.seen.set(cn.canonical, this.row);
      }
    }

    const cause = this.requiredText('cause');
    const division = this.requiredText('division');
    const judge = this.requiredText('judge');

    // Dates
    const filedOn = this.date('filedOn', true);
    const closedOn = this.date('closedOn', false);
    if (filedOn && closedOn && closedOn < filedOn) {
      this.err('closedOn', `结案日期${closedOn}早于立案日期${filedOn}`);
    }
    if (filedOn && caseYear !== null && Number(filedOn.slice(0, 4)) !== caseYear) {
      this.warn('filedOn', `立案日期${filedOn}与案号年份${caseYear}不一致`);
    }

    // 审判程序: only first-instance stages have one.
    let procedure: Procedure | null = null;
    const procedureText = this.text('procedure');
    const procedureName = procedureText === null ? null : parseProcedureName(procedureText);
    if (procedureText !== null && procedureName === null) {
      this.err('procedure', `“${procedureText}”无效，应为${listText(PROCEDURES)}`);
    } else if (typeCode !== null) {
      if (isFirstInstance(typeCode)) {
        const allowed = PROCEDURES_BY_STAGE[typeCode] ?? PROCEDURES;
        if (procedureName === null) procedure = '普通程序';
        else if (allowed.includes(procedureName)) procedure = procedureName;
        else this.err('procedure', `${typeCode}案件不适用“${procedureName}”，应为${listText(allowed)}`);
      } else if (procedureName !== null) {
        this.warn('procedure', `${typeCode}案件不区分审判程序，“${procedureText}”已忽略`);
      }
    }

    // 结案方式
    let closingMethod: ClosingMethod | null = null;
    const closingText = this.text('closingMethod');
    if (closingText !== null) {
      closingMethod = oneOf(CLOSING_METHODS, closingText);
      if (!closingMethod) this.err('closingMethod', `“${closingText}”无效，应为${listText(CLOSING_METHODS)}`);
      if (this.cell('closedOn') === null) this.err('closingMethod', `填写了结案方式“${closingText}”，但结案日期为空`);
    } else if (this.cell('closedOn') !== null && this.cell('closingMethod') === null) {
      this.err('closingMethod', '已填写结案日期，结案方式不能为空');
    }

    const claimAmount = this.amount('claimAmount');
    const enforcementClaim = this.amount('enforcementClaim');
    const enforcementRecovered = this.amount('enforcementRecovered');
    const plaintiffs = this.names('plaintiffs');
    const defendants = this.names('defendants');
    const deductedDays = this.days('deductedDays');
    const extendedDays = this.days('extendedDays');
    const appealed = this.yesNo('appealed');
    const reviewed = this.yesNo('reviewed');
    const precedentSearched = this.yesNo('precedentSearched');

    // 二审结果
    let appealOutcome: AppealOutcome | null = null;
    const outcomeText = this.text('appealOutcome');
    if (outcomeText !== null) {
      appealOutcome = oneOf(APPEAL_OUTCOMES, outcomeText);
      if (!appealOutcome) this.err('appealOutcome', `“${outcomeText}”无效，应为${listText(APPEAL_OUTCOMES)}`);
      else if (appealed === false) this.warn('appealOutcome', `是否上诉为“否”，却填写了二审结果“${outcomeText}”`);
    }

    // 原审案号: any court's number.
    let originCaseNumber: string | null = null;
    const originText = this.text('originCaseNumber');
    if (originText !== null) {
      const parsed = parseCaseNumber(originText);
      if (!parsed.ok) this.err('originCaseNumber', parsed.error);
      else originCaseNumber = parsed.value.canonical;
    }

    if (this.errors.length > 0 || filedOn === null) return null;
    return {
      caseNumber,
      cause,
      procedure,
      limitVariant: null,
      filedOn,
      division,
      judge,
      closedOn,
      closingMethod,
      claimAmount,
      plaintiffs,
      defendants,
      deductedDays,
      extendedDays,
      appealed,
      appealOutcome,
      originCaseNumber,
      enforcementClaim,
      enforcementRecovered,
      reviewed,
      precedentSearched,
    };
  }
}
