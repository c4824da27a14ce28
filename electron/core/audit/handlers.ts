// Handlers of the audit domain: pages of the audit log and the check of its hash chain.
import { auditApi } from '../../../shared/audit/api';
import { createDomain } from '../kernel/domain';
import { listAudit, describeVerification } from './auditQueries';
import { verifyAuditChain } from './auditLog';
import { checkAnchors, readAnchors } from './anchors';
import type { CoreServices } from '../app/services';

export const auditDomain = createDomain('audit', auditApi, (s: CoreServices) => ({
  'audit.list': (a, ctx) => listAudit(s.db, a, ctx.scope),
  'audit.verify': () => describeVerification(verifyAuditChain(s.db), checkAnchors(s.db, readAnchors(s.dbPath))),
}));
