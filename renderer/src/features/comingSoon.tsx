// A section announced but not built (延审审批, 质效指标, 报送中院): one plain address, a navigation entry marked
// 即将推出, and the ComingSoonPage that says what it will hold. It loads nothing and owns no store.
import type { Action } from '../../../shared/accounts/roles';
import { ComingSoonPage, type ComingSoonSection } from '../components/ComingSoonPage';
import { plainRoute } from '../router/hash';
import type { Feature } from './types';

interface ComingSoonSpec<K extends string> {
  id: K;
  order: number;
  requires: readonly Action[];
  section: ComingSoonSection;
}

export function comingSoonFeature<K extends string>({ id, order, requires, section }: ComingSoonSpec<K>): Feature<K, { name: K }> {
  const route = plainRoute(id);
  return {
    id,
    routeNames: route.routeNames,
    parse: route.parse,
    format: route.format,
    nav: { label: section.title, order, requires, soon: true, useTarget: () => ({ name: id }) },
    title: () => section.title,
    page: () => <ComingSoonPage section={section} />,
  };
}
