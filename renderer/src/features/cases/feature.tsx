// 案件: the case list (#/cases?…) and the case page (#/case/<案号>), their stores, and what each address loads.
import { useStore } from 'zustand';
import type { Feature } from '../types';
import { stores } from '../../stores';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { createCaseDetailStore, type CaseDetailStore } from './caseDetail';
import { createCaseListStore, type CaseListStore } from './caseList';
import { formatCasesRoute, parseCasesRoute, type CasesFeatureRoute, type CasesRoute } from './routes';

export interface CasesStores {
  /** The 案件 list. */
  cases: CaseListStore;
  caseDetail: CaseDetailStore;
}

export const casesFeature: Feature<'cases', CasesFeatureRoute, CasesStores> = {
  id: 'cases',
  routeNames: ['cases', 'case'],
  listRoutes: ['cases'],
  underListRoutes: ['case'],
  parse: parseCasesRoute,
  format: formatCasesRoute,
  nav: {
    label: '案件',
    order: 10,
    requires: ['cases.view'],
    // Back to the list as it was left: its filters and page.
    useTarget(): CasesRoute {
      const filters = useStore(stores.cases, (s) => s.filters);
      const page = useStore(stores.cases, (s) => s.page);
      return { name: 'cases', filters, page };
    },
  },
  title: (route) => (route.name === 'case' ? route.caseNumber : '案件'),
  page: (route) => (route.name === 'case' ? <CasePage caseNumber={route.caseNumber} /> : <CasesPage />),
  load(route, s) {
    if (route.name === 'case') return s.caseDetail.getState().load(route.caseNumber);
    // The judges of the chosen division fill the 法官 choice.
    return Promise.all([s.cases.getState().load(route.filters, route.page), s.app.getState().loadJudges(route.filters.divisionId)]);
  },
  createStores: (api) => ({ cases: createCaseListStore(api), caseDetail: createCaseDetailStore(api) }),
};
