// Handlers of the audit domain: pages of the audit log and the check of its hash chain.
import { auditApi } from '../../../shared/audit/api';
import { createDomain } from '../kernel/domain';
import { listAudit, describeVerification } from './auditQueries';
import { verifyAuditChain } from './auditLog';
import type { CoreServices } from '../app/services';

export const auditDomain = createDomain('audit', auditApi, (s: CoreServices) => ({
  'audit.list': (a) => listAudit(s.db, a),
  'audit.verify': () => describeVerification(verifyAuditChain(s.db)),
}));
