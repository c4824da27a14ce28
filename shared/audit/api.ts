// The audit domain's calls: pages of the hash-chained audit log, and the check of its chain.
import { z } from 'zod';
import { defineCalls, returns } from '../api/define';
import { empty, isoDate } from '../api/fields';

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string | null;
  entityKey: string | null;
  before: string | null;
  after: string | null;
  /** An entry about a case outside the reader's case scope: it is listed, its content (before and after) is not. */
  contentHidden: boolean;
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
  /** How many anchors (the chain's length and head at each backup, kept outside the file) the log was held against. */
  anchors: number;
  /** The log no longer reaches an anchor: it agrees with them up to this entry and was cut or rewritten after it. */
  truncatedAfter: number | null;
  message: string;
}

export const auditListArgs = z.object({
  actor: z.string().trim().max(20).optional(),
  /** A case number or account name: the record the entry is about. */
  entityKey: z.string().trim().max(60).optional(),
  /** Real calendar days: a bare pattern let 2024-02-30 through to the query, which met it as "Invalid time value". */
  from: isoDate.optional(),
  to: isoDate.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}).strict();

export const auditApi = defineCalls({
  'audit.list': { args: auditListArgs, access: 'audit.view', result: returns<AuditPage>() },
  'audit.verify': { args: empty, access: 'audit.view', result: returns<AuditVerifyResult>() },
});
