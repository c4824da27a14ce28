// 预测 (#/ledger/projection): the 脱薄 ledger's what-if, the projected indicators under the president's assumptions beside the baseline; the ledger's own screens live in features/ledger/.
import type { Feature } from '../types';
import { ProjectionPage } from './ProjectionPage';
import { DEFAULT_PROJECTION_ROUTE, formatProjectionRoute, parseProjectionRoute, type ProjectionRoute } from './routes';
import { createProjectionStore, type ProjectionStore } from './store';

export type { ProjectionRoute };

export interface ProjectionStores {
  projection: ProjectionStore;
}

export const projectionFeature: Feature<'projection', ProjectionRoute, ProjectionStores> = {
  id: 'projection',
  routeNames: ['projection'],
  parse: parseProjectionRoute,
  format: formatProjectionRoute,
  nav: {
    label: '脱薄预测',
    order: 68,
    requires: ['ledger.view'],
    useTarget: () => DEFAULT_PROJECTION_ROUTE,
  },
  title: () => '脱薄预测',
  page: (route) => <ProjectionPage route={route} />,
  load: (route, s) => s.projection.getState().load(route),
  createStores: (api) => ({ projection: createProjectionStore(api) }),
};
