// A location hash taken apart for the features' parsers: path segments and query, plus the small parsing helpers
// they share. Pure, and imports nothing of the app, so every feature's routes can use it.
import { clampPage } from '../lib/paging';

export interface HashPath {
  /** "/case/%EF%BC%88…", as it stood in the address (still encoded). */
  path: string;
  /** The non-empty segments of the path, still encoded. */
  parts: string[];
  /** The first segment ("cases", "case", "settings", …); empty when there is none. */
  head: string;
  query: URLSearchParams;
}

/** The parts of "#/cases?status=open"; null for the start ("", "#", "#/"), which the router maps to the case list. */
export function splitHash(hash: string): HashPath | null {
  let h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '' || h === '/') return null;
  if (!h.startsWith('/')) h = '/' + h;
  const qi = h.indexOf('?');
  const path = qi >= 0 ? h.slice(0, qi) : h;
  const query = new URLSearchParams(qi >= 0 ? h.slice(qi + 1) : '');
  const parts = path.split('/').filter((p) => p !== '');
  return { path, parts, head: parts[0] ?? '', query };
}

/** ?page=N: a bad or missing value is page 1, never an error (addresses are typed and bookmarked). */
export function parsePage(v: string | null): number {
  if (v === null || !/^\d{1,7}$/.test(v)) return 1;
  return clampPage(Number(v));
}

export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** A section with one address and no parameters (#/extensions): parse and format for its feature. */
export function plainRoute<K extends string>(name: K) {
  return {
    routeNames: [name] as const,
    parse(path: HashPath): { name: K } | null {
      return path.parts.length === 1 && path.head === name ? { name } : null;
    },
    format(): string {
      return `#/${name}`;
    },
  };
}
