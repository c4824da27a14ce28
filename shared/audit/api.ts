// The audit domain's calls: pages of the hash-chained audit log, and the check of its chain.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty } from '../api/fields';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityKey: string | null;
  before: string | null;
  after: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  offset: number;
  hasMore: boolean;
}

export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  firstBrokenId: number | null;
  message: string;
}

export const auditListArgs = z.object({
  actor: z.string().trim().max(20).optional(),
  /** A case number or account name: the record the entry is about. */
  entityKey: z.string().trim().max(60).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应如 2024-01-05').optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应如 2024-01-05').optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();

export const auditApi = defineCalls({
  'audit.list': { args: auditListArgs, access: 'audit.view', result: returns<AuditPage>() },
  'audit.verify': { args: empty, access: 'audit.view', result: returns<AuditVerifyResult>() },
});
