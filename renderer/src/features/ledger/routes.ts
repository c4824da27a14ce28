// The 台账's address: #/ledger, or #/ledger?meeting=N when a monthly analysis meeting's 由此新增措施 opens the new-measure form for that meeting.
import type { HashPath } from '../../router/hash';

export interface LedgerRoute {
  name: 'ledger';
  /** The meeting a new measure comes from; absent on the plain page. */
  meeting?: number;
}

export const LEDGER_ROUTE: LedgerRoute = { name: 'ledger' };

/** A positive whole number as typed in an address; anything else is no meeting (the plain page). */
function meetingOf(v: string | null): number | undefined {
  return v !== null && /^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : undefined;
}

/** Only the exact address #/ledger: #/ledger/… belongs to the trend and meetings sections. */
export function parseLedgerRoute({ head, parts, query }: HashPath): LedgerRoute | null {
  if (head !== 'ledger' || parts.length !== 1) return null;
  const meeting = meetingOf(query.get('meeting'));
  return meeting === undefined ? LEDGER_ROUTE : { name: 'ledger', meeting };
}

export const formatLedgerRoute = (r: LedgerRoute): string => (r.meeting ? `#/ledger?meeting=${r.meeting}` : '#/ledger');
