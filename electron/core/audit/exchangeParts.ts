// What the audit domain sends to the intermediate court: its chain's length and head, and the content digests since the
// base package's length (audit_chain.json), so the intermediate court can hold the head and see a rewritten or cut log.
import type { PartSource } from '../exchange/parts/partSource';
import { auditChainSince } from './chainDigests';

export const auditExchangeParts: PartSource[] = [
  {
    part: 'audit_chain.json',
    format: 'json',
    value(db, sel) {
      // The first package (no base) carries no digests: there is no head at the intermediate court to carry forward.
      const chain = auditChainSince(db, sel.auditSince ?? Number.MAX_SAFE_INTEGER);
      return { value: { since: chain.since, length: chain.length, head: chain.head, digests: chain.digests.toString('base64') }, rows: chain.length - chain.since };
    },
  },
];
