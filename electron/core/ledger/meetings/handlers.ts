// Handlers of the monthly analysis meetings (月分析会): list, one meeting, and a new one with its snapshot of the figures.
import { can } from '../../../../shared/accounts/roles';
import { ledgerMeetingsApi } from '../../../../shared/ledger/meetingsApi';
import { createDomain } from '../../kernel/domain';
import type { CoreServices } from '../../app/services';
import { rangesInForce } from '../../indicators/rangeSettings';
import { MeetingStore } from './meetingStore';

export const ledgerMeetingsDomain = createDomain('ledgerMeetings', ledgerMeetingsApi, (s: CoreServices) => {
  const store = new MeetingStore(s.db, () => rangesInForce(s.settings));
  return {
    'ledger.meetings': () => store.list(),
    'ledger.meeting': (a, ctx) => store.get(a.id, s.today(), ctx.person !== null && can(ctx.person.roles, 'ledger.manage')),
    'ledger.addMeeting': (a, ctx) => store.add(a, ctx.actor),
  };
});
