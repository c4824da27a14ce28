// The addresses of "did it move" and the monthly analysis meetings: #/ledger/point?id=N (a weak point's trend), #/ledger/meetings and #/ledger/meeting?id=N.
import type { HashPath } from '../../router/hash';

export interface LedgerPointRoute {
  name: 'ledgerPoint';
  id: number;
}
export interface LedgerMeetingsRoute {
  name: 'ledgerMeetings';
}
export interface LedgerMeetingRoute {
  name: 'ledgerMeeting';
  id: number;
}
export type LedgerReviewRoute = LedgerPointRoute | LedgerMeetingsRoute | LedgerMeetingRoute;

export const MEETINGS_ROUTE: LedgerMeetingsRoute = { name: 'ledgerMeetings' };
export const pointRoute = (id: number): LedgerPointRoute => ({ name: 'ledgerPoint', id });
export const meetingRoute = (id: number): LedgerMeetingRoute => ({ name: 'ledgerMeeting', id });

/** A positive whole number as typed in an address; anything else is no id. */
function idOf(v: string | null): number | null {
  if (v === null || !/^[1-9][0-9]{0,9}$/.test(v)) return null;
  return Number(v);
}

/** Only the three sub-addresses of #/ledger; #/ledger itself (the 台账) is the ledger screens' own. */
export function parseLedgerReviewRoute({ head, parts, query }: HashPath): LedgerReviewRoute | null {
  if (head !== 'ledger' || parts.length !== 2) return null;
  if (parts[1] === 'meetings') return MEETINGS_ROUTE;
  const id = idOf(query.get('id'));
  if (id === null) return null;
  if (parts[1] === 'point') return pointRoute(id);
  if (parts[1] === 'meeting') return meetingRoute(id);
  return null;
}

export function formatLedgerReviewRoute(route: LedgerReviewRoute): string {
  if (route.name === 'ledgerMeetings') return '#/ledger/meetings';
  return `#/ledger/${route.name === 'ledgerPoint' ? 'point' : 'meeting'}?id=${route.id}`;
}

/** The 台账 page's address, where measures are added (the ledger screens' form); the meeting travels in the query. */
export const ledgerHref = (meetingId?: number): string => (meetingId ? `#/ledger?meeting=${meetingId}` : '#/ledger');
