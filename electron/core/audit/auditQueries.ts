// Browsing the audit log: filtered pages, newest first, and the chain check in words.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { AuditPage, AuditRow, AuditVerifyResult, auditListArgs } from '../../../shared/api/contract';
import type { AuditVerification } from './auditLog';
import type { AnchorCheck } from './anchors';
import { formatLocalTime } from '../backup/backupNames';
import { inScope } from '../cases/caseQueries';
import type { CaseScope } from '../../../shared/accounts/roles';

/** The UTC timestamp text of local midnight `plusDays` after `day` (a real date: the schema checked it), or null outside years 0000–9999. */
function localMidnight(day: string, plusDays: number): string | null {
  const iso = new Date(new Date(`${day}T00:00:00`).getTime() + plusDays * 86_400_000).toISOString();
  return /^\d{4}-/.test(iso) ? iso : null;
}

/**
 * Whether the reader may see what an entry about a case recorded (its parties, cause, judge …): the audit log is read
 * through the same case scope as the case list, so an administrator, who sees no case data, sees that a case entry
 * exists (who, when, which case, what kind of change) but not its content.
 */
function caseContentVisible(db: Database, scope: CaseScope): (caseNumber: string | null) => boolean {
  if (scope.kind === 'all') return () => true;
  if (scope.kind === 'none') return () => false;
  const owner = db.prepare('SELECT division_id, judge_id FROM cases WHERE case_number = ?');
  return (caseNumber) => {
    const row = caseNumber === null ? undefined : (owner.get(caseNumber) as { division_id: number; judge_id: number } | undefined);
    return row !== undefined && inScope(scope, row);
  };
}

export function listAudit(db: Database, a: z.output<typeof auditListArgs>, scope: CaseScope): AuditPage {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: a.limit + 1, offset: a.offset };
  if (a.actor) {
    where.push('actor = @actor');
    params.actor = a.actor;
  }
  if (a.entityKey) {
    where.push('entity_key = @entityKey');
    params.entityKey = a.entityKey;
  }
  // Timestamps are stored in UTC; the dates a reader types are days of the court's own calendar (this machine's zone).
  // A bound past the years stored timestamps can spell (0000-01-01 east of Greenwich, the day after 9999-12-31) bounds
  // nothing, and would compare wrongly as text ('+010000-…' sorts before '2024-…').
  const from = a.from ? localMidnight(a.from, 0) : null;
  if (from) {
    where.push('at >= @from');
    params.from = from;
  }
  const to = a.to ? localMidnight(a.to, 1) : null;
  if (to) {
    where.push('at < @to');
    params.to = to;
  }
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_key AS entityKey, before_json AS before, after_json AS after
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Array<Omit<AuditRow, 'contentHidden'>>;
  const visible = caseContentVisible(db, scope);
  const page = rows.slice(0, a.limit).map((r): AuditRow => {
    if (r.entity !== 'case' || visible(r.entityKey)) return { ...r, contentHidden: false };
    return { ...r, before: null, after: null, contentHidden: true };
  });
  return { rows: page, offset: a.offset, hasMore: rows.length > a.limit };
}

/** The chain check in words: broken inside, short of an anchor kept outside the file, or whole. */
export function describeVerification(v: AuditVerification, anchors: AnchorCheck = { checked: 0, shortAfter: null, failed: null }): AuditVerifyResult {
  const base = { ...v, anchors: anchors.checked, truncatedAfter: anchors.shortAfter };
  if (!v.ok) return { ...base, message: `审计链在第 ${v.firstBrokenId} 号记录处断开：该记录或其前一条记录被删除或修改过` };
  if (anchors.failed) {
    const a = anchors.failed;
    return {
      ...base,
      ok: false,
      message: `审计日志与 ${formatLocalTime(a.at)} 的${a.kind === 'restore' ? '恢复' : '备份'}记录不符：第 ${anchors.shortAfter} 条之后的记录被截断或改写（当时共 ${a.entries} 条，现有 ${v.entries} 条）`,
    };
  }
  const held = anchors.checked ? `，与 ${anchors.checked} 次备份时的记录相符` : '（尚无备份记录可供核对）';
  return { ...base, message: `审计链完整，共 ${v.entries} 条记录${held}` };
}
