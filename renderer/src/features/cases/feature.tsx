// 案件: the case list (#/cases?…), the case page (#/case/<案号>), registration (#/cases/new) and editing
// (#/case/<案号>/edit), their stores, and what each address loads.
import { useStore } from 'zustand';
import type { Feature } from '../types';
import { stores } from '../../stores';
import { CaseFormPage } from './CaseFormPage';
import { CasePage } from './CasePage';
import { CasesPage } from './CasesPage';
import { ImportPage } from './import/ImportPage';
import { createImportStore, type ImportStore } from './import/importStore';
import { createCaseDetailStore, type CaseDetailStore } from './caseDetail';
import type { CaseFormStore } from './caseForm';
import { createCaseFormStore } from './caseFormStore';
import { createCaseListStore, type CaseListStore } from './caseList';
import { createCaseWorkStore, type CaseWorkStore } from './caseWork';
import { createSavedFiltersStore, type SavedFiltersStore } from './savedFilters';
import { formatCasesRoute, parseCasesRoute, type CasesFeatureRoute, type CasesRoute } from './routes';

export interface CasesStores {
  /** The 案件 list. */
  cases: CaseListStore;
  caseDetail: CaseDetailStore;
  /** The case page's changes and the case's history. */
  caseWork: CaseWorkStore;
  /** 新增案件 and 编辑. */
  caseForm: CaseFormStore;
  /** 我的筛选. */
  savedFilters: SavedFiltersStore;
  /** 导入案件. */
  caseImport: ImportStore;
}

export const casesFeature: Feature<'cases', CasesFeatureRoute, CasesStores> = {
  id: 'cases',
  routeNames: ['cases', 'case', 'caseNew', 'caseEdit', 'caseImport'],
  listRoutes: ['cases'],
  underListRoutes: ['case', 'caseNew', 'caseEdit', 'caseImport'],
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
  title: (route) => {
    switch (route.name) {
      case 'case':
        return route.caseNumber;
      case 'caseNew':
        return '新增案件';
      case 'caseImport':
        return '导入案件';
      case 'caseEdit':
        return `编辑 ${route.caseNumber}`;
      default:
        return '案件';
    }
  },
  page: (route) => {
    switch (route.name) {
      case 'case':
        return <CasePage caseNumber={route.caseNumber} />;
      case 'caseNew':
        return <CaseFormPage />;
      case 'caseImport':
        return <ImportPage />;
      case 'caseEdit':
        return <CaseFormPage key={route.caseNumber} caseNumber={route.caseNumber} />;
      default:
        return <CasesPage />;
    }
  },
  load(route, s, permissions) {
    switch (route.name) {
      case 'case':
        return Promise.all([s.caseDetail.getState().load(route.caseNumber), s.caseWork.getState().loadHistory(route.caseNumber)]);
      case 'caseNew': {
        // A refused call is written to the audit log as an attempt: nothing is asked without the permission.
        if (!permissions.includes('cases.register')) return Promise.resolve();
        const form = s.caseForm.getState();
        if (form.mode !== 'new') form.startNew();
        return Promise.resolve();
      }
      case 'caseEdit':
        if (!permissions.includes('cases.register')) return Promise.resolve();
        // Read afresh: the form starts from the case as it is now, not as the page last showed it, nor with what was
        // typed and abandoned the last time.
        s.caseForm.getState().reset();
        return s.caseDetail.getState().load(route.caseNumber, { force: true });
      case 'caseImport':
        return Promise.resolve();
      default:
        // The judges of the chosen division fill the 法官 choice.
        return Promise.all([s.cases.getState().load(route.filters, route.page), s.app.getState().loadJudges(route.filters.divisionId), s.savedFilters.getState().load()]);
    }
  },
  createStores: (api) => {
    const caseDetail = createCaseDetailStore(api);
    return {
      cases: createCaseListStore(api),
      caseDetail,
      caseWork: createCaseWorkStore(api, caseDetail),
      caseForm: createCaseFormStore(api),
      savedFilters: createSavedFiltersStore(api),
      caseImport: createImportStore(api),
    };
  },
};
