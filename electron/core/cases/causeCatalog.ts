// The SPC catalogues of causes of action and criminal charges (resources/catalogs, from scripts/catalogs.mjs):
// searched by the registration form, and consulted to know whether a cause belongs to the catalogue it names.
import type { CauseCatalogId, CauseEntry } from '../../../shared/cases/caseWork';

type Kind = 'civil' | 'administrative' | 'criminal';
interface CatalogFile {
  catalog: CauseCatalogId;
  items: Array<{ name: string; code: string | null; path: string[] }>;
}

let loaded: Record<Kind, CatalogFile> | null = null;

/** Loaded at the first search: a host that starts pays nothing for a quarter of a megabyte of names. */
function catalogs(): Record<Kind, CatalogFile> {
  loaded ??= require('../../../resources/catalogs/causes.json') as Record<Kind, CatalogFile>;
  return loaded;
}

/** Names that contain the text typed (all of it in order, so 借贷 finds 民间借贷纠纷), shortest first. */
export function searchCauses(kind: Kind, query: string, limit: number): CauseEntry[] {
  const c = catalogs()[kind];
  const q = query.replace(/\s+/g, '');
  const hits = q === '' ? c.items : c.items.filter((i) => i.name.includes(q) || (i.code !== null && i.code === q));
  return [...hits]
    .sort((a, b) => (a.name.startsWith(q) === b.name.startsWith(q) ? a.name.length - b.name.length : a.name.startsWith(q) ? -1 : 1))
    .slice(0, limit)
    .map((i) => ({ name: i.name, code: i.code, path: i.path, catalog: c.catalog }));
}

/** Whether the catalogue holds a cause of exactly this name. */
export function inCatalog(catalog: CauseCatalogId, name: string): boolean {
  return Object.values(catalogs()).some((c) => c.catalog === catalog && c.items.some((i) => i.name === name));
}

/** Which catalogue a stage's causes come from: civil for 民 and 执 (and 诉前调), administrative for 行, charges for 刑. */
export function catalogKindOf(typeCode: string): Kind | null {
  if (typeCode.startsWith('刑')) return 'criminal';
  if (typeCode.startsWith('行')) return 'administrative';
  if (typeCode.startsWith('民') || typeCode.startsWith('执') || typeCode.includes('诉前')) return 'civil';
  return null;
}
