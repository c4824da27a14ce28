// Writes what an exchange file says beyond the import columns, inside the import's transaction: its deducted periods
// and suspensions (as case events), its extensions (as decided extension requests, so the engine counts the approved
// ones), the day of a conversion to ordinary procedure, the source system's figures, and the 审限核对 disagreement.
import type { Database, Statement } from 'better-sqlite3';
import { computeDeadline } from '../../../shared/deadlines/engine';
import type { ExtensionStatus } from '../../../shared/cases/types';
import type { AuditAppend } from '../audit/auditLog';
import type { CaseStore, UpsertOutcome } from './caseStore';
import { deadlineInputOf, type CaseRow } from './caseRow';
import type { ExchangeCase, ExchangeRead } from './exchangeFile';
import { compareWithSource, type Comparison } from './reconciliationQueries';

interface StoredEvent { id: number; kind: string; fromOn: string; toOn: string | null; note: string | null }
interface StoredExtension { id: number; months: number; days: number; requestedOn: string; status: ExtensionStatus }

/** The figures of a 审限核对 row that decide whether it changed (the arithmetic's wording follows "today"). */
type Figures = Comparison;

export class ExchangeWriter {
  private s: Record<string, Statement>;
  private importId: number | null = null;
  /** Whether anything besides the cases' own columns changed (events, extensions, sources, disagreements). */
  changed = false;
  /** Disagreements found by this import (the 审限核对 rows it wrote). */
  disagreements = 0;
  /** Periods of a file left out because they clash with the suspensions already recorded, as import warnings. */
  readonly skipped: Array<{ row: number; column: string; message: string }> = [];

  constructor(
    db: Database,
    private readonly store: CaseStore,
    private readonly read: ExchangeRead,
    private readonly meta: { file: string; actor: string; today: string; now: string; audit?: AuditAppend },
  ) {
    this.s = {
      events: db.prepare('SELECT id, kind, from_on AS fromOn, to_on AS toOn, note FROM case_events WHERE case_id = ? ORDER BY from_on, id'),
      insertEvent: db.prepare('INSERT INTO case_events (case_id, kind, from_on, to_on, note, row_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      closeEvent: db.prepare('UPDATE case_events SET to_on = ?, row_version = ?, updated_at = ? WHERE id = ?'),
      extensions: db.prepare('SELECT id, months, days, requested_on AS requestedOn, status FROM extension_requests WHERE case_id = ?'),
      insertExtension: db.prepare(
        `INSERT INTO extension_requests (case_id, months, days, reason, requested_on, status, decided_on, row_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setExtensionStatus: db.prepare('UPDATE extension_requests SET status = ?, decided_on = ?, row_version = ?, updated_at = ? WHERE id = ?'),
      setConverted: db.prepare('UPDATE cases SET converted_on = ?, row_version = ?, updated_at = ? WHERE id = ?'),
      insertImport: db.prepare('INSERT INTO exchange_imports (file, sha256, actor, imported_at) VALUES (?, ?, ?, ?)'),
      source: db.prepare('SELECT court_code, court_name, origin_court_code, limit_days, due_on FROM exchange_sources WHERE case_id = ?'),
      putSource: db.prepare(
        `INSERT OR REPLACE INTO exchange_sources (case_id, import_id, entry, court_code, court_name, origin_court_code, limit_days, due_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      reconciliation: db.prepare('SELECT source_due_on, source_limit_days, courtdesk_due_on, courtdesk_limit, courtdesk_limit_days, difference_days FROM reconciliations WHERE case_id = ?'),
      putReconciliation: db.prepare(
        `INSERT OR REPLACE INTO reconciliations (case_id, import_id, source_due_on, source_limit_days, courtdesk_due_on, courtdesk_limit, courtdesk_limit_days, difference_days, steps, recorded_at)
         VALUES (@case_id, @import_id, @source_due_on, @source_limit_days, @courtdesk_due_on, @courtdesk_limit, @courtdesk_limit_days, @difference_days, @steps, @recorded_at)`,
      ),
      dropReconciliation: db.prepare('DELETE FROM reconciliations WHERE case_id = ?'),
    };
  }

  /** The exchange_imports row of this import, made when first needed (rolled back with an import that changed nothing). */
  private importRow(): number {
    this.importId ??= Number(this.s.insertImport.run(this.meta.file.slice(-260), this.read.sha256, this.meta.actor, this.meta.now).lastInsertRowid);
    return this.importId;
  }

  /**
   * After the case itself was upserted: its periods, extensions and conversion, then its deadline columns and the
   * comparison with the source's figures. Returns the case's outcome (unchanged becomes updated when its periods or
   * extensions changed). Throws no InputError: every refusal was made while reading, before any write.
   */
  apply(row: number, caseNumber: string, outcome: UpsertOutcome, rowVersion: number): UpsertOutcome {
    const x = this.read.cases.get(row);
    if (!x) return outcome;
    let stored = this.store.getRow(caseNumber)!;
    const changes = this.syncFacts(stored, x, rowVersion);
    if (changes.length > 0) {
      stored = this.store.getRow(caseNumber)!;
      this.store.refreshDeadline(stored, rowVersion, this.meta.today);
      const audit = this.meta.audit ?? this.store.audit;
      audit({ actor: this.meta.actor, action: 'case.exchange', entity: 'case', entityKey: caseNumber, after: { source: x.entry, changes } }, this.meta.now);
      this.changed = true;
      if (outcome === 'unchanged') outcome = 'updated';
    }
    this.reconcile(stored, x);
    return outcome;
  }

  /** Adds the periods and extensions the case lacks and closes periods the source shows ended; never deletes. */
  private syncFacts(c: CaseRow, x: ExchangeCase, version: number): string[] {
    const changes: string[] = [];
    const now = this.meta.now;
    const events = this.s.events.all(c.id) as StoredEvent[];
    for (const e of x.events) {
      const same = events.find((s) => s.kind === e.kind && s.fromOn === e.fromOn);
      if (!same) {
        // The rules of the case form hold here too: one suspension at a time, nothing else inside one. A second open
        // 中止 would stop the clock for good and hide an overdue case; the file's period is left out and said so.
        const end = e.toOn ?? '9999-12-31';
        const clash = events.find((s) => (s.kind === '中止' || e.kind === '中止') && s.fromOn < end && e.fromOn < (s.toOn ?? '9999-12-31'));
        if (clash) {
          this.skipped.push({
            row: x.row, column: '中止恢复',
            message: `文件“${x.entry}”：${e.kind} ${e.fromOn} 至 ${e.toOn ?? '今'} 与本程序已登记的${clash.kind}期间 ${clash.fromOn} 至 ${clash.toOn ?? '今'} 重叠，未导入`,
          });
          continue;
        }
        events.push({ id: -1, kind: e.kind, fromOn: e.fromOn, toOn: e.toOn, note: e.note });
        this.s.insertEvent.run(c.id, e.kind, e.fromOn, e.toOn, e.note, version, now, now);
        changes.push(`登记${e.kind} ${e.fromOn} 至 ${e.toOn ?? '（尚未结束）'}`);
      } else if (same.toOn === null && e.toOn !== null) {
        this.s.closeEvent.run(e.toOn, version, now, same.id);
        changes.push(`${e.kind} ${e.fromOn} 结束于 ${e.toOn}`);
      }
    }
    const pairs = pairExtensions(this.s.extensions.all(c.id) as StoredExtension[], x.extensions);
    for (const [i, ext] of x.extensions.entries()) {
      const same = pairs.get(i);
      const label = `${ext.months ? `${ext.months}个月` : ''}${ext.days ? `${ext.days}天` : ''}`;
      if (!same) {
        this.s.insertExtension.run(c.id, ext.months, ext.days, ext.reason, ext.requestedOn, ext.status, ext.decidedOn, version, now, now);
        changes.push(`${ext.status === 'approved' ? '批准' : '未批准'}延长审限 ${label}（${ext.requestedOn} 申请）`);
      } else if (same.status !== ext.status && (same.status === 'approved' || same.status === 'rejected')) {
        // A request still in CourtDesk's own approval (pending, or sent to the higher court) is decided there, not by a file.
        this.s.setExtensionStatus.run(ext.status, ext.decidedOn, version, now, same.id);
        changes.push(`延长审限 ${label} 改为${ext.status === 'approved' ? '批准' : '未批准'}`);
      }
    }
    if (x.convertedOn !== null && c.converted_on !== x.convertedOn) {
      this.s.setConverted.run(x.convertedOn, version, now, c.id);
      changes.push(`${x.convertedOn} 转为普通程序`);
    }
    return changes;
  }

  /** Keeps the source's figures, and stores or clears the case's disagreement with CourtDesk's computation. */
  private reconcile(c: CaseRow, x: ExchangeCase): void {
    const src = x.source;
    const before = this.s.source.get(c.id) as Record<string, unknown> | undefined;
    const after = { court_code: src.courtCode, court_name: src.courtName, origin_court_code: src.originCourtCode, limit_days: src.limitDays, due_on: src.dueOn };
    if (!before || Object.entries(after).some(([k, v]) => before[k] !== v)) this.changed = true;
    this.s.putSource.run(c.id, this.importRow(), x.entry.slice(-260), src.courtCode, src.courtName, src.originCourtCode, src.limitDays, src.dueOn);

    const figures = this.figures(c, x);
    const stored = this.s.reconciliation.get(c.id) as Figures | undefined;
    if (!figures) {
      if (stored) {
        this.s.dropReconciliation.run(c.id);
        this.changed = true;
      }
      return;
    }
    this.disagreements++;
    if (!stored || (Object.keys(figures.values) as Array<keyof Figures>).some((k) => stored[k] !== figures.values[k])) this.changed = true;
    this.s.putReconciliation.run({ case_id: c.id, import_id: this.importRow(), ...figures.values, steps: fittedSteps(figures.steps), recorded_at: this.meta.now });
  }

  /** CourtDesk's figures against the source's, or null when they agree (or the source states neither). */
  private figures(c: CaseRow, x: ExchangeCase): { values: Figures; steps: string[] } | null {
    const d = computeDeadline(deadlineInputOf(c, this.store.facts(c.id)), this.meta.today, true, this.store.rules.restDays());
    const values = compareWithSource(c.filed_on, d, x.source);
    return values && { values, steps: d.steps };
  }

  /** Read-only: whether applying these rows would change anything beyond the cases' own columns (for the pre-import backup). */
  static wouldChange(db: Database, read: ExchangeRead, rows: ReadonlyArray<{ row: number; record: { caseNumber: string } }>): boolean {
    const caseOf = db.prepare('SELECT id, converted_on FROM cases WHERE case_number = ?');
    const hasSource = db.prepare('SELECT 1 FROM exchange_sources WHERE case_id = ?').pluck();
    const events = db.prepare('SELECT kind, from_on AS fromOn, to_on AS toOn FROM case_events WHERE case_id = ?');
    const extensions = db.prepare('SELECT months, days, requested_on AS requestedOn, status FROM extension_requests WHERE case_id = ?');
    for (const r of rows) {
      const x = read.cases.get(r.row);
      if (!x) continue;
      const c = caseOf.get(r.record.caseNumber) as { id: number; converted_on: string | null } | undefined;
      if (!c || !hasSource.get(c.id)) return true;
      const ev = events.all(c.id) as StoredEvent[];
      if (x.events.some((e) => !ev.some((s) => s.kind === e.kind && s.fromOn === e.fromOn && (s.toOn !== null || e.toOn === null)))) return true;
      const pairs = pairExtensions(extensions.all(c.id) as StoredExtension[], x.extensions);
      if (x.extensions.some((e, i) => pairs.get(i)?.status !== e.status)) return true;
      if (x.convertedOn !== null && x.convertedOn !== c.converted_on) return true;
    }
    return false;
  }
}

/**
 * Pairs each extension of a file with at most one stored request of the same day and length, each stored one used
 * once: a court may grant the same month twice on one day, and two grants are two, not one seen twice. Requests of
 * the same status pair first, so that a file listing one granted and one refused leaves both as they are.
 */
function pairExtensions(stored: readonly StoredExtension[], file: ReadonlyArray<ExchangeCase['extensions'][number]>): Map<number, StoredExtension> {
  const pairs = new Map<number, StoredExtension>();
  const used = new Set<number>();
  const sameRequest = (s: StoredExtension, e: ExchangeCase['extensions'][number]) => s.requestedOn === e.requestedOn && s.months === e.months && s.days === e.days;
  for (const sameStatus of [true, false]) {
    file.forEach((e, i) => {
      if (pairs.has(i)) return;
      const s = stored.find((x) => !used.has(x.id) && sameRequest(x, e) && (!sameStatus || x.status === e.status));
      if (!s) return;
      pairs.set(i, s);
      used.add(s.id);
    });
  }
  return pairs;
}

/** The arithmetic as JSON within the column's 8,000 characters: whole steps dropped from the middle, never cut JSON. */
export function fittedSteps(steps: string[]): string {
  let kept = steps;
  let json = JSON.stringify(kept);
  while (json.length > 8000 && kept.length > 2) {
    kept = [...kept.slice(0, Math.ceil(kept.length / 2) - 1), '……（计算过程过长，中间从略）', ...kept.slice(Math.ceil(kept.length / 2) + 1)].filter((x, i, a) => !(x.startsWith('……') && a[i - 1]?.startsWith('……')));
    json = JSON.stringify(kept);
  }
  return json.length > 8000 ? JSON.stringify(['计算过程过长，从略']) : json;
}
