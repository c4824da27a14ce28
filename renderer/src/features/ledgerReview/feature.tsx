// 月分析会 and "did it move": a weak point's trend (#/ledger/point?id=N), the meetings (#/ledger/meetings) and one meeting (#/ledger/meeting?id=N); their stores.
import type { Feature } from '../types';
import { MeetingPage } from './MeetingPage';
import { MeetingsPage } from './MeetingsPage';
import { PointPage } from './PointPage';
import { MEETINGS_ROUTE, formatLedgerReviewRoute, parseLedgerReviewRoute, type LedgerReviewRoute } from './routes';
import { createMeetingListStore, createMeetingStore, createTrendStore, type MeetingListStore, type MeetingStore, type TrendStore } from './store';

export type { LedgerReviewRoute };

export interface LedgerReviewStores {
  ledgerTrend: TrendStore;
  ledgerMeetings: MeetingListStore;
  ledgerMeeting: MeetingStore;
}

export const ledgerReviewFeature: Feature<'ledgerReview', LedgerReviewRoute, LedgerReviewStores> = {
  id: 'ledgerReview',
  routeNames: ['ledgerPoint', 'ledgerMeetings', 'ledgerMeeting'],
  parse: parseLedgerReviewRoute,
  format: formatLedgerReviewRoute,
  nav: {
    label: '月分析会',
    order: 65,
    requires: ['ledger.view'],
    useTarget: () => MEETINGS_ROUTE,
  },
  // A weak point's trend is opened from the 台账 (查看趋势) and belongs to it in the reader's eyes.
  litEntry: (route) => (route.name === 'ledgerPoint' ? 'ledger' : null),
  title: (route) => (route.name === 'ledgerPoint' ? '薄弱点 · 是否改善' : route.name === 'ledgerMeeting' ? '月分析会 · 记录' : '月分析会'),
  page: (route) => (route.name === 'ledgerPoint' ? <PointPage route={route} /> : route.name === 'ledgerMeeting' ? <MeetingPage route={route} /> : <MeetingsPage />),
  load: async (route, s) => {
    if (route.name === 'ledgerPoint') return s.ledgerTrend.getState().load({ weakPointId: route.id });
    if (route.name === 'ledgerMeeting') return s.ledgerMeeting.getState().load({ id: route.id });
    const app = s.app.getState();
    await Promise.all([app.info ? null : app.loadInfo(), s.ledgerMeetings.getState().load({})]);
  },
  createStores: (api) => ({ ledgerTrend: createTrendStore(api), ledgerMeetings: createMeetingListStore(api), ledgerMeeting: createMeetingStore(api) }),
};
