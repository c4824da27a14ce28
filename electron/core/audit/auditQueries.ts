// Browsing the audit log: filtered pages, newest first, and the chain check in words.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { AuditPage, AuditRow, AuditVerifyResult, auditListArgs } from '../../../shared/api/contract';
import type { AuditVerification } from './auditLog';

export function listAudit(db: Database, a: z.output<typeof auditListArgs>): AuditPage {
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
  if (a.from) {
    where.push('at >= @from');
    params.from = new Date(`${a.from}T00:00:00`).toISOString();
  }
  if (a.to) {
    where.push('at < @to');
    params.to = new Date(new Date(`${a.to}T00:00:00`).getTime() + 86_400_000).toISOString();
  }
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, entity, entity_key AS entityKey, before_json AS before, after_json AS after
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as AuditRow[];
  return { rows: rows.slice(0, a.limit), offset: a.offset, hasMore: rows.length > a.limit };
}

export function describeVerification(v: AuditVerification): AuditVerifyResult {
  return {
    ...v,
    message: v.ok
      ? `审计链完整，共 ${v.entries} 条记录`
      : `审计链在第 ${v.firstBrokenId} 号记录处断开：该记录或其前一条记录被删除或修改过`,
  };
}
