// Case work as clerks and judges do it in the window: register and edit a case, close it (with 阅核 and 类案检索 where
// the court requires them), reopen it, record its appeal, convert its procedure, end an open period. Each is one
// audited transaction that keeps the stored time-limit columns in step (through CaseStore).
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { parseCaseNumber } from '../../../shared/cases/caseNumber';
import { checkPrecedentReference } from '../../../shared/cases/precedentRefs';
import { PROCEDURES, type CaseRecord, type Procedure } from '../../../shared/cases/types';
import { PROCEDURES_BY_STAGE, isFirstInstance } from '../../../shared/deadlines/limits';
import { cleanName, NAME_MAX } from '../../../shared/text/names';
import { PARTIES_MAX } from '../../../shared/cases/importColumns';
import { ADVANCE_MEDIATION_FROM, type CaseNumberCheck, type CauseCatalogId } from '../../../shared/cases/caseWork';
import type { caseFields, closeArgs } from '../../../shared/cases/workApi';
import { CaseStore, type WriteContext } from './caseStore';
import { rowToRecord, type CaseRow } from './caseRow';
import { CourtDirectory, getSelfCourt } from '../court/courtStore';
import { nextRowVersion, nowStamp } from '../db/clock';
import { InputError } from '../kernel/errors';
import { reopenMediation } from './mediation';
import { catalogKindOf, inCatalog } from './causeCatalog';
import { SettingsStore } from '../settings/settingsStore';

type Fields = z.output<typeof caseFields>;
type CloseArgs = z.output<typeof closeArgs>;

export const CLOSING_RULES_KEY = 'closing.rules';
export interface ClosingRules {
  reviewRequired: boolean;
  precedentRequired: boolean;
}

export function closingRules(settings: SettingsStore): ClosingRules {
  const stored = settings.get<Partial<ClosingRules>>(CLOSING_RULES_KEY, {});
  return { reviewRequired: stored.reviewRequired === true, precedentRequired: stored.precedentRequired === true };
}

/** A reference case number in our canonical form where it has one; the SPC's and others' kept as written. */

function storedReference(ref: string): string {
  const checked = checkPrecedentReference(ref);
  return checked.ok ? checked.value : ref.trim();
}

export class CaseWork {
  constructor(
    private readonly db: Database,
    private readonly store: CaseStore,
  ) {}

  /** What a case number typed so far says, for the form to show at once. */
  checkNumber(input: string): CaseNumberCheck {
    const none = { canonical: null, typeCode: null, procedures: [], defaultProcedure: null, catalogKind: null };
    const parsed = parseCaseNumber(input);
    if (!parsed.ok) return { ok: false, message: parsed.error, ...none };
    const p = parsed.value;
    const court = getSelfCourt(this.db);
    const procedures = isFirstInstance(p.typeCode) ? [...(PROCEDURES_BY_STAGE[p.typeCode] ?? PROCEDURES)] : [];
    const facts = {
      canonical: p.canonical, typeCode: p.typeCode, procedures, defaultProcedure: procedures.length ? '普通程序' : null, catalogKind: catalogKindOf(p.typeCode),
    };
    if (court && p.courtCode !== court.code) return { ok: false, message: `案号属于法院代码${p.courtCode}，本院代码为${court.code}`, ...facts };
    if (this.store.getRow(p.canonical)) return { ok: false, message: `案号 ${p.canonical} 已登记`, ...facts };
    if (p.typeCode === '诉前调' && p.year >= Number(ADVANCE_MEDIATION_FROM.slice(0, 4))) {
      return { ok: false, message: `自 ${ADVANCE_MEDIATION_FROM} 起不再编立诉前调案号：民事纠纷以民初立案，双方同意的转先行调解`, ...facts };
    }
    if (!p.knownType) return { ok: true, message: `类型代字“${p.typeCode}”不是已知类型，将按无审限登记`, ...facts };
    return { ok: true, message: null, ...facts };
  }

  /** The next free number of a type and year in this court: one after the highest registered. */
  nextNumber(typeCode: string, year: number): string {
    const court = getSelfCourt(this.db);
    if (!court) throw new InputError('数据库尚未初始化本院信息', 'typeCode');
    if (typeCode === '诉前调' && year >= Number(ADVANCE_MEDIATION_FROM.slice(0, 4))) {
      throw new InputError(`自 ${ADVANCE_MEDIATION_FROM} 起不再编立诉前调案号：民事纠纷以民初立案，双方同意的转先行调解`, 'typeCode');
    }
    const max = this.db.prepare('SELECT max(seq) FROM cases WHERE court_code = ? AND year = ? AND type_code = ?').pluck().get(court.code, year, typeCode) as number | null;
    const candidate = `（${year}）${court.code}${typeCode}${(max ?? 0) + 1}号`;
    const parsed = parseCaseNumber(candidate);
    if (!parsed.ok) throw new InputError(parsed.error, 'typeCode');
    return parsed.value.canonical;
  }

  /** A new case from the form: refused at the first field in error, with that field named. */
  register(caseNumber: string, fields: Fields, ctx: WriteContext & { inScope(divisionId: number, judgeId: number): boolean }): string {
    const check = this.checkNumber(caseNumber);
    if (!check.ok || !check.canonical) throw new InputError(check.message ?? '案号无效', 'caseNumber');
    const record = this.record(check.canonical, check.typeCode!, fields, ctx.today);
    return this.write(record, fields.causeCatalog ?? null, ctx, 'inserted');
  }

  /** Changes to some fields of a case; the others stay as they are. */
  update(caseNumber: string, changes: Partial<Fields>, ctx: WriteContext & { inScope(divisionId: number, judgeId: number): boolean }): string {
    const row = this.store.requireCase(caseNumber);
    const current = this.currentFields(row);
    const causeCatalog = changes.causeCatalog !== undefined ? changes.causeCatalog : changes.cause !== undefined && changes.cause !== row.cause ? null : (row.cause_catalog as Fields['causeCatalog']) ?? null;
    const merged: Fields = { ...current, ...changes, causeCatalog } as Fields;
    if (changes.filedOn !== undefined && changes.filedOn !== row.filed_on) this.checkFiledBefore(row, changes.filedOn);
    const base = rowToRecord(row, current.division, current.judge);
    const record = { ...base, ...this.record(row.case_number, row.type_code, merged, ctx.today) };
    // What the form does not edit (closing, appeal, imported totals) stays as stored.
    record.closedOn = base.closedOn;
    record.closingMethod = base.closingMethod;
    return this.write(record, causeCatalog, ctx, 'updated');
  }

  /** A filing date moved later may not pass what the case already records after it: its closing, periods, mediation. */
  private checkFiledBefore(row: CaseRow, filedOn: string): void {
    const id = row.id;
    const dates: Array<[string, string | null]> = [
      ['结案日期', row.closed_on],
      ['程序转换日期', row.converted_on ?? null],
      ['最早登记的期间开始日期', this.db.prepare('SELECT min(from_on) FROM case_events WHERE case_id = ?').pluck().get(id) as string | null],
      ['先行调解收到材料日期', this.db.prepare('SELECT received_on FROM mediations WHERE case_id = ?').pluck().get(id) as string | null ?? null],
      ['阅核日期', this.db.prepare('SELECT min(reviewed_on) FROM case_reviews WHERE case_id = ?').pluck().get(id) as string | null],
      ['类案检索日期', this.db.prepare('SELECT min(searched_on) FROM precedent_searches WHERE case_id = ?').pluck().get(id) as string | null],
    ];
    for (const [what, on] of dates) {
      if (on !== null && filedOn > on) throw new InputError(`立案日期 ${filedOn} 晚于本案的${what} ${on}`, 'filedOn');
    }
  }

  /** Closing: the date and method, and for a judgment the checks the court requires; one transaction. */
  close(a: CloseArgs, ctx: WriteContext & { rules: ClosingRules }): string {
    return this.db.transaction(() => this.closeNow(a, ctx)).immediate();
  }

  private closeNow(a: CloseArgs, ctx: WriteContext & { rules: ClosingRules }): string {
    const row = this.store.requireCase(a.caseNumber);
    if (row.closed_on !== null) throw new InputError(`案件已于 ${row.closed_on} 结案`, 'closedOn');
    if (a.closedOn < row.filed_on) throw new InputError(`结案日期 ${a.closedOn} 早于立案日期 ${row.filed_on}`, 'closedOn');
    if (a.closedOn > ctx.today) throw new InputError(`结案日期 ${a.closedOn} 晚于今天 ${ctx.today}`, 'closedOn');
    // An open 先行调解 ends with its outcome, which closes a settled case itself; a case tried after it failed has
    // the failure recorded first, so the indicators never count a mediation that was left hanging.
    const mediating = this.db.prepare('SELECT 1 FROM mediations WHERE case_id = ? AND ended_on IS NULL').get(row.id);
    if (mediating) throw new InputError('先行调解尚未结束：请先在“先行调解”中登记调解结果（调解成功的即以调解结案）', 'closingMethod');
    const judgment = a.closingMethod === '判决';
    if (judgment && ctx.rules.reviewRequired && !a.review) {
      throw new InputError('本院要求判决结案前完成阅核：请填写阅核人、身份、阅核日期和阅核意见', 'review');
    }
    if (judgment && ctx.rules.precedentRequired && !a.precedent) {
      throw new InputError('本院要求判决结案前完成类案检索：请填写检索平台、检索内容和找到的参考案例，或注明无类案', 'precedent');
    }
    let reviewer = '';
    if (a.review) {
      if (a.review.reviewedOn < row.filed_on || a.review.reviewedOn > a.closedOn) {
        throw new InputError(`阅核日期 ${a.review.reviewedOn} 应在立案日期 ${row.filed_on} 与结案日期 ${a.closedOn} 之间`, 'review.reviewedOn');
      }
      const who = cleanName(a.review.reviewer, '阅核人', NAME_MAX.person);
      if (!who.ok) throw new InputError(who.error, 'review.reviewer');
      reviewer = who.value;
    }
    if (a.precedent) {
      const refs = a.precedent.references;
      if (a.precedent.noneFound && refs.length) throw new InputError('已注明无类案，就不应再填参考案例', 'precedent.references');
      if (!a.precedent.noneFound && refs.length === 0) throw new InputError('请填写找到的参考案例案号，或注明无类案', 'precedent.references');
      for (const ref of refs) {
        const checked = checkPrecedentReference(ref);
        if (!checked.ok) throw new InputError(checked.message, 'precedent.references');
      }
      if (a.precedent.searchedOn < row.filed_on || a.precedent.searchedOn > a.closedOn) {
        throw new InputError(`检索日期 ${a.precedent.searchedOn} 应在立案日期 ${row.filed_on} 与结案日期 ${a.closedOn} 之间`, 'precedent.searchedOn');
      }
    }
    const names = this.names(row);
    const record: CaseRecord = {
      ...rowToRecord(row, names.division, names.judge),
      closedOn: a.closedOn,
      closingMethod: a.closingMethod,
      reviewed: a.review ? true : judgment ? false : null,
      precedentSearched: a.precedent ? true : judgment ? false : null,
    };
    return this.db.transaction(() => {
      const version = nextRowVersion(this.db);
      const now = nowStamp();
      this.store.upsert(record, this.directory(), version, { ...ctx, action: 'case.close', details: { review: a.review ?? null, precedent: a.precedent ?? null } });
      if (a.review) {
        this.db.prepare(
          `INSERT INTO case_reviews (case_id, reviewer, reviewer_role, reviewed_on, action, four_categories, recorded_by, row_version, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(row.id, reviewer, a.review.reviewerRole, a.review.reviewedOn, a.review.action, a.review.fourCategories ? 1 : 0, ctx.actor, version, now);
      }
      if (a.precedent) {
        this.db.prepare(
          `INSERT INTO precedent_searches (case_id, platforms, query, references_found, none_found, searched_on, recorded_by, row_version, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(row.id, a.precedent.platforms.join('、'), a.precedent.query, a.precedent.references.map(storedReference).join('、'),
          a.precedent.noneFound ? 1 : 0, a.precedent.searchedOn, ctx.actor, version, now);
      }
      return row.case_number;
    }).immediate();
  }

  /** A case closed by mistake back to open, by its division head, with the reason; the closing it undid is kept. */
  reopen(caseNumber: string, reason: string, ctx: WriteContext): string {
    return this.db.transaction(() => {
      const row = this.store.requireCase(caseNumber);
      if (row.closed_on === null || row.closing_method === null) throw new InputError(`案件 ${row.case_number} 尚未结案，无需重开`, 'caseNumber');
      const names = this.names(row);
      const record: CaseRecord = { ...rowToRecord(row, names.division, names.judge), closedOn: null, closingMethod: null, appealed: null, appealOutcome: null };
      const version = nextRowVersion(this.db);
      // A closing that came from a 先行调解 outcome is undone with it: the mediation is open again, its consented
      // days restored, so the right outcome can be recorded and the indicators never count a settlement that was not.
      const mediation = reopenMediation(this.db, row, version);
      this.store.upsert(record, this.directory(), version, { ...ctx, action: 'case.reopen', details: mediation ? { reason, mediationReopened: mediation } : { reason } });
      this.db.prepare(
        `INSERT INTO case_reopenings (case_id, closed_on, closing_method, reason, reopened_by, reopened_on, row_version, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(row.id, row.closed_on, row.closing_method, reason, ctx.actor, ctx.today, version, nowStamp());
      return row.case_number;
    }).immediate();
  }

  /** Whether a closed first-instance case was appealed, and how the appeal ended. */
  recordAppeal(caseNumber: string, appealed: boolean, outcome: CaseRecord['appealOutcome'] | undefined, ctx: WriteContext): string {
    return this.db.transaction(() => this.recordAppealNow(caseNumber, appealed, outcome, ctx)).immediate();
  }

  private recordAppealNow(caseNumber: string, appealed: boolean, outcome: CaseRecord['appealOutcome'] | undefined, ctx: WriteContext): string {
    const row = this.store.requireCase(caseNumber);
    if (!isFirstInstance(row.type_code)) throw new InputError(`${row.type_code}案件不是一审案件，上诉结果登记在一审案件上`, 'caseNumber');
    if (row.closed_on === null) throw new InputError('案件尚未结案，结案后才能登记上诉情况', 'caseNumber');
    if (!appealed && outcome) throw new InputError('未上诉的案件没有二审结果', 'outcome');
    const names = this.names(row);
    const record: CaseRecord = { ...rowToRecord(row, names.division, names.judge), appealed, appealOutcome: appealed ? outcome ?? null : null };
    return this.transact(record, { ...ctx, action: 'case.appeal' });
  }

  /** A simple or small-claims case converted to ordinary procedure: its limit still counts from the original filing. */
  convertProcedure(caseNumber: string, on: string, ctx: WriteContext): string {
    return this.db.transaction(() => this.convertNow(caseNumber, on, ctx)).immediate();
  }

  private convertNow(caseNumber: string, on: string, ctx: WriteContext): string {
    const row = this.store.requireCase(caseNumber);
    if (row.closed_on !== null) throw new InputError(`案件已于 ${row.closed_on} 结案，不能再转换程序`, 'on');
    if (row.procedure !== '简易程序' && row.procedure !== '小额诉讼程序') throw new InputError(`案件适用${row.procedure ?? '的程序'}，只有简易程序或小额诉讼程序可以转为普通程序`, 'caseNumber');
    if (on < row.filed_on) throw new InputError(`转换日期 ${on} 早于立案日期 ${row.filed_on}`, 'on');
    if (on > ctx.today) throw new InputError(`转换日期 ${on} 晚于今天 ${ctx.today}`, 'on');
    const names = this.names(row);
    const record: CaseRecord = { ...rowToRecord(row, names.division, names.judge), procedure: '普通程序' };
    return this.db.transaction(() => {
      this.store.upsert(record, this.directory(), nextRowVersion(this.db), { ...ctx, action: 'case.convert', details: { from: row.procedure, convertedOn: on } });
      this.db.prepare('UPDATE cases SET converted_on = ? WHERE id = ?').run(on, row.id);
      return row.case_number;
    }).immediate();
  }

  /** Ends an open deducted period (a 鉴定 that came back) on a day; a 中止 ends by resumption the same way. */
  endEvent(caseNumber: string, eventId: number, toOn: string, ctx: WriteContext): string {
    return this.db.transaction(() => {
      const row = this.store.requireCase(caseNumber);
      const e = this.db.prepare('SELECT id, kind, from_on AS fromOn, to_on AS toOn FROM case_events WHERE id = ? AND case_id = ?').get(eventId, row.id) as
        | { id: number; kind: string; fromOn: string; toOn: string | null } | undefined;
      if (!e) throw new InputError('该期间不属于此案件', 'eventId');
      if (e.toOn !== null) throw new InputError(`该${e.kind}期间已于 ${e.toOn} 结束`, 'eventId');
      if (toOn < e.fromOn) throw new InputError(`结束日期 ${toOn} 早于开始日期 ${e.fromOn}`, 'toOn');
      if (toOn > ctx.today) throw new InputError(`结束日期 ${toOn} 晚于今天 ${ctx.today}`, 'toOn');
      const version = nextRowVersion(this.db);
      this.db.prepare('UPDATE case_events SET to_on = ?, row_version = ?, updated_at = ? WHERE id = ?').run(toOn, version, nowStamp(), e.id);
      const cols = this.store.refreshDeadline(row, version, ctx.today);
      this.store.audit({
        actor: ctx.actor, action: e.kind === '中止' ? 'event.resume' : 'event.end', entity: 'case', entityKey: row.case_number,
        before: { kind: e.kind, fromOn: e.fromOn, toOn: null }, after: { kind: e.kind, fromOn: e.fromOn, toOn, dueOn: cols.due_on },
      });
      return row.case_number;
    }).immediate();
  }

  /** The record of a form, each field checked with its name on a refusal. */
  private record(canonical: string, typeCode: string, f: Fields, today: string): CaseRecord {
    const cause = cleanName(f.cause, '案由', 100);
    if (!cause.ok) throw new InputError(cause.error, 'cause');
    if (f.causeCatalog && !inCatalog(f.causeCatalog as CauseCatalogId, cause.value)) throw new InputError(`案由“${cause.value}”不在所选的案由目录中，请从列表中选择`, 'cause');
    if (f.filedOn > today) throw new InputError(`立案日期 ${f.filedOn} 晚于今天 ${today}`, 'filedOn');
    const year = Number(canonical.slice(1, 5));
    if (Number(f.filedOn.slice(0, 4)) !== year) throw new InputError(`立案日期 ${f.filedOn} 与案号年份 ${year} 不一致`, 'filedOn');
    if (typeCode === '诉前调' && f.filedOn >= ADVANCE_MEDIATION_FROM) {
      throw new InputError(`自 ${ADVANCE_MEDIATION_FROM} 起不再编立诉前调案号：民事纠纷以民初立案，双方同意的转先行调解`, 'caseNumber');
    }
    let procedure: Procedure | null = null;
    if (isFirstInstance(typeCode)) {
      procedure = f.procedure ?? '普通程序';
      const allowed = PROCEDURES_BY_STAGE[typeCode] ?? PROCEDURES;
      if (!allowed.includes(procedure)) throw new InputError(`${typeCode}案件不适用${procedure}，应为${allowed.join('、')}`, 'procedure');
    } else if (f.procedure) {
      throw new InputError(`${typeCode}案件不区分审判程序`, 'procedure');
    }
    const division = cleanName(f.division, '承办部门', NAME_MAX.division);
    if (!division.ok) throw new InputError(division.error, 'division');
    const judge = cleanName(f.judge, '承办法官', NAME_MAX.person);
    if (!judge.ok) throw new InputError(judge.error, 'judge');
    const dir = this.directory();
    if (!dir.hasDivision(division.value)) throw new InputError(`“${division.value}”不是本院的部门，请从列表中选择`, 'division');
    if (!dir.hasStaff(judge.value)) throw new InputError(`“${judge.value}”不是本院的人员，请从列表中选择`, 'judge');
    const plaintiffs = this.parties(f.plaintiffs, '原告', 'plaintiffs');
    const defendants = this.parties(f.defendants, '被告', 'defendants');
    let originCaseNumber: string | null = null;
    if (f.originCaseNumber) {
      const parsed = parseCaseNumber(f.originCaseNumber);
      if (!parsed.ok) throw new InputError(parsed.error, 'originCaseNumber');
      if (parsed.value.canonical === canonical) throw new InputError('原审案号不能是本案', 'originCaseNumber');
      originCaseNumber = parsed.value.canonical;
    }
    return {
      caseNumber: canonical, cause: cause.value, procedure, limitVariant: f.limitVariant ?? null, filedOn: f.filedOn,
      division: division.value, judge: judge.value, closedOn: null, closingMethod: null, claimAmount: f.claimAmount ?? null,
      plaintiffs, defendants, deductedDays: 0, extendedDays: 0, appealed: null, appealOutcome: null, originCaseNumber,
      enforcementClaim: null, enforcementRecovered: null, reviewed: null, precedentSearched: null,
    };
  }

  private parties(list: string[], what: string, field: string): string[] {
    const out: string[] = [];
    let chars = 0;
    for (const [i, raw] of list.entries()) {
      const c = cleanName(raw, list.length > 1 ? `${what}第${i + 1}个名称` : what, NAME_MAX.party);
      if (!c.ok) throw new InputError(c.error, field);
      if (out.includes(c.value)) throw new InputError(`${what}“${c.value}”重复`, field);
      out.push(c.value);
      chars += c.value.length + 1;
    }
    if (out.length > PARTIES_MAX.count || chars > PARTIES_MAX.chars) throw new InputError(`${what}过多：最多 ${PARTIES_MAX.count} 个名称、${PARTIES_MAX.chars} 个字`, field);
    return out;
  }

  private write(record: CaseRecord, causeCatalog: string | null, ctx: WriteContext & { inScope(divisionId: number, judgeId: number): boolean }, expected: 'inserted' | 'updated'): string {
    return this.db.transaction(() => {
      const dir = this.directory();
      const divisionId = dir.divisionId(record.division, 0);
      const judgeId = dir.staffId(record.judge, divisionId, 0);
      // A clerk of one division registers in his division, a judge his own cases: the scope the lists use.
      if (!ctx.inScope(divisionId, judgeId)) throw new InputError(`该案件不在您可登记的范围内（承办部门或承办法官超出您的查看范围）`, expected === 'inserted' ? 'division' : 'judge');
      const catalogBefore = expected === 'updated' ? ((this.db.prepare('SELECT cause_catalog FROM cases WHERE case_number = ?').pluck().get(record.caseNumber) as string | null) ?? null) : null;
      const version = nextRowVersion(this.db);
      const outcome = this.store.upsert(record, dir, version, ctx);
      if (outcome !== expected && outcome !== 'unchanged') throw new InputError(`案号 ${record.caseNumber} 已登记`, 'caseNumber');
      if (expected === 'inserted' || catalogBefore !== causeCatalog) {
        this.db.prepare('UPDATE cases SET cause_catalog = ?, row_version = ? WHERE case_number = ?').run(causeCatalog, version, record.caseNumber);
      }
      // The record the store compares and audits has no catalogue: a change of it alone is its own entry.
      if (expected === 'updated' && catalogBefore !== causeCatalog) {
        this.store.audit({ actor: ctx.actor, action: 'case.update', entity: 'case', entityKey: record.caseNumber, before: { causeCatalog: catalogBefore }, after: { causeCatalog } });
      }
      return record.caseNumber;
    }).immediate();
  }

  private transact(record: CaseRecord, ctx: WriteContext): string {
    return this.db.transaction(() => {
      this.store.upsert(record, this.directory(), nextRowVersion(this.db), ctx);
      return record.caseNumber;
    }).immediate();
  }

  private currentFields(row: CaseRow): Fields {
    const names = this.names(row);
    const r = rowToRecord(row, names.division, names.judge);
    return {
      cause: r.cause, causeCatalog: (row.cause_catalog as Fields['causeCatalog']) ?? null, procedure: r.procedure, limitVariant: r.limitVariant,
      filedOn: r.filedOn, division: r.division, judge: r.judge, plaintiffs: r.plaintiffs, defendants: r.defendants,
      claimAmount: r.claimAmount, originCaseNumber: r.originCaseNumber,
    };
  }

  private names(row: CaseRow): { division: string; judge: string } {
    return this.db.prepare('SELECT (SELECT name FROM divisions WHERE id = ?) AS division, (SELECT name FROM staff WHERE id = ?) AS judge').get(row.division_id, row.judge_id) as { division: string; judge: string };
  }

  private directory(): CourtDirectory {
    return new CourtDirectory(this.db, getSelfCourt(this.db)!.id);
  }
}
